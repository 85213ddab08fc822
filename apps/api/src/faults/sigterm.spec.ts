import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import { request as httpRequest } from 'node:http';
import { createTestUser } from '../testing/test-app';
import { SHUTTING_DOWN_MESSAGE } from './graceful-shutdown';
import { startApiProcess, type ApiExit, type ApiProcess } from './testing/api-process';

/** The process must be gone this long after SIGTERM; a longer shutdown fails the test instead of waiting on. */
const EXIT_BOUND_MS = 10_000;

const CREDENTIALS = { email: 'sigterm@faults.test', password: 'sigterm-password' };

/** A sign-in whose body arrives in two parts: in flight from its first part until `finish()`. */
function slowSignIn(baseUrl: string) {
  const body = JSON.stringify(CREDENTIALS);
  const split = body.indexOf(',') + 1;
  let finish!: () => void;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL('/api/v1/auth/login', baseUrl);
    const request = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on('error', reject);
    request.write(body.slice(0, split));
    finish = () => request.end(body.slice(split));
  });
  return { answer, finish: () => finish() };
}

/** What a new request meets: its status and message, or the socket error. */
async function newRequest(baseUrl: string): Promise<unknown> {
  try {
    const response = await fetch(`${baseUrl}/api/health`);
    return { status: response.status, message: ((await response.json()) as { message?: unknown }).message };
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code ?? String(error);
  }
}

describe('SIGTERM to the API process (main.ts)', () => {
  let database: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTestUser(database.url, { ...CREDENTIALS, role: 'director' });
    api = await startApiProcess(database.url);
  }, 150_000);
  afterAll(async () => {
    api?.kill();
    await database?.drop();
  });

  it('lets the request in flight finish, refuses new ones, and exits 0 within 10 s', async () => {
    const slow = slowSignIn(api.baseUrl);
    // A whole round trip after the slow request's first part: the server has it by now.
    expect((await fetch(`${api.baseUrl}/api/health`)).status).toBe(200);

    process.kill(api.pid, 'SIGTERM');
    await api.printed(/shutting down; 1 request\(s\) in flight/, EXIT_BOUND_MS);
    // Refused while the request in flight finishes: the listening socket stays open until then, and answers 503.
    expect(await newRequest(api.baseUrl)).toEqual({ status: 503, message: SHUTTING_DOWN_MESSAGE });

    slow.finish();
    const signedIn = await slow.answer;
    expect({ status: signedIn.status, hasToken: 'accessToken' in (JSON.parse(signedIn.body) as object) }).toEqual({
      status: 200,
      hasToken: true,
    });

    const exit = await Promise.race([
      api.exited,
      new Promise<ApiExit | 'still running'>((resolve) =>
        setTimeout(() => resolve('still running'), EXIT_BOUND_MS).unref(),
      ),
    ]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(api.output()).toContain('shut down cleanly');
  });
});
