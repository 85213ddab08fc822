import type {
  ComparisonRate,
  CostBlock,
  CostSummaryResponse,
  Icer,
  IcerStatus,
  MoneyValue,
  PerDayComparison,
} from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { RateValueDoc } from '../metrics/summary.response';

// OpenAPI descriptions of the shapes in @iop/contracts (costs.ts).

export class MoneyValueDoc implements MoneyValue {
  @ApiProperty({ type: Number, nullable: true, description: 'US dollars, to the cent', example: 4445.12 })
  dollars!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 2025 }) dollarYear!: number | null;
  @ApiProperty({ description: 'Where the amount comes from' }) source!: string;
}

export class CostBlockDoc implements CostBlock {
  @ApiProperty({ example: '2.1', description: "Level of care code, or 'all'" }) levelOfCare!: string;
  @ApiProperty() discharged!: number;
  @ApiProperty({ type: MoneyValueDoc }) totalCharges!: MoneyValueDoc;
  @ApiProperty({ description: 'Sum of length of stay / 7' }) weeksInTreatment!: number;
  @ApiProperty({ type: MoneyValueDoc, description: 'Total charges / discharged episodes' })
  costPerEpisode!: MoneyValueDoc;
  @ApiProperty({ type: MoneyValueDoc, description: 'Total charges / weeks in treatment' }) costPerWeek!: MoneyValueDoc;
  @ApiProperty({ type: MoneyValueDoc, description: 'Total charges / completed (reason 1)' })
  costPerCompleter!: MoneyValueDoc;
  @ApiProperty({ type: MoneyValueDoc, description: 'Total charges / length of stay >= 90' })
  costPerRetained90!: MoneyValueDoc;
  @ApiProperty({ type: MoneyValueDoc, description: 'Total charges / abstinent in final 4 weeks' })
  costPerAbstinent!: MoneyValueDoc;
  @ApiProperty({ type: RateValueDoc }) completion!: RateValueDoc;
  @ApiProperty({ type: RateValueDoc }) retained90!: RateValueDoc;
  @ApiProperty({ type: RateValueDoc }) abstinent!: RateValueDoc;
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

export class IcerPairDoc {
  @ApiProperty({ example: 'Level 2.1 (IOP)' }) a!: string;
  @ApiProperty({ example: 'Level 1 (standard outpatient)' }) b!: string;
  @ApiProperty({ type: IcerDoc }) perAdditionalCompleter!: IcerDoc;
  @ApiProperty({ type: IcerDoc }) perAdditionalAbstinent!: IcerDoc;
}

export class ComparisonRateDoc implements ComparisonRate {
  @ApiProperty({ example: 'cost_rate.inpatient_per_day' }) key!: string;
  @ApiProperty({ type: String, nullable: true, example: '4' }) levelOfCare!: string | null;
  @ApiProperty({ example: 'day' }) per!: string;
  @ApiProperty({ type: MoneyValueDoc }) amount!: MoneyValueDoc;
}

export class PerDayComparisonDoc implements PerDayComparison {
  @ApiProperty() key!: string;
  @ApiProperty({ type: String, nullable: true }) levelOfCare!: string | null;
  @ApiProperty({ type: MoneyValueDoc }) ratePerDay!: MoneyValueDoc;
  @ApiProperty({ type: MoneyValueDoc }) iopCostPerEpisode!: MoneyValueDoc;
  @ApiProperty({ type: MoneyValueDoc, description: 'Rate per day x mean length of stay of discharged IOP episodes' })
  comparatorCostPerEpisode!: MoneyValueDoc;
  @ApiProperty({ type: MoneyValueDoc }) iopCostPerWeek!: MoneyValueDoc;
  @ApiProperty({ type: MoneyValueDoc, description: 'Rate per day x 7' }) comparatorCostPerWeek!: MoneyValueDoc;
  @ApiProperty({ type: MoneyValueDoc }) savingsPerEpisode!: MoneyValueDoc;
}

export class CostSummaryResponseDoc implements CostSummaryResponse {
  @ApiProperty({ type: String, nullable: true, example: '2026-06-30' }) asOf!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 2025 }) dollarYear!: number | null;
  @ApiProperty({ description: 'Selected episodes' }) episodes!: number;
  @ApiProperty({ description: 'Active episodes, left out of every cost figure' }) activeExcluded!: number;
  @ApiProperty({ type: CostBlockDoc }) overall!: CostBlockDoc;
  @ApiProperty({ type: [CostBlockDoc] }) byLevelOfCare!: CostBlockDoc[];
  @ApiProperty({ type: IcerPairDoc }) icer!: IcerPairDoc;
  @ApiProperty({ type: [ComparisonRateDoc] }) comparisonRates!: ComparisonRateDoc[];
  @ApiProperty({ type: [PerDayComparisonDoc] }) perDayComparisons!: PerDayComparisonDoc[];
}
