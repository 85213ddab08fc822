/**
 * The API's V8 heap limit. Left to itself, V8 sizes the limit from the machine's memory (about 4 GB on a 24 GB
 * machine) and collects lazily below it: under 100 users at the large preset the API's RSS climbed to 555-660 MB
 * while what it kept alive fitted in 256 MB (docs/PERFORMANCE.md "Memory"). A limit makes it collect sooner, for
 * the same CPU in that run. IOP_API_HEAP_MB raises it for networks well past the large preset.
 */
export const DEFAULT_API_HEAP_MB = 384;

/** The flag as `npm start` and the Docker image pass it, through the shell (the default applies when unset). */
export const SHELL_API_HEAP_FLAG = `--max-old-space-size=\${IOP_API_HEAP_MB:-${DEFAULT_API_HEAP_MB}}`;

/** The node flag that sets the API's heap limit from `IOP_API_HEAP_MB` (DEFAULT_API_HEAP_MB when unset). */
export function apiHeapFlag(env: NodeJS.ProcessEnv = process.env): string {
  const megabytes = env['IOP_API_HEAP_MB'] ?? String(DEFAULT_API_HEAP_MB);
  if (!/^[1-9][0-9]*$/.test(megabytes)) {
    throw new RangeError(`IOP_API_HEAP_MB must be a whole number of megabytes, got "${megabytes}"`);
  }
  return `--max-old-space-size=${megabytes}`;
}
