import type {
  BinnedScatterChart,
  CostBarsChart,
  EvidenceChart,
  EvidenceBinPoint,
  EvidenceEffect,
  EvidenceMean,
  EvidenceScatterPanel,
  EvidenceSurvivalGroup,
  GroupedBarsChart,
  HeatmapChart,
  SurvivalChart,
} from '@iop/contracts';
import type { Type } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { CostBlockDoc, IcerPairDoc, PerDayComparisonDoc } from '../costs/costs.response';
import { RateValueDoc } from '../episodes/rate.response';
import { RetentionMedianDoc } from '../retention/retention.response';

// OpenAPI descriptions of the evidence cards' chart shapes in @iop/contracts (evidence-charts.ts).

/** A 95% interval [lower, upper]: two items, so that a generated client types it as a pair. */
const INTERVAL = { type: [Number], minItems: 2, maxItems: 2 } satisfies ApiPropertyOptions;
const EMPLOYMENT = { enum: ['employed_or_student', 'other'] } satisfies ApiPropertyOptions;

export class EvidenceEffectDoc implements EvidenceEffect {
  @ApiProperty({ example: 'least-squares slope of the compliance score per scheduled contact hour per week' })
  measure!: string;
  @ApiProperty({ type: Number, nullable: true, example: 0.012 }) estimate!: number | null;
  @ApiProperty({ ...INTERVAL, nullable: true, description: '95% confidence interval', example: [0.011, 0.013] })
  ci95!: [number, number] | null;
  @ApiProperty({ type: Number, nullable: true, description: 'two-sided p-value', example: 0.0001 }) p!: number | null;
}

export class EvidenceBinPointDoc implements EvidenceBinPoint {
  @ApiProperty({ description: "The bin's mean exposure" }) x!: number;
  @ApiProperty({ description: "The outcome's mean in the bin" }) y!: number;
  @ApiProperty({ ...INTERVAL, nullable: true, description: 't 95% interval of y' }) ci95!: [number, number] | null;
  @ApiProperty() n!: number;
}

export class EvidenceMeanDoc implements EvidenceMean {
  @ApiProperty() n!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null when n = 0' }) mean!: number | null;
  @ApiProperty({ ...INTERVAL, nullable: true, description: 't 95% interval' }) ci95!: [number, number] | null;
}

export class EvidenceScatterPanelDoc implements EvidenceScatterPanel {
  @ApiProperty() n!: number;
  @ApiProperty({ type: [EvidenceBinPointDoc] }) points!: EvidenceBinPointDoc[];
  @ApiProperty({ type: EvidenceEffectDoc }) unadjusted!: EvidenceEffectDoc;
  @ApiProperty({ type: EvidenceEffectDoc }) adjusted!: EvidenceEffectDoc;
}

class SubstancePanelDoc extends EvidenceScatterPanelDoc {
  @ApiProperty({ example: 'alcohol' }) substance!: string;
}

class LeastSquaresLineDoc {
  @ApiProperty() intercept!: number;
  @ApiProperty() slope!: number;
}

class PearsonDoc {
  @ApiProperty() r!: number;
  @ApiProperty(INTERVAL) ci95!: [number, number];
  @ApiProperty() p!: number;
}

export class BinnedScatterChartDoc implements BinnedScatterChart {
  @ApiProperty({ enum: ['binned_scatter'] }) type!: 'binned_scatter';
  @ApiPropertyOptional({ type: [EvidenceBinPointDoc], description: 'Bins of the exposure, deciles unless said' })
  points?: EvidenceBinPointDoc[];
  @ApiPropertyOptional({ type: LeastSquaresLineDoc, nullable: true, description: 'Claim 1: y = intercept + slope x' })
  line?: LeastSquaresLineDoc | null;
  @ApiPropertyOptional({ type: PearsonDoc, nullable: true, description: 'Claim 1' }) pearson?: PearsonDoc | null;
  @ApiPropertyOptional({ type: EvidenceScatterPanelDoc, description: 'Claim 2: alliance and 90-day retention' })
  allianceToRetention?: EvidenceScatterPanelDoc;
  @ApiPropertyOptional({ type: EvidenceScatterPanelDoc, description: 'Claim 8' }) abstinence?: EvidenceScatterPanelDoc;
  @ApiPropertyOptional({ type: [SubstancePanelDoc], description: 'Claim 9: a panel per primary substance' })
  bySubstance?: SubstancePanelDoc[];
}

class EvidenceSurvivalGroupDoc implements EvidenceSurvivalGroup {
  @ApiProperty() label!: string;
  @ApiProperty() n!: number;
  @ApiProperty({ description: 'Disengagements' }) events!: number;
  @ApiProperty({ type: RetentionMedianDoc, nullable: true }) medianDaysToDisengagement!: RetentionMedianDoc | null;
  @ApiProperty({ type: Number, nullable: true }) medianLengthOfStayDays!: number | null;
}

