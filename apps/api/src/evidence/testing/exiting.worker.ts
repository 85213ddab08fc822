/**
 * Test worker for worker-pool.spec.ts: answers its thread id, throws when asked to, and ends its thread
 * (process.exit in a worker stops that worker only) when told to exit, as a crash would; sums an array it is sent.
 */
import { threadId } from 'node:worker_threads';
import { serveTasks } from '../worker-pool';

export type TestTask = 'thread' | 'throw' | 'exit' | { sum: Float64Array };

serveTasks((task: TestTask) => {
  if (typeof task === 'object') return task.sum.reduce((total, value) => total + value, 0);
  if (task === 'exit') process.exit(3);
  if (task === 'throw') throw new RangeError('asked to throw');
  return threadId;
});
