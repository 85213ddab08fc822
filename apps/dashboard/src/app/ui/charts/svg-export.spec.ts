import { chartSvgOf } from './svg-export';

/** jsdom lays nothing out: each SVG is given the box a browser would draw. */
function sized(svg: Element, width: number, height: number): void {
  svg.getBoundingClientRect = () => ({
    width,
    height,
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    right: width,
    bottom: height,
    toJSON: () => ({}),
  });
}

describe('chartSvgOf', () => {
  it('takes the chart, not a legend swatch that comes before it', () => {
    const area = document.createElement('div');
    area.innerHTML = `
      <p><svg id="swatch" width="28" height="12"></svg> Program A</p>
      <svg id="chart" viewBox="0 0 640 360"><svg id="nested"></svg></svg>
      <svg id="swatch-2" width="20" height="10"></svg>`;
    sized(area.querySelector('#swatch') as Element, 28, 12);
    sized(area.querySelector('#chart') as Element, 640, 360);
    sized(area.querySelector('#nested') as Element, 2000, 2000);
    sized(area.querySelector('#swatch-2') as Element, 20, 10);
    expect(chartSvgOf(area)?.id).toBe('chart');
  });

  it('is null for an area without a drawing (the table view)', () => {
    const area = document.createElement('div');
    area.innerHTML = '<table><tr><td>1</td></tr></table>';
    expect(chartSvgOf(area)).toBeNull();
  });
});
