/**
 * The early-warning model's worker thread (EarlyWarningWorkers starts it): the logistic fits over the network's
 * weekly history run here, off the API's event loop. Built as its own webpack entry
 * (dist/apps/api/early-warning-worker.js).
 */
import { fitRisk, type RiskFitResult, type RiskFitTask } from './early-warning-fit';
import { serveTasks } from '../evidence/worker-pool';

serveTasks((task: RiskFitTask): RiskFitResult => fitRisk(task));
