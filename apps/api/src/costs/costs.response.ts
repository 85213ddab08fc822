import {
  type ComparatorAtLengthOfStay,
  type ComparatorConclusion,
  type ComparatorKind,
  type ComparatorLengthOfStay,
  type ComparatorOutcomeCost,
  COMPARATOR_KINDS,
  type SourcedRate,
} from '@iop/contracts';
import type {
  ComparisonRate,
  CostBlock,
  CostSummaryResponse,
  CountOrSuppressed,
  Icer,
  IcerStatus,
  MoneyOrSuppressed,
  MoneyValue,
  NumberOrSuppressed,
  PerDayComparison,
  RateOrSuppressed,
  SuppressedValue,
} from '@iop/contracts';
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { rateOrSuppressed } from '../suppression/suppressed-value.response';
import { countOrSuppressed, numberOrSuppressed, orSuppressed } from '../suppression/suppressed-value.response';

// OpenAPI descriptions of the shapes in @iop/contracts (costs.ts).

export class MoneyValueDoc implements MoneyValue {
  @ApiProperty({ type: Number, nullable: true, description: 'US dollars, to the cent', example: 4445.12 })
  dollars!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 2025 }) dollarYear!: number | null;
  @ApiProperty({ description: 'Where the amount comes from' }) source!: string;
}

/** An amount, or the cell withheld from a payer (MoneyOrSuppressed). */
const moneyOrSuppressed = (description?: string) =>
  ApiProperty(orSuppressed({ $ref: getSchemaPath(MoneyValueDoc) }, description));

@ApiExtraModels(MoneyValueDoc)
export class CostBlockDoc implements CostBlock {
  @ApiProperty({ example: '2.1', description: "Level of care code, or 'all'" }) levelOfCare!: string;
  @countOrSuppressed() discharged!: CountOrSuppressed;
  @moneyOrSuppressed() totalCharges!: MoneyOrSuppressed;
  @numberOrSuppressed({ description: 'Sum of length of stay / 7' }) weeksInTreatment!: NumberOrSuppressed;
  @moneyOrSuppressed('Total charges / discharged episodes') costPerEpisode!: MoneyOrSuppressed;
  @moneyOrSuppressed('Total charges / weeks in treatment') costPerWeek!: MoneyOrSuppressed;
  @moneyOrSuppressed('Total charges / completed (reason 1)') costPerCompleter!: MoneyOrSuppressed;
  @moneyOrSuppressed('Total charges / length of stay >= 90') costPerRetained90!: MoneyOrSuppressed;
  @moneyOrSuppressed('Total charges / abstinent in final 4 weeks') costPerAbstinent!: MoneyOrSuppressed;
  @rateOrSuppressed() completion!: RateOrSuppressed;
  @rateOrSuppressed() retained90!: RateOrSuppressed;
  @rateOrSuppressed() abstinent!: RateOrSuppressed;
}

export class IcerDoc implements Icer {
  @ApiProperty({ enum: ['completer', 'abstinent'] }) effect!: 'completer' | 'abstinent';
  @ApiProperty({ type: MoneyValueDoc, description: 'Cost per discharged episode of A' }) costA!: MoneyValueDoc;
  @ApiProperty({ type: MoneyValueDoc, description: 'Cost per discharged episode of B' }) costB!: MoneyValueDoc;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of A with the effect' }) effectA!: number | null;
  @ApiProperty({ type: Number, nullable: true }) effectB!: number | null;
  @ApiProperty({ type: MoneyValueDoc }) incrementalCost!: MoneyValueDoc;
  @ApiProperty({ type: Number, nullable: true }) incrementalEffect!: number | null;
  @ApiProperty({ type: MoneyValueDoc, description: 'Per additional unit of effect; only for a trade-off' })
  icer!: MoneyValueDoc;
  @ApiProperty({ enum: ['tradeoff', 'dominated', 'dominant', 'not_estimable'] }) status!: IcerStatus;
}

const icerOrSuppressed = () => ApiProperty(orSuppressed({ $ref: getSchemaPath(IcerDoc) }));

@ApiExtraModels(IcerDoc)
export class IcerPairDoc {
  @ApiProperty({ example: 'Level 2.1 (IOP)' }) a!: string;
  @ApiProperty({ example: 'Level 1 (standard outpatient)' }) b!: string;
  @icerOrSuppressed() perAdditionalCompleter!: Icer | SuppressedValue;
  @icerOrSuppressed() perAdditionalAbstinent!: Icer | SuppressedValue;
}

export class ComparisonRateDoc implements ComparisonRate {
  @ApiProperty({ example: 'cost_rate.inpatient_per_day' }) key!: string;
  @ApiProperty({ type: String, nullable: true, example: '4' }) levelOfCare!: string | null;
  @ApiProperty({ example: 'day' }) per!: string;
  @ApiProperty({ type: MoneyValueDoc }) amount!: MoneyValueDoc;
}

export class SourcedRateDoc implements SourcedRate {
  @ApiProperty({ example: 0.6149, description: 'A share between 0 and 1' }) value!: number;
  @ApiProperty({ description: 'Where the figure comes from' }) source!: string;
}

