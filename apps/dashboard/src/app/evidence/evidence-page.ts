import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Being built (issue 4). */
@Component({
  selector: 'iop-evidence-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Evidence board</h1>`,
})
export class EvidencePage {}
