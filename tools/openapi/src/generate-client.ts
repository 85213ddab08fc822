import { runWorkspaceBin } from './workspace-tools';

/**
 * Writes the `paths` and `components` types that openapi-typescript generates from an OpenAPI document
 * file. `--array-length` turns arrays with minItems = maxItems (the 95% intervals) into tuples, as the
 * contracts type them. It runs as a command: its dependencies are ES modules, which jest cannot load.
 */
export function generateClientTypes(documentPath: string, outputPath: string): void {
  const { status, stderr } = runWorkspaceBin('openapi-typescript', [documentPath, '--array-length', '-o', outputPath]);
  if (status !== 0) throw new Error(`openapi-typescript failed:\n${stderr}`);
}