class LogRankTestDoc {
  @ApiProperty() chiSquare!: number;
  @ApiProperty() df!: number;
  @ApiProperty() p!: number;
}

export class SurvivalChartDoc implements SurvivalChart {
  @ApiProperty({ enum: ['survival'] }) type!: 'survival';
  @ApiProperty({ type: [EvidenceSurvivalGroupDoc] }) groups!: EvidenceSurvivalGroupDoc[];
  @ApiProperty({ type: LogRankTestDoc, nullable: true }) logRank!: LogRankTestDoc | null;
  @ApiPropertyOptional({ type: [Number], description: 'Claim 3: the exposure values that split the terciles' })
  tercileCutPoints?: number[];
}

class GroupedBarDoc {
  @ApiPropertyOptional({ example: '2.1', description: 'Claim 4' }) levelOfCare?: string;
  @ApiPropertyOptional({ example: 'any family session', description: 'Claim 7' }) group?: string;
  @ApiProperty({ type: RateValueDoc }) completion!: RateValueDoc;
  @ApiPropertyOptional({ type: RateValueDoc }) retained90?: RateValueDoc;
  @ApiPropertyOptional({ type: EvidenceMeanDoc }) complianceScore?: EvidenceMeanDoc;
}

class SecondaryEffectsDoc {
  @ApiProperty({ type: EvidenceEffectDoc }) retained90!: EvidenceEffectDoc;
  @ApiProperty({ type: EvidenceEffectDoc }) complianceScore!: EvidenceEffectDoc;
}

export class GroupedBarsChartDoc implements GroupedBarsChart {
  @ApiProperty({ enum: ['grouped_bars'] }) type!: 'grouped_bars';
  @ApiProperty({ type: [GroupedBarDoc] }) bars!: GroupedBarDoc[];
  @ApiPropertyOptional({ type: SecondaryEffectsDoc, description: 'Claim 4: IOP minus level 1' })
  unadjusted?: SecondaryEffectsDoc;
  @ApiPropertyOptional({ type: SecondaryEffectsDoc, description: 'Claim 4: IOP minus level 1' })
  adjusted?: SecondaryEffectsDoc;
}

class SlotAttendanceDoc {
  @ApiProperty(EMPLOYMENT) employment!: 'employed_or_student' | 'other';
  @ApiProperty({ example: 'evening' }) slot!: string;
  @ApiProperty({ type: RateValueDoc }) attendance!: RateValueDoc;
}

class TrackAttendanceDoc extends EvidenceMeanDoc {
  @ApiProperty(EMPLOYMENT) employment!: 'employed_or_student' | 'other';
  @ApiProperty({ enum: ['evening_weekend', 'day'] }) track!: 'evening_weekend' | 'day';
}

class OtherPatientsDoc {
  @ApiProperty() n!: number;
  @ApiProperty({ type: EvidenceEffectDoc }) unadjusted!: EvidenceEffectDoc;
  @ApiProperty({ type: EvidenceEffectDoc }) adjusted!: EvidenceEffectDoc;
}

export class HeatmapChartDoc implements HeatmapChart {
  @ApiProperty({ enum: ['heatmap'] }) type!: 'heatmap';
  @ApiProperty({ type: [SlotAttendanceDoc] }) cells!: SlotAttendanceDoc[];
  @ApiProperty({ type: [TrackAttendanceDoc] }) byTrack!: TrackAttendanceDoc[];
  @ApiProperty({ type: OtherPatientsDoc }) others!: OtherPatientsDoc;
}

class CostBarDoc extends PickType(CostBlockDoc, [
  'levelOfCare',
  'discharged',
  'costPerEpisode',
  'costPerWeek',
  'costPerCompleter',
  'costPerAbstinent',
  'completion',
  'abstinent',
] as const) {}

class InpatientComparisonDoc {
  @ApiProperty() key!: string;
  @ApiProperty({ type: EvidenceEffectDoc }) savingsPerEpisode!: EvidenceEffectDoc;
}

export class CostBarsChartDoc implements CostBarsChart {
  @ApiProperty({ enum: ['cost_bars'] }) type!: 'cost_bars';
  @ApiProperty({ type: Number, nullable: true }) dollarYear!: number | null;
  @ApiProperty({ type: [CostBarDoc] }) bars!: CostBarDoc[];
  @ApiProperty({ type: IcerPairDoc }) icer!: IcerPairDoc;
  @ApiProperty({ type: [PerDayComparisonDoc] }) perDayComparisons!: PerDayComparisonDoc[];
  @ApiProperty({ type: InpatientComparisonDoc }) inpatientComparison!: InpatientComparisonDoc;
}

/** Every chart shape, told apart by `type`. */
export const EVIDENCE_CHART_DOCS = {
  binned_scatter: BinnedScatterChartDoc,
  survival: SurvivalChartDoc,
  grouped_bars: GroupedBarsChartDoc,
  heatmap: HeatmapChartDoc,
  cost_bars: CostBarsChartDoc,
} as const satisfies Record<EvidenceChart['type'], Type<EvidenceChart>>;
