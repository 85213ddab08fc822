import { PassThrough } from 'node:stream';
import { readNewPassword } from './users-password';

/** A stand-in terminal: what the user types goes to input; what the program shows is collected. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  return { input, output, shown: () => shown };
}

/** Types each answer once its prompt has been shown (a moment later, as a person would). */
function typeAnswers(terminal: ReturnType<typeof fakeTerminal>, answers: string[]): void {
  const prompts = ['Password (at least 12 characters): ', 'The same password again: '];
  let typed = 0;
  terminal.output.on('data', () => {
    if (typed < answers.length && terminal.shown().endsWith(prompts[typed])) {
      const answer = answers[typed];
      typed += 1;
      setImmediate(() => terminal.input.write(answer));
    }
  });
}

describe('the password of npm run users', () => {
  it('is asked twice on a terminal, and what is typed is not shown', async () => {
    const terminal = fakeTerminal();
    typeAnswers(terminal, ['correct horse 1\r', 'correct horse 1\r']);
    await expect(readNewPassword(terminal)).resolves.toBe('correct horse 1');
    expect(terminal.shown()).toContain('Password (at least 12 characters): ');
    expect(terminal.shown()).toContain('The same password again: ');
    expect(terminal.shown()).not.toContain('correct');
  });

  it('is refused when the two entries differ', async () => {
    const terminal = fakeTerminal();
    typeAnswers(terminal, ['correct horse 1\r', 'correct horse 2\r']);
    await expect(readNewPassword(terminal)).rejects.toThrow('the two passwords differ; no account was changed');
  });

  it('is the first line of stdin when stdin is not a terminal, without its line end', async () => {
    const input = new PassThrough();
    input.end('from a pipe 123\r\nsecond line\n');
    await expect(readNewPassword({ input, output: new PassThrough() })).resolves.toBe('from a pipe 123');
  });

  it('may be a last line without a line end', async () => {
    const input = new PassThrough();
    input.end('no newline at all');
    await expect(readNewPassword({ input, output: new PassThrough() })).resolves.toBe('no newline at all');
  });

  it('is refused when stdin is empty, shorter than 12 characters, or longer than 256', async () => {
    const piped = (text: string) => {
      const input = new PassThrough();
      input.end(text);
      return readNewPassword({ input, output: new PassThrough() });
    };
    await expect(piped('')).rejects.toThrow('no password on stdin');
    await expect(piped('eleven char\n')).rejects.toThrow('the password must be at least 12 characters');
    await expect(piped('twelve chars\n')).resolves.toBe('twelve chars');
    await expect(piped(`${'x'.repeat(257)}\n`)).rejects.toThrow('the password must be at most 256 characters');
  });
});
