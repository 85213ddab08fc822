import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { requestFailureOf } from '../../data-access/api/request-failure';
import { AuthSession, safeReturnUrl } from '../../data-access/auth/auth-session';

/** What the API's refusal means for the person at the form. */
export function signInProblem(error: unknown): string {
  const failure = requestFailureOf(error);
  if (failure?.status === 401) return 'The e-mail or the password is not right.';
  if (failure?.status === 429) return failure.message ?? 'Too many attempts; wait a few minutes and try again.';
  if (failure?.status === 0) return 'The server cannot be reached; check the connection and try again.';
  return 'Signing in failed; try again in a moment.';
}

@Component({
  selector: 'iop-login-page',
  imports: [ReactiveFormsModule, MatButton, MatCard, MatCardContent, MatError, MatFormField, MatInput, MatLabel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="login-card">
      <mat-card-content>
        <h1>Sign in</h1>
        <p class="lead">IOP Outcomes shows treatment records protected by 42 CFR Part 2; every sign-in is recorded.</p>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>E-mail</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="username" data-testid="login-email" />
            @if (form.controls.email.hasError('email')) {
              <mat-error>Enter an e-mail address.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Password</mat-label>
            <input
              matInput
              type="password"
              formControlName="password"
              autocomplete="current-password"
              data-testid="login-password"
            />
          </mat-form-field>
          @if (problem()) {
            <p class="problem" role="alert" data-testid="login-problem">{{ problem() }}</p>
          }
          <button matButton="filled" type="submit" [disabled]="busy()" data-testid="login-submit">
            {{ busy() ? 'Signing in…' : 'Sign in' }}
          </button>
        </form>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host {
      display: flex;
      justify-content: center;
      padding: 32px 16px;
    }
    .login-card {
      width: min(420px, 100%);
    }
    h1 {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-small);
    }
    .lead {
      margin: 0 0 24px;
      color: var(--mat-sys-on-surface-variant);
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .problem {
      margin: 0 0 8px;
      color: var(--mat-sys-error);
    }
  `,
})
export class LoginPage {
  /** Bound from the query string by withComponentInputBinding(): the page the visitor was sent here from. */
  readonly returnUrl = input<string | undefined>(undefined);

  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.problem.set('Enter your e-mail and password.');
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      const { email, password } = this.form.getRawValue();
      await this.session.signIn(email, password);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error) {
      this.problem.set(signInProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
