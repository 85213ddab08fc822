import { ADMIN_PASSWORD_MIN_LENGTH } from '@iop/contracts';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { StartupError } from '../lib/startup-error';

/** As the API's account endpoints accept (admin-users.dto.ts). */
export const PASSWORD_MAX_LENGTH = 256;

export interface PasswordStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where the prompts go (stderr, so that stdout carries only results). */
  output: NodeJS.WritableStream;
}

/**
 * A new account's password: typed twice at a prompt that does not echo when stdin is a terminal, else the
 * first line of stdin (for scripts: `printf '%s\n' "$PASSWORD" | npm run users -- create ...`). Never taken from
 * the command line, where the shell history and the process list would keep it.
 */
export async function readNewPassword(
  streams: PasswordStreams = { input: process.stdin, output: process.stderr },
): Promise<string> {
  const password = streams.input.isTTY ? await promptTwice(streams) : await readFirstLine(streams.input);
  if (password.length < ADMIN_PASSWORD_MIN_LENGTH) {
    throw new StartupError(`the password must be at least ${ADMIN_PASSWORD_MIN_LENGTH} characters`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new StartupError(`the password must be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  return password;
}

async function promptTwice({ input, output }: PasswordStreams): Promise<string> {
  // readline echoes what is typed to its output: it gets one that shows nothing, and the prompts are written
  // past it.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input, output: silent, terminal: true });
  const cancel = new AbortController();
  // Ctrl-C or Ctrl-D at the prompt ends the command rather than leaving it waiting.
  prompt.once('SIGINT', () => cancel.abort());
  prompt.once('close', () => cancel.abort());
  const ask = async (question: string): Promise<string> => {
    output.write(question);
    try {
      return await prompt.question('', { signal: cancel.signal });
    } catch {
      throw new StartupError('cancelled: no account was changed');
    } finally {
      output.write('\n');
    }
  };
  try {
    const first = await ask(`Password (at least ${ADMIN_PASSWORD_MIN_LENGTH} characters): `);
    const second = await ask('The same password again: ');
    if (first !== second) throw new StartupError('the two passwords differ; no account was changed');
    return first;
  } finally {
    prompt.close();
  }
}

async function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of lines) return line;
  } finally {
    lines.close();
  }
  throw new StartupError('no password on stdin: pipe it as the first line, or run the command in a terminal');
}
