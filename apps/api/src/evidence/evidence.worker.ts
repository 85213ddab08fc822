/**
 * The evidence board's worker thread (EvidenceWorkers starts it): fits the models of the claims it is sent,
 * off the API's event loop. Built as its own webpack entry (dist/apps/api/evidence-worker.js).
 */
import { threadId } from 'node:worker_threads';
import { computeClaims, type ClaimsResult, type ClaimsTask } from './board-claims';
import { serveTasks } from './worker-pool';

serveTasks((task: ClaimsTask): ClaimsResult => ({ threadId, cards: computeClaims(task) }));
