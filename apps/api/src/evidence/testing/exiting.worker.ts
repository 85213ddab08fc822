/**
 * Test worker for worker-pool.spec.ts: answers its thread id, throws when asked to, and ends its thread
 * (process.exit in a worker stops that worker only) when told to exit, as a crash would.
 */
import { threadId } from 'node:worker_threads';
import { serveTasks } from '../worker-pool';

serveTasks((task: 'thread' | 'throw' | 'exit') => {
  if (task === 'exit') process.exit(3);
  if (task === 'throw') throw new RangeError('asked to throw');
  return threadId;
});
