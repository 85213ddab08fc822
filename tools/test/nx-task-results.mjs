// Reads which tasks an `nx run-many` failed from what it printed ("Failed tasks:" then "- project:target" lines).

// eslint-disable-next-line no-control-regex -- the ANSI colour sequences Nx prints are control characters.
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * The failed tasks ("api:lint", ...) Nx listed in `output`; an empty list when it reported success, and null when
 * it printed neither (it stopped before running anything), so that no task is then counted as passed.
 */
export function failedNxTasks(output) {
  const lines = output.replace(ANSI, '').split(/\r?\n/);
  const heading = lines.findIndex((line) => line.trim() === 'Failed tasks:');
  if (heading === -1) return /Successfully ran targets? /.test(output.replace(ANSI, '')) ? [] : null;
  const failed = [];
  for (const line of lines.slice(heading + 1)) {
    const task = /^\s*-\s+(\S+:\S+)\s*$/.exec(line);
    if (task) failed.push(task[1]);
    else if (line.trim() !== '') break;
  }
  return failed;
}
