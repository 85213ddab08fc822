import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { EvidenceClaim } from '@iop/contracts';
import { formatCount } from '../../ui/formats/number-format';
import { formatEffect, headlineEffectOf, measureName, multiplicityText, VERDICT_LABELS } from './evidence-format';
import { evidenceSentence } from './evidence-sentence';

/** Symbols so that the verdict never rests on colour alone. */
const VERDICT_SYMBOLS = { associated: '●', no_clear_association: '○', not_enough_data: '–' } as const;

/** A claim's words and numbers: verdict badge, exposure and outcome, both effects and the plain sentence. */
@Component({
  selector: 'iop-evidence-claim-summary',
  template: `
    @let current = claim();
    <p class="verdict" [class]="'verdict verdict-' + current.verdict" data-testid="claim-verdict">
      <span aria-hidden="true">{{ symbol() }}</span> {{ verdictLabel() }}
    </p>
    <dl class="facts">
      <dt>Exposure</dt>
      <dd>{{ current.exposure }}</dd>
      <dt>Outcome</dt>
      <dd>{{ current.outcome }}</dd>
      <dt>Unadjusted</dt>
      <dd data-testid="claim-unadjusted">
        <span class="measure">{{ unadjustedMeasure() }}:</span> {{ unadjustedText() }}
      </dd>
      <dt>Adjusted</dt>
      <dd data-testid="claim-adjusted">
        <span class="measure">{{ adjustedMeasure() }}:</span> {{ adjustedText() }}
      </dd>
      <dt><abbr title="raw p of the adjusted effect; q: Benjamini-Hochberg false discovery rate">p, q</abbr></dt>
      <dd data-testid="claim-p-q">{{ pqText() }}</dd>
      <dt>n</dt>
      <dd data-testid="claim-n">{{ nText() }} episodes</dd>
    </dl>
    <p class="sentence" data-testid="claim-sentence">{{ sentence() }}</p>
  `,
  styleUrl: './claim-summary.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClaimSummary {
  readonly claim = input.required<EvidenceClaim>();

  protected readonly symbol = computed(() => VERDICT_SYMBOLS[this.claim().verdict]);
  protected readonly verdictLabel = computed(() => VERDICT_LABELS[this.claim().verdict]);
  protected readonly unadjustedMeasure = computed(() => measureName(this.claim().unadjusted));
  protected readonly adjustedMeasure = computed(() => measureName(this.claim().adjusted));
  protected readonly unadjustedText = computed(() => formatEffect(this.claim().unadjusted));
  protected readonly adjustedText = computed(() => formatEffect(this.claim().adjusted));
  protected readonly pqText = computed(() => multiplicityText(this.claim().adjusted));
  protected readonly nText = computed(() => formatCount(this.claim().n));
  protected readonly sentence = computed(() => {
    const claim = this.claim();
    const { effect, adjusted } = headlineEffectOf(claim);
    return evidenceSentence({
      n: claim.n,
      verdict: claim.verdict,
      effect,
      adjusted,
      q: claim.chart.type === 'cost_bars' ? null : claim.adjusted.q,
      // The cost card's verdict is about IOP against inpatient prices, not its exposure/outcome pair.
      exposure: claim.chart.type === 'cost_bars' ? 'IOP instead of inpatient care' : claim.exposure,
      outcome: claim.chart.type === 'cost_bars' ? 'savings per episode' : claim.outcome,
    });
  });
}
