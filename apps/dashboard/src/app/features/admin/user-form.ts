import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  type OnInit,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  ADMIN_PASSWORD_MIN_LENGTH,
  type AdminUser,
  PAYER_LABELS,
  PAYERS,
  type Payer,
  type ProgramOption,
  USER_ROLES,
  type UserRole,
} from '@iop/contracts';
import { AdminApi } from '../../data-access/api/admin-api';
import { adminProblem, ROLE_LABELS, toCreateRequest, toUpdateRequest } from './admin-display';

/** Creates an account (no `user`) or edits one: role, payer, programs, disabled, unlock, a new password. */
@Component({
  selector: 'iop-user-form',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-form.html',
  styleUrl: './user-form.scss',
})
export class UserForm implements OnInit {
  private readonly api = inject(AdminApi);

  /** The account to edit; null to create one. Read once, when the form is built. */
  readonly user = input<AdminUser | null>(null);
  readonly programs = input<readonly ProgramOption[]>([]);
  readonly saved = output<AdminUser>();
  readonly cancelled = output<void>();

  protected readonly roles = USER_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  protected readonly payers = PAYERS.map((payer) => ({ value: payer, label: PAYER_LABELS[payer] }));
  protected readonly minLength = ADMIN_PASSWORD_MIN_LENGTH;

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    displayName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    role: new FormControl<UserRole>('director', { nonNullable: true }),
    payer: new FormControl<Payer | null>(null),
    programIds: new FormControl<number[]>([], { nonNullable: true }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.minLength(ADMIN_PASSWORD_MIN_LENGTH)] }),
    disabled: new FormControl(false, { nonNullable: true }),
    unlock: new FormControl(false, { nonNullable: true }),
  });
  protected readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: 'director' });
  protected readonly editing = computed(() => this.user() !== null);
  protected readonly locked = computed(() => {
    const lockedUntil = this.user()?.lockedUntil;
    return !!lockedUntil && new Date(lockedUntil) > new Date();
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal('');

  ngOnInit(): void {
    const user = this.user();
    if (user) {
      this.form.patchValue({
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        payer: user.payer,
        programIds: user.programIds,
        disabled: user.disabled,
      });
      this.form.controls.email.disable();
    } else {
      this.form.controls.password.addValidators(Validators.required);
    }
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const value = this.form.getRawValue();
    if (value.role === 'payer' && !value.payer) {
      this.problem.set('Choose the payer this user represents.');
      return;
    }
    const user = this.user();
    this.busy.set(true);
    this.problem.set('');
    try {
      const saved = user
        ? await this.api.updateUser(user.id, toUpdateRequest(user, value))
        : await this.api.createUser(toCreateRequest(value));
      this.saved.emit(saved);
    } catch (error) {
      this.problem.set(adminProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
