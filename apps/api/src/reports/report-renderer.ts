import type { EpisodeFilters, ReportKind } from '@iop/contracts';
import type { AccessScope } from '../access/access-scope';

/** What one report is made from: its variant, the filters asked for, and the scope of the user it is for. */
export interface ReportRenderRequest {
  kind: ReportKind;
  filters: EpisodeFilters;
  /** The requesting (or, for a schedule, the owning) user's scope, resolved when the job runs. */
  scope: AccessScope;
  /** Shown on the cover: who asked for it. */
  requestedBy: string;
  /** The moment the report states as "generated at". */
  generatedAt: Date;
}

/** The job's progress: a fraction 0-1 of the work done and the stage it is in ("Retention curves"). */
export type ReportProgress = (fraction: number, stage: string) => void | Promise<void>;

export interface RenderedReport {
  pdf: Buffer;
  pageCount: number;
  /** The reporting period as the cover states it, e.g. "1 Jan 2025 - 31 Oct 2026". */
  period: string;
}

/**
 * Turns a request into a PDF. The job runner (reports module) only knows this interface, so the document's
 * layout and the queue's mechanics change apart.
 */
export interface ReportRenderer {
  render(request: ReportRenderRequest, onProgress: ReportProgress): Promise<RenderedReport>;
}

/** The Nest injection token of the ReportRenderer. */
export const REPORT_RENDERER = Symbol('REPORT_RENDERER');
