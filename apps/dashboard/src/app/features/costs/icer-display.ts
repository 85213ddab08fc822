import { type Icer, isSuppressed, type SuppressedValue } from '@iop/contracts';
import { formatPercent, WITHHELD_TEXT } from '../../ui/formats/number-format';
import { moneyText, percentagePointsText, signedMoneyText } from './cost-format';

export interface IcerDisplay {
  effect: Icer['effect'];
  heading: string;
  /** The short status label: "Trade-off", "Dominated", "Dominant", "Not estimable". */
  statusLabel: string;
  /** The verdict in words, with the ICER where there is one. */
  verdict: string;
  /** The numbers the verdict rests on. */
  details: string[];
}

const UNIT: Record<Icer['effect'], { singular: string; outcome: string }> = {
  completer: { singular: 'completer', outcome: 'completion' },
  abstinent: { singular: 'abstinent patient', outcome: 'abstinence in the final 4 weeks' },
};

const STATUS_LABEL: Record<Icer['status'], string> = {
  tradeoff: 'Trade-off',
  dominated: 'Dominated',
  dominant: 'Dominant',
  not_estimable: 'Not estimable',
};

function verdictOf(icer: Icer): string {
  const unit = UNIT[icer.effect].singular;
  switch (icer.status) {
    case 'tradeoff': {
      const costsMore = (icer.incrementalCost.dollars ?? 0) > 0;
      // The other trade-off (cheaper and less effective) reads as savings per unit of effect given up.
      return costsMore
        ? `IOP costs more and achieves more: ${moneyText(icer.icer)} per additional ${unit}.`
        : `IOP costs less and achieves less: ${moneyText(icer.icer)} saved per ${unit} forgone.`;
    }
    case 'dominated':
      return 'Dominated: IOP costs more and achieves less than standard outpatient care (or the same on one of the two), so there is no price per additional outcome.';
    case 'dominant':
      return 'Dominant: IOP costs less and achieves more than standard outpatient care (or the same on one of the two); it is preferred at any price.';
    case 'not_estimable':
      return `Not estimable because ${notEstimableReason(icer)}.`;
  }
}

function notEstimableReason(icer: Icer): string {
  if (icer.costA.dollars === null || icer.effectA === null)
    return 'no discharged IOP (level 2.1) episode matches these filters';
  if (icer.costB.dollars === null || icer.effectB === null) {
    return 'no discharged standard outpatient (level 1) episode matches these filters';
  }
  return 'IOP and standard outpatient care have the same cost per episode and the same share of outcomes';
}

function detailsOf(icer: Icer): string[] {
  const outcome = UNIT[icer.effect].outcome;
  const share = (value: number | null) => (value === null ? '—' : formatPercent(value));
  const details = [
    `Cost per discharged episode: IOP ${moneyText(icer.costA)}, standard outpatient ${moneyText(icer.costB)}`,
    `Share with ${outcome}: IOP ${share(icer.effectA)}, standard outpatient ${share(icer.effectB)}`,
  ];
  if (icer.incrementalCost.dollars !== null && icer.incrementalEffect !== null) {
    details.push(
      `Difference, IOP minus standard outpatient: ${signedMoneyText(icer.incrementalCost.dollars)} per episode, ${percentagePointsText(icer.incrementalEffect)}`,
    );
  }
  return details;
}

/**
 * The ICER of IOP against standard outpatient care for one effect, explained in words. A payer's ICER is
 * withheld when an arm's counts are small; `effect` then names which one it was.
 */
export function toIcerDisplay(icer: Icer | SuppressedValue, effect?: Icer['effect']): IcerDisplay {
  if (isSuppressed(icer)) {
    const withheldEffect = effect ?? 'completer';
    return {
      effect: withheldEffect,
      heading: `Per additional ${UNIT[withheldEffect].singular}`,
      statusLabel: 'Withheld',
      verdict: `Withheld: an arm has ${WITHHELD_TEXT} discharged episodes or outcomes, or would reveal such a count.`,
      details: [],
    };
  }
  return {
    effect: icer.effect,
    heading: `Per additional ${UNIT[icer.effect].singular}`,
    statusLabel: STATUS_LABEL[icer.status],
    verdict: verdictOf(icer),
    details: detailsOf(icer),
  };
}
