/** Runs one start-up step between a line that says what is happening and one that says how long it took. */
export async function step<T>(title: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stdout.write(`- ${title}...\n`);
  const result = await work();
  process.stdout.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return result;
}
