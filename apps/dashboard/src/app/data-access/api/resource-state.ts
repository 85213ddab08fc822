import { HttpErrorResponse, HttpResourceRef } from '@angular/common/http';
import { computed, Signal } from '@angular/core';

/**
 * Where a request stands, as a chart frame shows it. The union is the frame's own (`FrameState` in ui/charts):
 * data-access does not import ui, so it is stated here too, and the template compiler checks every binding of
 * one to the other.
 */
export type ResourceState = 'loading' | 'ready' | 'empty' | 'error';

/** A message for a failed request that says what the reader can do about it. */
export function describeLoadError(error: unknown): string {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  if (cause instanceof HttpErrorResponse && cause.status === 0) {
    return 'The API could not be reached. Check the connection and that the server is running.';
  }
  // A 2xx that lands here did not parse as JSON (an HTML page where JSON was expected, say).
  if (cause instanceof HttpErrorResponse && (cause.status < 200 || cause.status >= 300)) {
    return `The API answered ${cause.status}${cause.statusText ? ` ${cause.statusText}` : ''}.`;
  }
  return 'The API sent an answer the dashboard could not read.';
}

/**
 * The frame state of a resource: 'error' while it failed, 'loading' until a value is there (a reload after
 * a change of filters shows the skeleton rather than numbers of the previous filter), then 'empty' or 'ready'
 * by `isEmpty`. Call in an injection context or a field initializer, like the resource itself.
 */
export function frameStateOf<T>(
  resource: HttpResourceRef<T | undefined>,
  isEmpty: (value: T) => boolean = () => false,
): Signal<ResourceState> {
  return computed(() => {
    const status = resource.status();
    if (status === 'error') return 'error';
    if (status === 'loading' || status === 'reloading' || !resource.hasValue()) return 'loading';
    const value = resource.value();
    if (value === undefined) return 'loading';
    return isEmpty(value) ? 'empty' : 'ready';
  });
}

/** The error message of a failed resource for the frame's `errorMessage` input; '' while it has not failed. */
export function errorMessageOf(resource: HttpResourceRef<unknown>): Signal<string> {
  return computed(() => (resource.status() === 'error' ? describeLoadError(resource.error()) : ''));
}

/** Everything a chart frame fed by one request binds: the answer, its display, its state, its error, a retry. */
export interface ResourcePanel<T, D> {
  /** The API's answer; null until there is one. */
  readonly value: Signal<T | null>;
  /** The answer mapped for display; null until there is one. */
  readonly display: Signal<D | null>;
  readonly state: Signal<ResourceState>;
  readonly error: Signal<string>;
  /** Sends the request again (the frame's retry button). */
  reload(): void;
}

/**
 * One request as a panel: its display, frame state and error message derived once, instead of three signals
 * beside each resource. Call in an injection context or a field initializer, like the resource itself.
 */
export function resourcePanel<T, D>(
  resource: HttpResourceRef<T | undefined>,
  toDisplay: (value: T) => D,
  isEmpty: (value: T) => boolean = () => false,
): ResourcePanel<T, D> {
  const value = computed(() => (resource.hasValue() ? (resource.value() ?? null) : null));
  return {
    value,
    display: computed(() => {
      const current = value();
      return current === null ? null : toDisplay(current);
    }),
    state: frameStateOf(resource, isEmpty),
    error: errorMessageOf(resource),
    reload: () => void resource.reload(),
  };
}
