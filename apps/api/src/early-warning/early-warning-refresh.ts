import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config';
import { EarlyWarningService } from './early-warning.service';

/**
 * Keeps the early-warning model fitted for the current data version, in the background: at start-up and then every
 * IOP_EARLY_WARNING_REFRESH_SECONDS. Fitting it reads the whole network's weekly history (about a minute at the large
 * preset), which no request should wait for. A check finds the model of an unchanged version in the service's cache
 * at once, so between loads each costs one small query; after any load (an upload, the import CLI, the seeder) or a
 * change of settings the next check refits. Every process keeps its own model, as it keeps its own cache.
 */
@Injectable()
export class EarlyWarningRefresh implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EarlyWarningRefresh.name);
  private readonly periodSeconds: number;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly earlyWarning: EarlyWarningService,
  ) {
    this.periodSeconds = config.get('IOP_EARLY_WARNING_REFRESH_SECONDS', { infer: true });
  }

  onApplicationBootstrap(): void {
    if (this.periodSeconds === 0) return;
    this.check();
    // unref: a pending check never keeps a stopping process alive.
    this.timer = setInterval(() => this.check(), this.periodSeconds * 1000).unref();
  }

  /** A fit under way is abandoned, not awaited: the service aborts its history reading as it is destroyed. */
  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  /** One check at a time: a fit longer than the period is not started twice. */
  private check(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    const started = Date.now();
    void this.earlyWarning
      .prepareModel()
      .then(() => {
        const seconds = (Date.now() - started) / 1000;
        if (seconds >= 1) this.logger.log(`early-warning model fitted in the background in ${seconds.toFixed(1)} s`);
      })
      .catch((error: unknown) => {
        if (this.stopped) return; // abandoned on purpose
        this.logger.error(
          `refitting the early-warning model: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        this.running = false;
      });
  }
}
