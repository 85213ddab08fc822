import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const workspaceRoot = path.resolve(__dirname, '../../../..');

/** Runs one of the tools/db command-line programs the way npm scripts do. */
function runTool(script: string, env: Record<string, string | undefined>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete childEnv[name];
  const result = spawnSync(
    path.join(workspaceRoot, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'tsconfig.base.json', `tools/db/src/cli/${script}.ts`],
    { cwd: workspaceRoot, env: childEnv, encoding: 'utf8', timeout: 120_000 },
  );
  return { status: result.status, stdout: result.stdout, stderrLines: result.stderr.split('\n').filter(Boolean) };
}

describe('database command-line programs', () => {
  let scratch: string;
  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'iop-cli-spec-'));
    // As root, PostgreSQL runs as the postgres user, which must be able to reach the data directory.
    await chmod(scratch, 0o755);
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));

  it('db:migrate creates an embedded PostgreSQL 18, migrates it, reuses it, and reports damage in one line', async () => {
    const env = { IOP_DATA_DIR: path.join(scratch, 'pg'), DATABASE_URL: undefined };
    const first = runTool('migrate', env);
    expect(first.stderrLines).toEqual([]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('applied: InitialSchema1764288000000');

    const second = runTool('migrate', env);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('the schema is up to date');

    // Damage the cluster's control file, as a crash of the disk would.
    await writeFile(path.join(env.IOP_DATA_DIR, 'global', 'pg_control'), Buffer.alloc(8192, 0x5a));
    const damaged = runTool('migrate', env);
    expect(damaged.status).toBe(1);
    expect(damaged.stderrLines).toHaveLength(1);
    expect(damaged.stderrLines[0]).toMatch(/^error: The local database in .* did not start \(.+\); .*db:reset/);
  });

  it('a corrupt data directory is one line that says how to reset it, and exit code 1', async () => {
    const dataDir = path.join(scratch, 'pg');
    await mkdir(dataDir);
    await writeFile(path.join(dataDir, 'PG_VERSION'), '18\n');
    await writeFile(`${dataDir}.password`, 'secret');
    {
      const run = runTool('migrate', { IOP_DATA_DIR: dataDir, DATABASE_URL: undefined });
      expect(run.status).toBe(1);
      expect(run.stderrLines).toHaveLength(1);
      expect(run.stderrLines[0]).toMatch(/^error: The local database in .* did not start \(.+\); .*db:reset/);
    }
  });
});
