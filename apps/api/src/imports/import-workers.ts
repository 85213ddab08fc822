import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ImportFileSweeper } from './import-file-sweeper';
import { ImportJobRunner } from './import-job-runner';
import { ImportQueue } from './import-queue';

/** Starts taking import jobs and sweeps once the whole app is up (the queue itself starts with the module). */
@Injectable()
export class ImportWorkers implements OnApplicationBootstrap {
  constructor(
    private readonly queue: ImportQueue,
    private readonly runner: ImportJobRunner,
    private readonly sweeper: ImportFileSweeper,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.workImports((importId) => this.runner.run(importId));
    await this.queue.workSweeps(async () => {
      await this.sweeper.sweep();
    });
  }
}
