import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Being built (issue 4). */
@Component({
  selector: 'iop-costs-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Cost-effectiveness</h1>`,
})
export class CostsPage {}
