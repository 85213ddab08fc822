import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../../..');

/** Runs `npm start`'s program the way the npm script does, and collects what it says. */
function npmStart(env: Record<string, string | undefined>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete childEnv[name];
  const result = spawnSync(
    path.join(workspaceRoot, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'tsconfig.base.json', 'tools/launcher/src/main.ts'],
    { cwd: workspaceRoot, env: childEnv, encoding: 'utf8', timeout: 120_000 },
  );
  return { status: result.status, stdout: result.stdout, stderrLines: result.stderr.split('\n').filter(Boolean) };
}

// What a user meets when something is wrong: one line that says what and what to do, and a non-zero exit.
describe('npm start refuses to start, in one line', () => {
  let scratch: string;
  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'iop-launcher-spec-'));
    await chmod(scratch, 0o755);
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));

  it('on a port in use', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const run = npmStart({ PORT: String(port), IOP_DATA_DIR: path.join(scratch, 'pg') });
      expect(run.status).toBe(1);
      expect(run.stderrLines).toEqual([
        `error: port ${port} is already in use; stop what uses it or run with another, e.g. PORT=3001 npm start`,
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('on a PORT that is not a port', () => {
    const run = npmStart({ PORT: 'eighty' });
    expect(run.status).toBe(1);
    expect(run.stderrLines).toEqual(['error: PORT must be an integer between 1 and 65535, not "eighty"']);
  });

  it('on a wrong DATABASE_URL, naming it without its password', () => {
    const run = npmStart({ DATABASE_URL: 'postgres://app:s3cret@127.0.0.1:1/iop', PORT: '3998' });
    expect(run.status).toBe(1);
    expect(run.stderrLines).toEqual([
      expect.stringMatching(/^error: DATABASE_URL: cannot connect to postgres:\/\/app@127\.0\.0\.1:1\/iop: /),
    ]);
    expect(run.stderrLines[0]).not.toContain('s3cret');
  });

  it('on a damaged data directory, saying how to reset it', async () => {
    const dataDir = path.join(scratch, 'pg');
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, 'PG_VERSION'), '18\n');
    await writeFile(`${dataDir}.password`, 'secret');
    const run = npmStart({ IOP_DATA_DIR: dataDir, DATABASE_URL: undefined, PORT: '3997' });
    expect(run.status).toBe(1);
    expect(run.stderrLines).toHaveLength(1);
    expect(run.stderrLines[0]).toMatch(/^error: The local database in .* did not start \(.+\); .*db:reset/);
  });
});
