import { type Icer, isSuppressed } from '@iop/contracts';
import { DEMO_COST_SUMMARY } from './cost-summary.fixture';
import { toIcerDisplay } from './icer-display';

const money = (dollars: number | null) => ({ dollars, dollarYear: 2025, source: 'charges' });
function shownIcer(icer: Icer | { suppressed: true; reason: string }): Icer {
  if (isSuppressed(icer)) throw new Error('The demo fixture shows its ICERs.');
  return icer;
}
const completer = shownIcer(DEMO_COST_SUMMARY.icer.perAdditionalCompleter);

describe('toIcerDisplay', () => {
  it('states a trade-off with its price per additional completer', () => {
    expect(toIcerDisplay(completer)).toEqual({
      effect: 'completer',
      heading: 'Per additional completer',
      statusLabel: 'Trade-off',
      verdict: 'IOP costs more and achieves more: $20,575 per additional completer.',
      details: [
        'Cost per discharged episode: IOP $3,516, standard outpatient $1,096',
        'Share with completion: IOP 36.5%, standard outpatient 24.7%',
        'Difference, IOP minus standard outpatient: +$2,420 per episode, +11.8 percentage points',
      ],
    });
    expect(toIcerDisplay(DEMO_COST_SUMMARY.icer.perAdditionalAbstinent).verdict).toBe(
      'IOP costs more and achieves more: $31,938 per additional abstinent patient.',
    );
  });

  it('words the cheaper, less effective trade-off as savings per outcome forgone', () => {
    const cheaper: Icer = {
      ...completer,
      incrementalCost: money(-500),
      incrementalEffect: -0.05,
      icer: money(10_000),
    };
    expect(toIcerDisplay(cheaper).verdict).toBe(
      'IOP costs less and achieves less: $10,000 saved per completer forgone.',
    );
  });

  it('explains dominated and dominant without a ratio', () => {
    const dominated: Icer = { ...completer, incrementalEffect: -0.02, icer: money(null), status: 'dominated' };
    expect(toIcerDisplay(dominated).statusLabel).toBe('Dominated');
    expect(toIcerDisplay(dominated).verdict).toMatch(/^Dominated: IOP costs more and achieves less/);
    expect(toIcerDisplay({ ...dominated, status: 'dominant' }).verdict).toMatch(
      /^Dominant: IOP costs less and achieves more/,
    );
  });

  it('says why an ICER cannot be estimated', () => {
    const noOutpatient: Icer = {
      ...completer,
      costB: money(null),
      effectB: null,
      incrementalCost: money(null),
      incrementalEffect: null,
      icer: money(null),
      status: 'not_estimable',
    };
    const display = toIcerDisplay(noOutpatient);
    expect(display.verdict).toBe(
      'Not estimable because no discharged standard outpatient (level 1) episode matches these filters.',
    );
    expect(display.details).toHaveLength(2);
    expect(toIcerDisplay({ ...noOutpatient, costA: money(null), effectA: null }).verdict).toContain(
      'no discharged IOP',
    );
    expect(
      toIcerDisplay({ ...completer, incrementalCost: money(0), incrementalEffect: 0, status: 'not_estimable' }).verdict,
    ).toContain('the same cost per episode and the same share');
  });
});
