import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Being built (issue 4). */
@Component({
  selector: 'iop-retention-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Retention</h1>`,
})
export class RetentionPage {}
