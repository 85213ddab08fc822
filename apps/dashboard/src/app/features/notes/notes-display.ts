import { ANNOTATION_TEXT_MAX, type AnnotationValue, type ProgramOption, type UserRole } from '@iop/contracts';
import { requestFailureOf } from '../../data-access/api/request-failure';

/** Who may write notes: the API's roles for POST /annotations (a director on their own programs only). */
export const NOTE_WRITER_ROLES: readonly UserRole[] = ['director', 'quality', 'admin'];

/** The program choice of the form that stands for a network-wide note. */
export const NETWORK_CHOICE = 'network';

export interface NoteFormValue {
  program: number | typeof NETWORK_CHOICE;
  on: string;
  until: string;
  text: string;
}

export interface ProgramChoice {
  value: number | typeof NETWORK_CHOICE;
  label: string;
}

/**
 * The programs a note may be written for: the caller's programs (the filter options are already narrowed to their
 * scope), and the whole network for quality and admin, whose scope is every program.
 */
export function programChoicesFor(role: UserRole | undefined, programs: readonly ProgramOption[]): ProgramChoice[] {
  const network: ProgramChoice[] =
    role === 'quality' || role === 'admin' ? [{ value: NETWORK_CHOICE, label: 'All programs (network-wide)' }] : [];
  return [...network, ...programs.map((program) => ({ value: program.id, label: program.name }))];
}

/** The request body of the form's value; an empty "until" is a single day. */
export function toAnnotationValue(value: NoteFormValue): AnnotationValue {
  return {
    programId: value.program === NETWORK_CHOICE ? null : value.program,
    on: value.on,
    until: value.until ? value.until : null,
    text: value.text.trim(),
  };
}

/** Characters as the API counts them (code points), for the counter under the text. */
export function noteLength(text: string): number {
  return [...text].length;
}

export const NOTE_TEXT_MAX = ANNOTATION_TEXT_MAX;

/** What to say when saving or deleting failed: the API's words where it gave them (they name the field). */
export function noteProblem(error: unknown): string {
  const failure = requestFailureOf(error);
  if (!failure) return 'Saving failed; try again in a moment.';
  if (failure.message !== null) return failure.message;
  if (failure.status === 0) return 'The server cannot be reached; check the connection and try again.';
  return `The API answered ${failure.status}.`;
}
