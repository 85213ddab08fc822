import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DataStatus } from '@iop/contracts';
import { formatInstant } from '../formats/time-format';

/**
 * The end of a "Data as of" line: ", last loaded Mar 2, 2026, 9:30 AM UTC from kipu-east". Nothing until the
 * status is known or when nothing has been loaded.
 */
@Component({
  selector: 'iop-data-loaded',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The comma in an element of its own: as text, the line break before it would show as a space.
  template: `
    @if (loaded(); as loaded) {
      <span>,</span> last loaded
      <time data-testid="data-loaded-at" [attr.datetime]="loaded.iso">{{ loaded.text }}</time>
      @if (loaded.source) {
        from <span data-testid="data-loaded-source">{{ loaded.source }}</span>
      }
    }
  `,
  styles: `
    :host {
      display: inline;
    }
    /* As the "Data as of" date before it (page-layout's as-of). */
    time {
      color: var(--mat-sys-on-surface);
      font-weight: 500;
    }
  `,
})
export class DataLoaded {
  readonly status = input.required<DataStatus | null>();

  protected readonly loaded = computed(() => {
    const status = this.status();
    if (!status?.loadedAt) return null;
    return { iso: status.loadedAt, text: formatInstant(status.loadedAt), source: sourceText(status) };
  });
}

/** The generator's loads name their source "synthetic": said in words. */
function sourceText(status: DataStatus): string | null {
  return status.synthetic && status.source === 'synthetic' ? 'the demonstration generator' : status.source;
}
