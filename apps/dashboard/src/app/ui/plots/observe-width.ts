import { afterNextRender, DestroyRef, ElementRef, inject, signal, Signal } from '@angular/core';

/** Width used before the element is measured, and in environments without ResizeObserver (tests). */
export const DEFAULT_PLOT_WIDTH = 560;

/**
 * The host element's width as a signal, so that an SVG plot is drawn at its real pixel size: scaling a fixed
 * viewBox instead would shrink the labels below legibility on a phone. Call in a component's field initializer.
 */
export function observeHostWidth(): Signal<number> {
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  const width = signal(DEFAULT_PLOT_WIDTH);
  let observer: ResizeObserver | undefined;
  afterNextRender(() => {
    if (typeof ResizeObserver === 'undefined') return;
    observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry.contentRect.width);
      if (measured > 0) width.set(measured);
    });
    observer.observe(host.nativeElement);
  });
  inject(DestroyRef).onDestroy(() => observer?.disconnect());
  return width.asReadonly();
}
