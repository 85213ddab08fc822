import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  ALERT_METRICS,
  type AlertComparison,
  type AlertKind,
  type AlertRule,
  type AlertRuleValue,
  type AlertScope,
  type EpisodeMetric,
  offersFunnelRule,
  type Payer,
  PAYERS,
} from '@iop/contracts';
import { AlertsApi } from '../../data-access/api/alerts-api';
import { FiltersApi } from '../../data-access/api/filters-api';
import { errorMessageOf } from '../../data-access/api/resource-state';
import { AuthSession } from '../../data-access/auth/auth-session';
import { alertProblem, conditionText, metricLabel, thresholdInPercent } from './alerts-display';

const PAYER_LABELS: Record<Payer, string> = {
  medicaid: 'Medicaid',
  medicare: 'Medicare',
  commercial: 'Commercial',
  self_pay: 'Self-pay',
  other: 'Other',
};

/**
 * The signed-in user's alert rules: a metric, what it looks at (all programs in view, a program, a payer), and a
 * threshold or the funnel's 99.8% limits; added, changed and removed here. A payer's rules look at their own payer.
 */
@Component({
  selector: 'iop-alerts-page',
  imports: [
    FormsModule,
    MatButton,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    MatTableModule,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './alerts-page.html',
  styleUrl: './alerts-page.scss',
})
export class AlertsPage {
  private readonly api = inject(AlertsApi);
  private readonly session = inject(AuthSession);
  private readonly options = inject(FiltersApi).options();
  private readonly rulesResource = this.api.rules();

  protected readonly metrics = ALERT_METRICS;
  protected readonly metricLabel = metricLabel;
  protected readonly conditionText = conditionText;
  protected readonly payerLabels = PAYER_LABELS;
  protected readonly ownPayer = computed(() => this.session.user()?.payer ?? null);
  protected readonly payers = computed(() => {
    const own = this.ownPayer();
    return own ? [own] : PAYERS;
  });
  protected readonly programs = computed(() => (this.options.hasValue() ? (this.options.value()?.programs ?? []) : []));
  protected readonly rules = computed(() =>
    this.rulesResource.hasValue() ? (this.rulesResource.value()?.rules ?? []) : undefined,
  );
  protected readonly loading = computed(() => this.rulesResource.isLoading());
  protected readonly loadError = errorMessageOf(this.rulesResource);
  protected readonly columns = ['metric', 'scope', 'condition', 'enabled', 'actions'];

  /** The rule being changed; null while adding one. */
  protected readonly editing = signal<AlertRule | null>(null);
  protected readonly metric = signal<EpisodeMetric>('completionRate');
  protected readonly scope = signal<AlertScope>(this.ownPayer() ? 'payer' : 'network');
  protected readonly programId = signal<number | null>(null);
  protected readonly payer = signal<Payer | null>(this.ownPayer());
  protected readonly kind = signal<AlertKind>('threshold');
  protected readonly comparison = signal<AlertComparison>('below');
  /** As typed: in percent for rates. */
  protected readonly threshold = signal<number | null>(null);
  protected readonly enabled = signal(true);
  protected readonly inPercent = computed(() => thresholdInPercent(this.metric()));
  protected readonly funnelOffered = computed(() => offersFunnelRule(this.metric()) && this.scope() !== 'network');
  protected readonly notice = signal('');
  protected readonly problem = signal('');

  protected edit(rule: AlertRule): void {
    this.notice.set('');
    this.problem.set('');
    this.editing.set(rule);
    this.metric.set(rule.metric);
    this.scope.set(rule.scope);
    this.programId.set(rule.programId);
    this.payer.set(rule.payer);
    this.kind.set(rule.kind);
    this.comparison.set(rule.comparison ?? 'below');
    const threshold = rule.threshold;
    this.threshold.set(threshold === null ? null : thresholdInPercent(rule.metric) ? threshold * 100 : threshold);
    this.enabled.set(rule.enabled);
  }

  protected cancel(): void {
    this.editing.set(null);
    this.threshold.set(null);
    this.problem.set('');
  }

  protected async save(): Promise<void> {
    this.notice.set('');
    this.problem.set('');
    const editing = this.editing();
    try {
      if (editing) {
        await this.api.updateRule(editing.id, this.value());
        this.notice.set('The rule is changed.');
      } else {
        await this.api.createRule(this.value());
        this.notice.set('The rule is added: it is evaluated after every data load and every night.');
      }
      this.cancel();
      this.rulesResource.reload();
    } catch (error) {
      this.problem.set(alertProblem(error));
    }
  }

  protected async remove(rule: AlertRule): Promise<void> {
    this.notice.set('');
    this.problem.set('');
    try {
      await this.api.removeRule(rule.id);
      if (this.editing()?.id === rule.id) this.cancel();
      this.notice.set('The rule is removed; its notifications stay.');
      this.rulesResource.reload();
    } catch (error) {
      this.problem.set(alertProblem(error));
    }
  }

  protected reload(): void {
    this.rulesResource.reload();
  }

  private value(): AlertRuleValue {
    const scope = this.scope();
    const kind = this.funnelOffered() ? this.kind() : 'threshold';
    const typed = this.threshold();
    return {
      metric: this.metric(),
      scope,
      programId: scope === 'program' ? this.programId() : null,
      payer: scope === 'payer' ? this.payer() : null,
      kind,
      comparison: kind === 'threshold' ? this.comparison() : null,
      threshold: kind === 'threshold' && typed !== null ? (this.inPercent() ? typed / 100 : typed) : null,
      enabled: this.enabled(),
    };
  }
}
