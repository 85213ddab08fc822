import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { AUTH_PATHS, type SessionResponse, type SessionStatus, type SessionUser, type UserRole } from '@iop/contracts';
import { firstValueFrom } from 'rxjs';

/**
 * Who is signed in. The tokens themselves are httpOnly cookies the page never sees; this holds the user the
 * API returned, restores it on load (from the access cookie, or by refreshing when the API says a refresh
 * cookie came), and renews an expired access token once for all requests that found it expired at the same
 * moment. Restoring asks GET auth/session, which answers 200 signed in or not: a first visit logs no error.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly http = inject(HttpClient);
  /** undefined until the first restore has answered. */
  protected readonly current = signal<SessionUser | null | undefined>(undefined);
  private restoring: Promise<SessionUser | null> | null = null;
  private refreshing: Promise<boolean> | null = null;

  readonly user = computed(() => this.current() ?? null);
  readonly signedIn = computed(() => !!this.current());

  hasRole(roles: readonly UserRole[]): boolean {
    const user = this.current();
    return !!user && roles.includes(user.role);
  }

  /** The signed-in user, asking the API once per page load (then remembered). */
  restore(): Promise<SessionUser | null> {
    const known = this.current();
    if (known !== undefined) return Promise.resolve(known);
    this.restoring ??= firstValueFrom(this.http.get<SessionStatus>(AUTH_PATHS.session))
      .then(async ({ user, canRefresh }) => {
        if (user || !canRefresh) return user;
        return (await this.refresh()) ? (this.current() ?? null) : null;
      })
      // The API could not be reached: nobody is signed in as far as this page can tell.
      .catch(() => null)
      .then((user) => {
        this.current.set(user);
        return user;
      });
    return this.restoring;
  }

  async signIn(email: string, password: string): Promise<SessionUser> {
    const session = await firstValueFrom(this.http.post<SessionResponse>(AUTH_PATHS.login, { email, password }));
    this.current.set(session.user);
    return session.user;
  }

  /** Renews the access token from the refresh cookie; false when the session has ended. */
  refresh(): Promise<boolean> {
    this.refreshing ??= firstValueFrom(this.http.post<SessionResponse>(AUTH_PATHS.refresh, {}))
      .then((session) => {
        this.current.set(session.user);
        return true;
      })
      .catch(() => false)
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post(AUTH_PATHS.logout, {}));
    } catch (error) {
      // Already signed out on the server (expired session): nothing left to revoke.
      if (!(error instanceof HttpErrorResponse && error.status === 401)) throw error;
    } finally {
      this.forget();
    }
  }

  /** The session is over (expired or revoked): forget the user so that guards send the page to sign-in. */
  forget(): void {
    this.current.set(null);
    this.restoring = null;
  }
}

/** A path inside the dashboard to return to after signing in; anything else (another site) becomes /overview. */
export function safeReturnUrl(candidate: string | null | undefined): string {
  return candidate && candidate.startsWith('/') && !candidate.startsWith('//') && !candidate.startsWith('/login')
    ? candidate
    : '/overview';
}
