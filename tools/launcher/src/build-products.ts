import { spawn } from 'node:child_process';
import path from 'node:path';
import { StartupError } from '@iop/db-server';

/**
 * Builds the API and the dashboard through Nx, whose local cache makes this a few-second no-op when
 * nothing changed. The output is kept and shown only if the build fails.
 */
export function buildProducts(workspaceRoot: string): Promise<void> {
  const nx = path.join(workspaceRoot, 'node_modules', '.bin', 'nx');
  const child = spawn(nx, ['run-many', '-t', 'build', '-p', 'api', 'dashboard', '--output-style=static'], {
    cwd: workspaceRoot,
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new StartupError(`could not run Nx to build the product: ${error.message}`)));
    child.once('close', (code) => {
      if (code === 0) return resolve();
      process.stderr.write(output);
      reject(new StartupError('the build failed (its output is above); fix it and run npm start again'));
    });
  });
}
