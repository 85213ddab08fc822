import type { ImportProgressUpdate } from '@iop/import';
import { SingleBar } from 'cli-progress';

const STAGE_WORDS: Record<ImportProgressUpdate['stage'], string> = {
  reading: 'reading',
  checking: 'checking references',
  writing: 'writing',
  refreshing: 'refreshing facts',
  done: 'done',
};

/**
 * Progress of an import on stderr: a bar over the bytes read with rows read, validated and loaded on a terminal;
 * otherwise (CI logs, pipes) one line every few seconds and at each change of stage.
 */
export function createImportProgress(stream: NodeJS.WriteStream = process.stderr): {
  update: (update: ImportProgressUpdate) => void;
  stop: () => void;
} {
  const started = Date.now();
  const rate = (rows: number): string =>
    Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001)).toLocaleString('en-US');
  const fields = ({ stage, progress }: ImportProgressUpdate) => ({
    stage: STAGE_WORDS[stage].padEnd(19),
    read: progress.rowsRead.toLocaleString('en-US'),
    validated: progress.rowsValidated.toLocaleString('en-US'),
    loaded: progress.rowsLoaded.toLocaleString('en-US'),
    rate: rate(progress.rowsRead),
  });
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: '  {stage} [{bar}] {percentage}% | read {read} | valid {validated} | loaded {loaded} | {rate} rows/s',
      hideCursor: true,
    });
    let barStarted = false;
    return {
      update(update) {
        const { bytesRead, bytesTotal } = update.progress;
        if (!barStarted) {
          bar.start(Math.max(bytesTotal, 1), bytesRead, fields(update));
          barStarted = true;
        }
        bar.update(bytesRead, fields(update));
      },
      stop: () => {
        if (barStarted) bar.stop();
      },
    };
  }
  let lastLine = 0;
  let lastStage = '';
  return {
    update(update) {
      if (Date.now() - lastLine < 5_000 && update.stage === lastStage) return;
      lastLine = Date.now();
      lastStage = update.stage;
      const f = fields(update);
      stream.write(
        `  ${f.stage.trim()}: read ${f.read}, valid ${f.validated}, loaded ${f.loaded} (${f.rate} rows/s)\n`,
      );
    },
    stop: () => undefined,
  };
}