export class ComparatorLengthOfStayDoc implements ComparatorLengthOfStay {
  @ApiProperty({ example: 20, description: 'Typical comparator length of stay, days' }) typicalDays!: number;
  @ApiProperty({ example: 20, description: 'Low end of the sensitivity range, days' }) lowDays!: number;
  @ApiProperty({ example: 26, description: 'High end of the sensitivity range, days' }) highDays!: number;
  @ApiProperty({ description: 'Where the lengths of stay come from' }) source!: string;
}

@ApiExtraModels(MoneyValueDoc)
export class ComparatorAtLengthOfStayDoc implements ComparatorAtLengthOfStay {
  @ApiProperty() days!: number;
  @ApiProperty({ type: MoneyValueDoc, description: 'Rate per day x days' }) comparatorCostPerEpisode!: MoneyValueDoc;
  @moneyOrSuppressed('Comparator cost per episode - IOP cost per episode') savingsPerEpisode!: MoneyOrSuppressed;
}

export class ComparatorSensitivityDoc {
  @ApiProperty({ type: ComparatorAtLengthOfStayDoc }) low!: ComparatorAtLengthOfStayDoc;
  @ApiProperty({ type: ComparatorAtLengthOfStayDoc }) high!: ComparatorAtLengthOfStayDoc;
  @numberOrSuppressed({
    nullable: true,
    description: 'IOP cost per episode / rate per day: the comparator stay that costs the same',
  })
  breakEvenDays!: NumberOrSuppressed | null;
  @ApiProperty(
    orSuppressed(
      { type: 'string', enum: ['iop_cheaper', 'comparator_cheaper', 'depends_on_length_of_stay', 'not_estimable'] },
      'Whether IOP is cheaper per episode across the whole range',
    ),
  )
  conclusion!: ComparatorConclusion | SuppressedValue;
}

@ApiExtraModels(MoneyValueDoc)
export class ComparatorOutcomeCostDoc implements ComparatorOutcomeCost {
  @moneyOrSuppressed("IOP's own cost per outcome (the IOP block's)") iop!: MoneyOrSuppressed;
  @ApiProperty({ type: MoneyValueDoc, description: 'Comparator cost per episode / comparator outcome rate' })
  comparator!: MoneyValueDoc;
  @ApiProperty({ type: SourcedRateDoc }) comparatorRate!: SourcedRateDoc;
}

@ApiExtraModels(MoneyValueDoc)
export class PerDayComparisonDoc implements PerDayComparison {
  @ApiProperty({ example: 'cost_rate.residential_per_day' }) key!: string;
  @ApiProperty({ enum: COMPARATOR_KINDS }) comparator!: ComparatorKind;
  @ApiProperty({ type: String, nullable: true }) levelOfCare!: string | null;
  @ApiProperty({ type: MoneyValueDoc }) ratePerDay!: MoneyValueDoc;
  @ApiProperty({ type: ComparatorLengthOfStayDoc }) lengthOfStay!: ComparatorLengthOfStayDoc;
  @moneyOrSuppressed() iopCostPerEpisode!: MoneyOrSuppressed;
  @ApiProperty({ type: MoneyValueDoc, description: "Rate per day x the comparator's typical length of stay" })
  comparatorCostPerEpisode!: MoneyValueDoc;
  @moneyOrSuppressed() iopCostPerWeek!: MoneyOrSuppressed;
  @ApiProperty({ type: MoneyValueDoc, description: 'Rate per day x 7' }) comparatorCostPerWeek!: MoneyValueDoc;
  @moneyOrSuppressed() savingsPerEpisode!: MoneyOrSuppressed;
  @ApiProperty({ type: ComparatorSensitivityDoc }) sensitivity!: ComparatorSensitivityDoc;
  @ApiProperty({ type: ComparatorOutcomeCostDoc }) perCompleter!: ComparatorOutcomeCostDoc;
  @ApiProperty({ type: ComparatorOutcomeCostDoc }) perAbstinent!: ComparatorOutcomeCostDoc;
}

export class CostSummaryResponseDoc implements CostSummaryResponse {
  @ApiProperty({ type: String, nullable: true, example: '2026-06-30' }) asOf!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 2025 }) dollarYear!: number | null;
  @countOrSuppressed('Selected episodes') episodes!: CountOrSuppressed;
  @countOrSuppressed('Active episodes, left out of every cost figure') activeExcluded!: CountOrSuppressed;
  @ApiProperty({ type: CostBlockDoc }) overall!: CostBlockDoc;
  @ApiProperty({ type: [CostBlockDoc] }) byLevelOfCare!: CostBlockDoc[];
  @ApiProperty({ type: IcerPairDoc }) icer!: IcerPairDoc;
  @ApiProperty({ type: [ComparisonRateDoc] }) comparisonRates!: ComparisonRateDoc[];
  @ApiProperty({ type: [PerDayComparisonDoc] }) perDayComparisons!: PerDayComparisonDoc[];
}
