import { HttpErrorResponse } from '@angular/common/http';

/** What a refused or failed request says, for a page to put in its own words. */
export interface RequestFailure {
  /** The HTTP status; 0 when the server was not reached at all. */
  status: number;
  statusText: string;
  /** The API's own words (they name the field at fault): its `message`, a list joined with "; ". */
  message: string | null;
  /** Each of the API's messages on its own (a validation failure lists one per field); [] when it gave none. */
  messages: readonly string[];
}

/** The failure of an API request; null for any other error (a bug, not a refusal). */
export function requestFailureOf(error: unknown): RequestFailure | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  const message: unknown = typeof body === 'object' && body !== null && 'message' in body ? body.message : null;
  const messages = (Array.isArray(message) ? message : [message]).filter(
    (item): item is string => typeof item === 'string',
  );
  return {
    status: error.status,
    statusText: error.statusText,
    message: messages.length ? messages.join('; ') : null,
    messages,
  };
}
