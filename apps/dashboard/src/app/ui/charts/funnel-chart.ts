import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type FunnelPlot, type FunnelUnit, funnelStatement, isSuppressed } from '@iop/contracts';
import { formatCount, formatPercent } from '../formats/number-format';
import { SERIES_COLORS } from './chart-panel';
import {
  denominatorDomain,
  limitPath,
  linearScale,
  logScale,
  logTicks,
  placeLabels,
  rateAxis,
} from './funnel-geometry';
import { hostWidth } from './host-width';

const MARGIN = { top: 12, right: 16, bottom: 48, left: 56 } as const;
const PLOT_HEIGHT = 280;
const LEGEND_ROW = 20;
/** From this width on, the words naming the units outside the limits stand beside the plot rather than under it. */
const SIDE_NOTES_FROM = 760;
const NOTES_WIDTH = 240;
const NOTES_GAP = 16;
const POINT_COLOR = SERIES_COLORS[0];
const OUTSIDE_COLOR = SERIES_COLORS[1];

/** The lines of the legend, in the order drawn. */
const LEGEND = [
  { key: 'network', text: 'Network rate' },
  { key: 'limit95', text: '95% limits' },
  { key: 'limit998', text: '99.8% limits' },
  { key: 'unit', text: 'Unit' },
  { key: 'outside', text: 'Outside 99.8%' },
] as const;

/** A unit in words: "Morgan Walsh: Above what chance explains (59.2% of 103 appointments)". */
export interface FunnelNote {
  key: string;
  label: string;
  statement: string;
  detail: string;
}

const isOutside998 = (unit: FunnelUnit) => unit.at998 === 'above' || unit.at998 === 'below';

/**
 * A funnel plot (Spiegelhalter 2005): each unit's rate against its denominator on a log scale, the network's
 * rate as a line, its 95% and 99.8% control limits as curves, and each unit a point with its name where it fits.
 * The units outside the 99.8% limits are named in words beside the plot, in the API's order (by id): a funnel
 * compares each unit with what chance explains, never units with each other, so nothing here is sorted by rate.
 * Drawn by hand in SVG, like the Kaplan-Meier chart: ngx-charts has no funnel, and its scatter has no curves.
 */
