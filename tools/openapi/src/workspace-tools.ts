import { spawnSync } from 'node:child_process';
import path from 'node:path';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');

/** The workspace's tsconfig.base.json, whose paths resolve @iop/contracts. */
export const BASE_TSCONFIG = path.join(WORKSPACE_ROOT, 'tsconfig.base.json');

/**
 * Redocly's CLI otherwise sends usage data and checks the registry for a newer version: a test must not
 * reach the network. (openapi-typescript does neither; it reads only the document it is given.)
 */
const OFFLINE = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command that npm installed in the workspace (node_modules/.bin), from the workspace root. */
export function runWorkspaceBin(name: string, args: readonly string[]): CommandResult {
  const result = spawnSync(path.join(WORKSPACE_ROOT, 'node_modules', '.bin', name), args, {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, ...OFFLINE },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
