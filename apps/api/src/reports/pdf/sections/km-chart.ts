import type { RetentionCurve } from '@iop/contracts';

/** Line colours of the curves, the overall curve first (black); distinguishable in greyscale print too. */
export const CURVE_COLOURS = ['#000000', '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2'];

const WIDTH = 500;
const HEIGHT = 260;
const PLOT = { left: 46, right: 490, top: 10, bottom: 220 };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The day axis' extent and ticks: whole multiples of 30 days up to the last observed time (at least 90). */
function dayAxis(curves: RetentionCurve[], referenceDay: number): { max: number; ticks: number[] } {
  const last = Math.max(referenceDay, ...curves.flatMap((curve) => curve.steps.map((step) => step.time)));
  const step = last > 360 ? 90 : 30;
  const max = Math.ceil(last / step) * step;
  const ticks: number[] = [];
  for (let day = 0; day <= max; day += step) ticks.push(day);
  return { max, ticks };
}

/**
 * Kaplan-Meier step functions as an SVG (vector in the PDF): survival stays flat until the next event time and
 * drops there; the dashed line marks the reference day (90 days since admission).
 */
export function kaplanMeierSvg(curves: RetentionCurve[], referenceDay: number, axisLabel: string): string {
  const { max, ticks } = dayAxis(curves, referenceDay);
  const x = (day: number) => PLOT.left + ((PLOT.right - PLOT.left) * day) / max;
  const y = (survival: number) => PLOT.bottom - (PLOT.bottom - PLOT.top) * survival;
  const paths = curves.map((curve, index) => {
    let survival = 1;
    const points = [`${x(0)},${y(1)}`];
    for (const step of curve.steps) {
      points.push(`${x(step.time)},${y(survival)}`);
      survival = step.survival;
      points.push(`${x(step.time)},${y(survival)}`);
    }
    const colour = CURVE_COLOURS[index % CURVE_COLOURS.length];
    const width = index === 0 ? 2 : 1.2;
    return `<polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="${width}"/>`;
  });
  const xTicks = ticks.map(
    (day) =>
      `<line x1="${x(day)}" y1="${PLOT.bottom}" x2="${x(day)}" y2="${PLOT.bottom + 4}" stroke="#000"/>` +
      `<text x="${x(day)}" y="${PLOT.bottom + 14}" font-size="8" text-anchor="middle">${day}</text>`,
  );
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map(
    (value) =>
      `<line x1="${PLOT.left - 4}" y1="${y(value)}" x2="${PLOT.right}" y2="${y(value)}" stroke="#ddd"/>` +
      `<text x="${PLOT.left - 6}" y="${y(value) + 3}" font-size="8" text-anchor="end">${value * 100}%</text>`,
  );
  const reference = x(referenceDay);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    ...yTicks,
    `<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${PLOT.bottom}" stroke="#000"/>`,
    `<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" stroke="#000"/>`,
    ...xTicks,
    `<line x1="${reference}" y1="${PLOT.top}" x2="${reference}" y2="${PLOT.bottom}" stroke="#555" ` +
      `stroke-dasharray="4,3"/>`,
    `<text x="${reference + 3}" y="${PLOT.top + 8}" font-size="8">${referenceDay} days</text>`,
    ...paths,
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="${HEIGHT - 8}" font-size="9" text-anchor="middle">` +
      `${escapeXml(axisLabel)}</text>`,
    `<text x="10" y="${(PLOT.top + PLOT.bottom) / 2}" font-size="9" text-anchor="middle" ` +
      `transform="rotate(-90 10 ${(PLOT.top + PLOT.bottom) / 2})">Still engaged</text>`,
    '</svg>',
  ].join('');
}
