import { SingleBar } from 'cli-progress';

export type ProgressCallback = (done: number, total: number) => void;

/**
 * Runs one start-up step with a line that says what is happening and how long it took; a step that reports
 * progress gets a bar (or, when the output is not a terminal, a line every few seconds).
 */
export async function step<T>(title: string, work: (progress: ProgressCallback) => Promise<T>): Promise<T> {
  const started = Date.now();
  const interactive = process.stdout.isTTY === true;
  let bar: SingleBar | null = null;
  let lastLine = 0;
  process.stdout.write(`- ${title}...${interactive ? '' : '\n'}`);
  const progress: ProgressCallback = (done, total) => {
    if (interactive) {
      if (!bar) {
        process.stdout.write('\n');
        bar = new SingleBar({
          format: '  [{bar}] {percentage}% {value}/{total} {eta_formatted} left',
          hideCursor: true,
        });
        bar.start(total, done);
      }
      bar.update(done);
    } else if (Date.now() - lastLine > 3000 || done === total) {
      lastLine = Date.now();
      process.stdout.write(`  ${done}/${total}\n`);
    }
  };
  try {
    const result = await work(progress);
    (bar as SingleBar | null)?.stop();
    process.stdout.write(
      `${interactive && !bar ? ' ' : '  '}done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return result;
  } catch (error) {
    (bar as SingleBar | null)?.stop();
    if (interactive) process.stdout.write('\n');
    throw error;
  }
}
