/**
 * Notes on the charts ("evening group started", "counselor on leave"): a dated note on one program or on the
 * whole network, drawn as a marker on the trend charts and listed in their table views (docs/SECURITY.md
 * "Roles" says who sees and writes which).
 */

/** The most characters a note may hold, counted as PostgreSQL's length() counts them (code points). */
export const ANNOTATION_TEXT_MAX = 2000;

/** What a user writes for a note (POST /api/v1/annotations, PUT /api/v1/annotations/:id). */
export interface AnnotationValue {
  /** The program the note is about; null (or left out) for a network-wide note. */
  programId?: number | null;
  /** The day (YYYY-MM-DD) the note is about, or the first day of its range. */
  on: string;
  /** The last day of the range (YYYY-MM-DD, not before `on`); null (or left out) for a single day. */
  until?: string | null;
  /** 1 to 2,000 characters, not only spaces. */
  text: string;
}

export interface Annotation {
  id: number;
  programId: number | null;
  /** The program's name; null for a network-wide note. */
  programName: string | null;
  on: string;
  until: string | null;
  text: string;
  /** The author's display name; null for payers (staff names are not theirs to see) or a removed account. */
  author: string | null;
  createdAt: string;
  updatedAt: string;
  /** Whether the caller may change or delete it (their scope covers its program, or the network). */
  editable: boolean;
}

/** GET /api/v1/annotations: the notes the caller may see that touch the window, oldest first. */
export interface AnnotationList {
  annotations: Annotation[];
}

/**
 * The query of GET /api/v1/annotations: the episode filter's program ids and a date window, so that a chart asks
 * for the notes of what it shows. A program's notes come with the network-wide ones.
 */
export interface AnnotationQuery {
  programId?: number[];
  /** Notes ending on or after this day. */
  from?: string;
  /** Notes starting on or before this day. */
  to?: string;
}

/** Whether a note touches a calendar month (YYYY-MM): ISO dates and months compare as strings. */
export function annotationCoversMonth(annotation: Pick<Annotation, 'on' | 'until'>, month: string): boolean {
  return annotation.on.slice(0, 7) <= month && (annotation.until ?? annotation.on).slice(0, 7) >= month;
}
