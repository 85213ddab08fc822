import { afterEveryRender, type Signal, signal } from '@angular/core';

/** The plot area of a chart in pixels, relative to the element that holds the chart. */
export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

const sameBox = (a: PlotBox | null, b: PlotBox | null) =>
  a === b ||
  (a !== null && b !== null && a.left === b.left && a.top === b.top && a.width === b.width && a.height === b.height);

/**
 * The plot area ngx-charts drew inside `container`: its tooltip area is a transparent rectangle of exactly the
 * plot's size (the x scale's range), so markers placed over it line up with the chart's own points. Null while
 * nothing is drawn (or in jsdom, which lays nothing out).
 */
export function ngxPlotBox(container: HTMLElement): PlotBox | null {
  const area = container.querySelector('rect.tooltip-area');
  if (!area) return null;
  const outer = container.getBoundingClientRect();
  const inner = area.getBoundingClientRect();
  if (inner.width <= 0 || inner.height <= 0) return null;
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    left: round(inner.left - outer.left),
    top: round(inner.top - outer.top),
    width: round(inner.width),
    height: round(inner.height),
  };
}

/**
 * The plot box of the ngx-charts chart in `container`, measured again after every render (ngx-charts lays itself
 * out again when the window resizes, which renders). Call in an injection context.
 */
export function followNgxPlotBox(container: () => HTMLElement | undefined): Signal<PlotBox | null> {
  const box = signal<PlotBox | null>(null, { equal: sameBox });
  afterEveryRender({
    read: () => {
      const element = container();
      box.set(element ? ngxPlotBox(element) : null);
    },
  });
  return box.asReadonly();
}
