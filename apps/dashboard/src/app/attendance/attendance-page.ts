import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Being built (issue 4). */
@Component({
  selector: 'iop-attendance-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Attendance & compliance</h1>`,
})
export class AttendancePage {}