@Component({
  selector: 'iop-funnel-chart',
  templateUrl: './funnel-chart.html',
  styleUrl: './funnel-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FunnelChart {
  readonly funnel = input.required<FunnelPlot>();
  /** The rate axis' title with its unit, e.g. "Attendance rate (% of appointments)". */
  readonly rateLabel = input.required<string>();
  /** What the denominator counts, plural, e.g. "appointments": the axis title and the points' titles use it. */
  readonly denominatorName = input.required<string>();
  /** The units, plural, for the words beside the plot, e.g. "counselors". */
  readonly unitsName = input('units');

  private readonly width = hostWidth();
  protected readonly pointColor = POINT_COLOR;
  protected readonly outsideColor = OUTSIDE_COLOR;

  protected readonly sideNotes = computed(() => this.width() >= SIDE_NOTES_FROM);

  protected readonly notes = computed(() => {
    const funnel = this.funnel();
    const unitsName = this.unitsName();
    const outside: FunnelNote[] = funnel.units.filter(isOutside998).map((unit) => ({
      key: unit.key,
      label: unit.label,
      statement: funnelStatement(unit),
      detail: `${formatPercent(unit.rate)} of ${formatCount(unit.denominator)} ${this.denominatorName()}`,
    }));
    const compared = !isSuppressed(funnel.network) && funnel.units.length > 0;
    return {
      compared,
      networkText: isSuppressed(funnel.network)
        ? `The network rate is withheld (${funnel.network.reason}), so no ${singular(unitsName)} is compared with it.`
        : funnel.network.rate === null
          ? 'The network has no rate to compare with.'
          : `Network rate ${formatPercent(funnel.network.rate)}.`,
      outside,
      noneOutside: compared && outside.length === 0,
      withheld: funnel.withheld.map((unit) => ({ key: unit.key, label: unit.label, reason: unit.value.reason })),
    };
  });

  protected readonly chart = computed(() => {
    const funnel = this.funnel();
    const width = Math.max(280, this.sideNotes() ? this.width() - NOTES_WIDTH - NOTES_GAP : this.width());
    const network = isSuppressed(funnel.network) ? null : funnel.network.rate;
    const networkText = network === null ? null : `Network rate ${formatPercent(network)}`;
    const legend = legendLayout(width, networkText);
    const top = MARGIN.top + legend.height;
    const bottom = top + PLOT_HEIGHT;
    const left = MARGIN.left;
    const right = width - MARGIN.right;

    const xDomain = denominatorDomain([
      ...funnel.curve.map((point) => point.n),
      ...funnel.units.map((unit) => unit.denominator),
    ]);
    const yAxis = rateAxis([
      ...funnel.curve.flatMap((point) => [point.lower998, point.upper998]),
      ...funnel.units.map((unit) => unit.rate),
      ...(network === null ? [] : [network]),
    ]);
    const x = logScale(xDomain, [left, right]);
    const y = linearScale(yAxis.domain, [bottom, top]);
    // Fewer marks on a phone, so that the labels of 1, 2 and 5 never touch.
    const allTicks = logTicks(xDomain);
    const xTicks = right - left < allTicks.length * 44 ? allTicks.filter((tick) => isPowerOfTen(tick)) : allTicks;

    const points = funnel.units.map((unit) => ({
      key: unit.key,
      cx: x(unit.denominator),
      cy: y(unit.rate),
      outside: isOutside998(unit),
      title: `${unit.label}: ${formatPercent(unit.rate)} of ${formatCount(unit.denominator)} ${this.denominatorName()}. ${funnelStatement(unit)}.`,
    }));
    // The units the words name come first, so that their names are never the ones left out for lack of room.
    const byNeed = [...points.filter((point) => point.outside), ...points.filter((point) => !point.outside)];
    const labels = placeLabels(
      byNeed.map((point) => ({
        key: point.key,
        text: funnel.units.find((unit) => unit.key === point.key)?.label ?? '',
        x: point.cx,
        y: point.cy,
      })),
      { left, right, top, bottom },
    );

    return {
      width,
      height: bottom + MARGIN.bottom,
      left,
      right,
      top,
      bottom,
      legend: legend.items,
      xTicks: xTicks.map((tick) => ({ value: tick, at: x(tick), text: formatCount(tick) })),
      yTicks: yAxis.ticks.map((tick) => ({ value: tick, at: y(tick), text: `${Math.round(tick * 100)}%` })),
      network: network === null || networkText === null ? null : { at: y(network), text: networkText },
      limits:
        funnel.curve.length === 0
          ? null
          : {
              lower95: limitPath(funnel.curve, 'lower95', x, y),
              upper95: limitPath(funnel.curve, 'upper95', x, y),
              lower998: limitPath(funnel.curve, 'lower998', x, y),
              upper998: limitPath(funnel.curve, 'upper998', x, y),
            },
      points,
      labels,
    };
  });
}

function isPowerOfTen(value: number): boolean {
  return Number.isInteger(Math.log10(value));
}

/** "counselors" -> "counselor"; the nouns the pages pass are regular plurals. */
function singular(plural: string): string {
  return plural.endsWith('s') ? plural.slice(0, -1) : plural;
}

/**
 * The legend's items on as many rows as the width needs (about 6.6px a character, a 30px swatch and a gap). The
 * network's rate is written in its item rather than on its line, where it would cover the points near it.
 */
function legendLayout(
  width: number,
  networkText: string | null,
): {
  height: number;
  items: { key: (typeof LEGEND)[number]['key']; text: string; x: number; y: number }[];
} {
  const items: { key: (typeof LEGEND)[number]['key']; text: string; x: number; y: number }[] = [];
  let x = 0;
  let row = 0;
  for (const { key, text: plainText } of LEGEND) {
    // Without a network rate there are no lines and nobody outside: only the points are drawn.
    if (networkText === null && key !== 'unit') continue;
    const text = key === 'network' ? (networkText ?? plainText) : plainText;
    const itemWidth = 30 + text.length * 6.6 + 16;
    if (x > 0 && x + itemWidth > width - MARGIN.right) {
      row += 1;
      x = 0;
    }
    items.push({ key, text, x, y: row * LEGEND_ROW + 10 });
    x += itemWidth;
  }
  return { height: (row + 1) * LEGEND_ROW + 8, items };
}
