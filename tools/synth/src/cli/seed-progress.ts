import { SingleBar } from 'cli-progress';

/**
 * Progress of a seed (or of another walk through the episodes, named by `activity`) on stderr: a bar with
 * episodes and episodes per second on a terminal, otherwise (CI logs, pipes) one line every few seconds.
 */
export function createSeedProgress(
  stream: NodeJS.WriteStream = process.stderr,
  activity = 'seeding',
): {
  update: (done: number, total: number) => void;
  stop: () => void;
} {
  const started = Date.now();
  const rate = (done: number): string => (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(0);
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: `  ${activity} [{bar}] {percentage}% | {value}/{total} episodes | {rate} episodes/s | {duration_formatted}`,
      hideCursor: true,
    });
    let startedBar = false;
    return {
      update(done, total) {
        if (!startedBar) {
          bar.start(total, done, { rate: '0' });
          startedBar = true;
        }
        bar.update(done, { rate: rate(done) });
      },
      stop: () => {
        if (startedBar) bar.stop();
      },
    };
  }
  let lastLine = 0;
  return {
    update(done, total) {
      if (Date.now() - lastLine < 5_000 && done !== total) return;
      lastLine = Date.now();
      stream.write(`  ${activity}: ${done}/${total} episodes (${rate(done)} episodes/s)\n`);
    },
    stop: () => undefined,
  };
}
