import type { BreakdownDimension } from '@iop/contracts';

const LABELS: Partial<Record<BreakdownDimension, Record<string, string>>> = {
  payer: { medicaid: 'Medicaid', medicare: 'Medicare', commercial: 'Commercial', self_pay: 'Self-pay', other: 'Other' },
  substance: {
    alcohol: 'Alcohol',
    opioids: 'Opioids',
    stimulants: 'Stimulants',
    cannabis: 'Cannabis',
    other: 'Other',
  },
  sessionType: {
    group: 'Group',
    individual: 'Individual',
    family: 'Family',
    mat: 'Medication (MAT)',
    case_management: 'Case management',
  },
  slot: {
    morning: 'Morning (before 12:00)',
    afternoon: 'Afternoon (12:00-17:00)',
    evening: 'Evening (from 17:00)',
    weekend: 'Weekend',
  },
};

/** The display label of a breakdown group: a fixed label for coded attributes, else the label SQL found. */
export function groupLabel(by: BreakdownDimension, key: string, fromDatabase?: string): string {
  return LABELS[by]?.[key] ?? fromDatabase ?? key;
}
