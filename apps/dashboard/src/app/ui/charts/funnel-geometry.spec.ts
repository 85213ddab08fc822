import {
  denominatorDomain,
  limitPath,
  linearScale,
  logScale,
  logTicks,
  placeLabels,
  rateAxis,
} from './funnel-geometry';

describe('funnel geometry', () => {
  it('maps denominators on a log scale: each decade takes the same width', () => {
    const x = logScale([10, 1000], [0, 200]);
    expect(x(10)).toBe(0);
    expect(x(100)).toBeCloseTo(100, 10);
    expect(x(1000)).toBeCloseTo(200, 10);
  });

  it('pads a single denominator on both sides, so that its point is not on the edge', () => {
    expect(denominatorDomain([40, 200, 25, 0])).toEqual([25, 200]);
    const [low, high] = denominatorDomain([100]);
    expect(low * high).toBeCloseTo(100 * 100, 8);
    expect(high / low).toBeCloseTo(2, 10);
    expect(denominatorDomain([])).toEqual([1, 10]);
  });

  it('marks 1, 2 and 5 times each power of ten inside the domain', () => {
    expect(logTicks([25, 440])).toEqual([50, 100, 200]);
    expect(logTicks([8, 2500])).toEqual([10, 20, 50, 100, 200, 500, 1000, 2000]);
  });

  it('fits the rate axis to whole tenths around the values, never past 0-100%', () => {
    expect(rateAxis([0.553, 1, 0.6, 0.95])).toEqual({ domain: [0.5, 1], ticks: [0.5, 0.6, 0.7, 0.8, 0.9, 1] });
    // A narrow range is widened to 20 points, so that the funnel is not drawn at a magnified scale.
    expect(rateAxis([0.81, 0.86])).toEqual({ domain: [0.7, 0.9], ticks: [0.7, 0.75, 0.8, 0.85, 0.9] });
    expect(rateAxis([0, 0.99])).toEqual({ domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(rateAxis([])).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('draws a limit through every curve point', () => {
    const curve = [
      { n: 10, lower95: 0.5, upper95: 0.9, lower998: 0.4, upper998: 1 },
      { n: 100, lower95: 0.7, upper95: 0.85, lower998: 0.65, upper998: 0.9 },
    ];
    const x = logScale([10, 100], [0, 100]);
    const y = linearScale([0, 1], [200, 0]);
    expect(limitPath(curve, 'upper95', x, y)).toBe('M0,20L100,30');
    expect(limitPath(curve, 'lower998', x, y)).toBe('M0,120L100,70');
  });

  it('writes a name to the right of its point, else to its left, else a line above or below, else not at all', () => {
    const plot = { left: 50, right: 300, top: 0, bottom: 200 };
    const placed = placeLabels(
      [
        // "Avery" is 5 x 6.6 = 33px wide: right of its point, 10px from its centre, over x 110-143.
        { key: 'a', text: 'Avery', x: 100, y: 50 },
        // Right of it would pass the plot's right edge (300): written to its left, ending 10px before the point.
        { key: 'b', text: 'Blake', x: 280, y: 50 },
        // Its right covers Finn's point (168-182), its left Avery's name: a line above, to the right.
        { key: 'c', text: 'Casey', x: 152, y: 52 },
        { key: 'f', text: 'Finn', x: 175, y: 52 },
        // Wider than the plot (41 x 6.6 = 271px of 250): no place holds it.
        { key: 'd', text: 'Counselor Dana Whitfield-Montgomery (Day)', x: 120, y: 120 },
        { key: 'e', text: 'Eden', x: 200, y: 150 },
      ],
      plot,
    );
    expect(placed).toEqual([
      { key: 'a', text: 'Avery', x: 110, y: 50, anchor: 'start' },
      { key: 'b', text: 'Blake', x: 270, y: 50, anchor: 'end' },
      { key: 'c', text: 'Casey', x: 162, y: 38, anchor: 'start' },
      { key: 'f', text: 'Finn', x: 185, y: 52, anchor: 'start' },
      { key: 'e', text: 'Eden', x: 210, y: 150, anchor: 'start' },
    ]);
  });
});
