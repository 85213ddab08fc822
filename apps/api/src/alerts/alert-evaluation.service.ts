import type { EpisodeFilters, FunnelMetric } from '@iop/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AccessScope } from '../access/access-scope';
import { scopeOf } from '../access/signed-in-user';
import { parseRows } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { FunnelService } from '../metrics/funnel.service';
import { MetricsService } from '../metrics/metrics.service';
import { ruleRefusal } from './alert-access';
import {
  type AlertFigure,
  crossesThreshold,
  findingMessage,
  funnelFigure,
  groupFigure,
  pooledRateFigure,
  summaryFigure,
} from './alert-findings';
import { AlertMailer } from './alert-mailer';
import { AlertQueue } from './alert-queue';
import { AlertRulesQuery, type AlertOwner, type StoredAlertRule } from './alert-rules.query';
import { NotificationsQuery } from './notifications.query';

/** Each organisation's data version: the time of its latest load. */
const versionRow = z.object({ org_id: pg.int, version: pg.text });

/** What a rule saw: its figure (null when withheld or undefined) and the data's as-of date. */
interface Observation {
  figure: AlertFigure | null;
  asOf: string | null;
}

export interface EvaluationOutcome {
  evaluated: number;
  fired: number;
}

/**
 * Evaluates every enabled rule as its owner would see the figure now, through the metric services (so a payer's
 * rule goes through small-cell suppression and perturbation, and a withheld figure never fires), and writes a
 * notification for each that fires, once per rule and data version (the table's unique index decides, so two
 * evaluations of one load cannot both fire). E-mails go to their own retried jobs: the run never waits on SMTP.
 */
@Injectable()
export class AlertEvaluationService {
  private readonly logger = new Logger(AlertEvaluationService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: AlertRulesQuery,
    private readonly notifications: NotificationsQuery,
    private readonly metrics: MetricsService,
    private readonly funnels: FunnelService,
    private readonly mailer: AlertMailer,
    private readonly queue: AlertQueue,
  ) {}

  async evaluateAll(): Promise<EvaluationOutcome> {
    const versions = await this.dataVersions();
    const rules = await this.rules.enabledRules();
    const owners = await this.rules.owners([...new Set(rules.map((rule) => rule.ownerId))]);
    let evaluated = 0;
    let fired = 0;
    for (const rule of rules) {
      const owner = owners.get(rule.ownerId);
      const version = owner && versions.get(owner.orgId);
      // A disabled owner, no data yet, or a rule its owner may no longer see: nothing to evaluate.
      if (!owner || version === undefined || ruleRefusal(owner, rule)) continue;
      evaluated += 1;
      try {
        if (await this.evaluate(rule, owner, version)) fired += 1;
      } catch (error) {
        // One rule that cannot be computed does not stop the others.
        this.logger.error(`alert rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.logger.log(`alert rules evaluated: ${evaluated}, fired: ${fired}`);
    return { evaluated, fired };
  }

  /** True when the rule fired at this data version for the first time. */
  private async evaluate(rule: StoredAlertRule, owner: AlertOwner, dataVersion: string): Promise<boolean> {
    const { figure, asOf } = await this.observe(rule, scopeOf(owner));
    if (!figure || (rule.kind === 'threshold' && !crossesThreshold(rule, figure))) return false;
    const id = await this.notifications.insert({
      userId: owner.id,
      ruleId: rule.id,
      dataVersion,
      metric: rule.metric,
      scopeLabel: rule.scopeLabel,
      asOf,
      figure,
      message: findingMessage(rule, rule.scopeLabel, figure),
    });
    if (id === null) return false;
    if (this.mailer.configured) {
      await this.queue
        .enqueueEmail(id)
        .catch((error: unknown) =>
          this.logger.error(
            `queueing the e-mail of notification ${id}: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    }
    return true;
  }

  private async observe(rule: StoredAlertRule, scope: AccessScope): Promise<Observation> {
    const filters: EpisodeFilters =
      rule.scope === 'program' && rule.programId !== null
        ? { programId: [rule.programId] }
        : rule.scope === 'payer' && rule.payer !== null
          ? { payer: [rule.payer] }
          : {};
    const unitKey = rule.scope === 'program' ? String(rule.programId) : (rule.payer ?? '');
    if (rule.kind === 'funnel') {
      if (rule.scope === 'network') return { figure: null, asOf: null };
      // The unit against the whole of the owner's view: the funnel is drawn over every unit, not the rule's one.
      const funnel = await this.funnels.funnel(scope, {}, rule.metric as FunnelMetric, rule.scope);
      return { figure: funnelFigure(funnel, unitKey), asOf: funnel.asOf };
    }
    if (rule.metric !== 'noShowRate') {
      const summary = await this.metrics.summary(scope, filters);
      return { figure: summaryFigure(rule.metric, summary), asOf: summary.asOf };
    }
    // The no-show rate is counted per appointment and is not in the summary: the breakdown carries it.
    if (rule.scope !== 'network') {
      const breakdown = await this.metrics.breakdown(scope, filters, 'noShowRate', rule.scope);
      return { figure: groupFigure(breakdown, unitKey), asOf: breakdown.asOf };
    }
    if (scope.smallCells === 'suppress') return { figure: null, asOf: null };
    const byProgram = await this.metrics.breakdown(scope, filters, 'noShowRate', 'program');
    return { figure: pooledRateFigure(byProgram), asOf: byProgram.asOf };
  }

  private async dataVersions(): Promise<Map<number, string>> {
    const rows: unknown = await this.dataSource.query(`SELECT org_id, loaded_at::text AS version FROM dataset_meta`);
    return new Map(
      parseRows('AlertEvaluationService.dataVersions', versionRow, rows).map((row) => [row.org_id, row.version]),
    );
  }
}
