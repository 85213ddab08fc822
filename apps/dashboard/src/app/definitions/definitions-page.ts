import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { DEFINITION_GROUPS } from './metric-definitions';

/**
 * What each number means, one anchor per metric for the chart frames' "How is this computed?" links.
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
          @for (item of group.definitions; track item.anchor) {
            <div class="definition" [id]="item.anchor" tabindex="-1">
              <dt>{{ item.term }}</dt>
              <dd>{{ item.definition }}</dd>
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
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DefinitionsPage {
  protected readonly groups = DEFINITION_GROUPS;

  constructor() {
    const fragment = inject(ActivatedRoute).snapshot.fragment;
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    afterNextRender(() => {
      const target = fragment ? host.nativeElement.querySelector<HTMLElement>(`[id="${CSS.escape(fragment)}"]`) : null;
      target?.scrollIntoView?.({ block: 'start' });
      target?.focus({ preventScroll: true });
    });
  }
}
