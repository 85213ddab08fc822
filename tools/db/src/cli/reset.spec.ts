import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../../../..');

function reset(argv: string[], dataDir: string) {
  const result = spawnSync(
    path.join(workspaceRoot, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'tsconfig.base.json', 'tools/db/src/cli/reset.ts', ...argv],
    { cwd: workspaceRoot, env: { ...process.env, IOP_DATA_DIR: dataDir }, encoding: 'utf8' },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run db:reset', () => {
  let scratch: string;
  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'iop-reset-spec-'));
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));

  it('-- --empty deletes the database and says the next start is empty', async () => {
    const dataDir = path.join(scratch, 'pg');
    await mkdir(dataDir);
    const run = reset(['--empty'], dataDir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `removed ${path.relative(workspaceRoot, dataDir)}; the next npm start starts with an empty database ` +
        '(no demo network). Create the first admin with `npm run users -- create --email you@example.org --role admin`\n',
    );
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(path.join(scratch, 'start-empty'))).toBe(true);
  });

  it('refuses an unknown option with exit code 2 and deletes nothing', async () => {
    const dataDir = path.join(scratch, 'pg');
    await mkdir(dataDir);
    const run = reset(['--emtpy'], dataDir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("error: Unknown option '--emtpy'\nusage: npm run db:reset [-- --empty]\n");
    expect(existsSync(dataDir)).toBe(true);
  });
});
