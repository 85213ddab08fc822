import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BarPlot, type BarPlotSpec } from './bar-plot';
import { HeatmapPlot, shadeOf } from './heatmap-plot';
import { XyPlot, type XyPlotSpec } from './xy-plot';

function render<T>(component: Type<T>, spec: unknown): HTMLElement {
  const fixture = TestBed.createComponent(component);
  fixture.componentRef.setInput('spec', spec);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

const texts = (root: HTMLElement) => Array.from(root.querySelectorAll('text')).map((text) => text.textContent?.trim());

describe('evidence plots', () => {
  it('draws a bar from zero per row, with its whisker and value, negative values to the left', () => {
    const spec: BarPlotSpec = {
      valueLabel: 'Slope per meeting a week',
      formatValue: String,
      rows: [
        { label: 'alcohol', value: 0.02, low: 0.01, high: 0.03, color: '#3d7bd9', valueText: '0.02' },
        { label: 'opioids', value: -0.01, low: -0.03, high: 0.01, color: '#d9480f', valueText: '-0.01' },
      ],
    };
    const root = render(BarPlot, spec);
    const bars = Array.from(root.querySelectorAll('rect'));
    expect(bars).toHaveLength(2);
    expect(Number(bars[1].getAttribute('x'))).toBeLessThan(Number(bars[0].getAttribute('x')));
    expect(root.querySelectorAll('line.whisker')).toHaveLength(6);
    expect(texts(root)).toEqual(
      expect.arrayContaining(['alcohol', 'opioids', '0.02', '-0.01', 'Slope per meeting a week']),
    );
  });

  it('draws bin means with error bars, a line and labelled axes', () => {
    const spec: XyPlotSpec = {
      xLabel: 'Hours per week',
      yLabel: 'Compliance score (0-1)',
      series: [
        {
          name: 'Bin mean with 95% CI',
          kind: 'points',
          color: '#3d7bd9',
          points: [
            { x: 1, y: 0.6, low: 0.55, high: 0.65 },
            { x: 9, y: 0.7, low: 0.66, high: 0.74 },
          ],
        },
        {
          name: 'Least-squares line',
          kind: 'line',
          color: '#d9480f',
          dashed: true,
          points: [
            { x: 1, y: 0.6 },
            { x: 9, y: 0.7 },
          ],
        },
      ],
    };
    const root = render(XyPlot, spec);
    expect(root.querySelectorAll('circle')).toHaveLength(2);
    expect(root.querySelector('path[stroke-dasharray]')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    expect(texts(root)).toEqual(
      expect.arrayContaining(['Hours per week', 'Compliance score (0-1)', 'Least-squares line']),
    );
  });

  it('writes each heatmap value in its cell, in a colour readable on the shade', () => {
    const root = render(HeatmapPlot, {
      valueLabel: 'attendance rate',
      rows: ['Employed or student'],
      columns: ['Morning', 'Evening'],
      cells: [
        { row: 'Employed or student', column: 'Morning', value: 0.79, text: '79.0%' },
        { row: 'Employed or student', column: 'Evening', value: 0.81, text: '81.0%' },
      ],
    });
    expect(texts(root)).toEqual(['Morning', 'Evening', '79.0%', '81.0%', 'Employed or student']);
    expect(shadeOf(0.79, 0.79, 0.81)).toEqual({ fill: 'rgb(222, 235, 247)', text: '#111111' });
    expect(shadeOf(0.81, 0.79, 0.81)).toEqual({ fill: 'rgb(8, 69, 148)', text: '#ffffff' });
  });
});
