import { defaultOrganizationSettings, type OrganizationSetting } from '@iop/import';
import type { GroundTruth } from '../ground-truth';

export type SettingRow = OrganizationSetting;

/**
 * The organisation's settings that the dashboard reads (METRICS.md cost-effectiveness and small cells): the same
 * defaults an imported organisation starts with (@iop/import), in the ground truth's dollar year, so that the
 * demo network and its re-import price episodes alike.
 */
export function settingRows(truth: GroundTruth): SettingRow[] {
  return defaultOrganizationSettings(truth.dollarYear);
}
