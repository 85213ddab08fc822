import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { DEFINITION_GROUPS } from '@iop/contracts/metric-catalogue';

/**
 * What each number means, from the metric catalogue of @iop/contracts (the PDF reports print the same), one
 * anchor per entry for the chart frames' "How is this computed?" links.
 * The page scrolls to the anchor itself: the router's anchor scrolling moves the window, but the page
 * scrolls inside the sidenav content.
 */
@Component({
  selector: 'iop-definitions-page',
  template: `
    <header class="page-header">
      <h1>How the numbers are computed</h1>
    </header>
    @for (group of groups; track group.heading) {
      <section class="definition-group" [attr.aria-label]="group.heading">
        <h2>{{ group.heading }}</h2>
        <dl>
          @for (entry of group.entries; track entry.anchor) {
            <div class="definition" [id]="entry.anchor" tabindex="-1">
              @for (item of entry.items; track item.term) {
                <dt>{{ item.term }}</dt>
                <dd>{{ item.definition }}</dd>
                @if (item.ratio) {
                  <dd class="ratio">{{ item.ratio }}</dd>
                }
              }
            </div>
          }
        </dl>
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 72ch;
    }
    .definition {
      margin-block-end: 12px;
      scroll-margin-top: 16px;
    }
    .definition:target,
    .definition:focus {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 4px;
    }
    dt {
      font: var(--mat-sys-title-small);
    }
    dd {
      margin: 4px 0 0;
    }
    dd + dt {
      margin-block-start: 8px;
    }
    .ratio {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DefinitionsPage {
  protected readonly groups = DEFINITION_GROUPS;

  constructor() {
    const fragment = inject(ActivatedRoute).snapshot.fragment;
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    afterNextRender(() => {
      // Compared as a string, so that no fragment needs escaping into a selector.
      const target = Array.from(host.nativeElement.querySelectorAll<HTMLElement>('.definition')).find(
        (entry) => entry.id === fragment,
      );
      target?.scrollIntoView?.({ block: 'start' });
      target?.focus({ preventScroll: true });
    });
  }
}
