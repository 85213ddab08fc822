import { InjectionToken } from '@angular/core';

/**
 * The page's current filter in words ("Payer: Medicaid"), for the About sheet of a frame's XLSX download. Every
 * page's charts follow the one filter in the URL, so the frame asks once, at download time, rather than taking an
 * input on each of its uses. The app provides it from the filter state (features/filters); without a provider
 * (a component test) the frame states no filter.
 */
export const FRAME_FILTER_WORDS = new InjectionToken<() => Promise<string[]>>('words of the current filter', {
  providedIn: 'root',
  factory: () => () => Promise.resolve([]),
});
