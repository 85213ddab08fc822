import { inject, Injector, type Provider } from '@angular/core';
import { FRAME_FILTER_WORDS } from '../../ui/charts/frame-filter-words';

/**
 * The chart frames' filter words, from the filter in the URL. Provided by the app's root; the words are put
 * together only when a download asks, in a chunk of their own, so that the first download of the app does
 * not carry the filter vocabulary.
 */
export function provideFrameFilterWords(): Provider {
  return {
    provide: FRAME_FILTER_WORDS,
    useFactory: () => {
      const injector = inject(Injector);
      return async (): Promise<string[]> => (await import('./filter-words')).currentFilterWords(injector);
    },
  };
}
