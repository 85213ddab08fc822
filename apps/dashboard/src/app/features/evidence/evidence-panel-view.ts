import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { FrameState } from '../../ui/charts/chart-frame';
import { ChartFrame } from '../../ui/charts/chart-frame';
import type { EvidencePanel } from './evidence-panel';
import { BarPlot } from '../../ui/plots/bar-plot';
import { HeatmapPlot } from '../../ui/plots/heatmap-plot';
import { XyPlot } from '../../ui/plots/xy-plot';

/** One panel of a claim in the shared chart frame, with the plot its kind calls for. */
@Component({
  selector: 'iop-evidence-panel',
  imports: [ChartFrame, BarPlot, HeatmapPlot, XyPlot],
  template: `
    @let current = panel();
    <iop-chart-frame
      [heading]="current.heading"
      [subtitle]="current.subtitle"
      [n]="current.n"
      [unit]="current.unit"
      definition="evidence"
      [table]="current.table"
      [state]="current.empty && state() === 'ready' ? 'empty' : state()"
      [errorMessage]="errorMessage()"
      (retry)="retry.emit()"
      [attr.data-testid]="'evidence-panel-' + current.key"
    >
      @let plot = current.plot;
      @if (plot.kind === 'xy') {
        <iop-evidence-xy-plot [spec]="plot.spec" />
      } @else if (plot.kind === 'bars') {
        <iop-evidence-bar-plot [spec]="plot.spec" />
      } @else {
        <iop-evidence-heatmap-plot [spec]="plot.spec" />
      }
    </iop-chart-frame>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvidencePanelView {
  readonly panel = input.required<EvidencePanel>();
  readonly state = input<FrameState>('ready');
  readonly errorMessage = input('');
  readonly retry = output<void>();
}
