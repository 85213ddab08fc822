import { afterNextRender, DestroyRef, ElementRef, inject, Signal, signal } from '@angular/core';

/**
 * The width of the calling component's host element, followed as it resizes, so that a hand-drawn SVG can
 * lay itself out in real pixels (its text then stays readable on a phone instead of shrinking with a viewBox).
 * A hidden host measures 0; that is ignored so the chart keeps its last layout. Call in an injection context.
 */
export function hostWidth(fallback = 640): Signal<number> {
  const width = signal(fallback);
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  const destroyRef = inject(DestroyRef);
  afterNextRender(() => {
    const measure = (measured: number) => {
      if (measured > 0) width.set(Math.floor(measured));
    };
    measure(host.nativeElement.getBoundingClientRect().width);
    // jsdom has no ResizeObserver; the fallback width is then kept.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => measure(entries[0]?.contentRect.width ?? 0));
    observer.observe(host.nativeElement);
    destroyRef.onDestroy(() => observer.disconnect());
  });
  return width.asReadonly();
}
