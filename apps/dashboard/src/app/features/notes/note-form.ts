import { ChangeDetectionStrategy, Component, inject, input, type OnInit, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { Annotation } from '@iop/contracts';
import { AnnotationsApi } from '../../data-access/api/annotations-api';
import {
  NETWORK_CHOICE,
  NOTE_TEXT_MAX,
  noteLength,
  noteProblem,
  type ProgramChoice,
  toAnnotationValue,
} from './notes-display';

/** The API's rule for the text, as the form checks it before sending: 1 to 2,000 characters, not only spaces. */
function noteTextValidator(control: AbstractControl<string>): ValidationErrors | null {
  const text = control.value;
  if (!text.trim()) return { required: true };
  return noteLength(text) > NOTE_TEXT_MAX ? { tooLong: true } : null;
}

/** "until" not before "on" (ISO dates compare as strings). */
function rangeValidator(group: AbstractControl): ValidationErrors | null {
  const { on, until } = (group as FormGroup<{ on: FormControl<string>; until: FormControl<string> }>).getRawValue();
  return on && until && until < on ? { untilBeforeOn: true } : null;
}

/** Adds a note (no `annotation`) or changes one: program or network, a day or a range, and the text. */
@Component({
  selector: 'iop-note-form',
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, MatOption, MatSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './note-form.html',
  styleUrl: './notes-page.scss',
})
export class NoteForm implements OnInit {
  private readonly api = inject(AnnotationsApi);

  /** The note to change; null to add one. Read once, when the form is built. */
  readonly annotation = input<Annotation | null>(null);
  readonly programs = input<readonly ProgramChoice[]>([]);
  readonly saved = output<Annotation>();
  readonly cancelled = output<void>();

  protected readonly maxLength = NOTE_TEXT_MAX;
  protected readonly form = new FormGroup(
    {
      program: new FormControl<number | typeof NETWORK_CHOICE | null>(null, { validators: [Validators.required] }),
      on: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      until: new FormControl('', { nonNullable: true }),
      text: new FormControl('', { nonNullable: true, validators: [noteTextValidator] }),
    },
    { validators: [rangeValidator] },
  );
  protected readonly length = toSignal(this.form.controls.text.valueChanges, { initialValue: '' });
  protected readonly busy = signal(false);
  protected readonly problem = signal('');

  protected lengthOf(text: string): number {
    return noteLength(text);
  }

  ngOnInit(): void {
    const annotation = this.annotation();
    if (annotation) {
      this.form.patchValue({
        program: annotation.programId ?? NETWORK_CHOICE,
        on: annotation.on,
        until: annotation.until ?? '',
        text: annotation.text,
      });
    } else if (this.programs().length === 1) {
      this.form.patchValue({ program: this.programs()[0].value });
    }
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const { program, ...rest } = this.form.getRawValue();
    if (program === null) return;
    const value = toAnnotationValue({ program, ...rest });
    const annotation = this.annotation();
    this.busy.set(true);
    this.problem.set('');
    try {
      this.saved.emit(annotation ? await this.api.update(annotation.id, value) : await this.api.create(value));
    } catch (error) {
      this.problem.set(noteProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
