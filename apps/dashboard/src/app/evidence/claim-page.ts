import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Being built (issue 4). */
@Component({
  selector: 'iop-claim-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Evidence claim</h1>`,
})
export class ClaimPage {}
