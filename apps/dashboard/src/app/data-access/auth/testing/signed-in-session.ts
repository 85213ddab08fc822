import type { Provider } from '@angular/core';
import type { SessionUser, UserRole } from '@iop/contracts';
import { AuthSession } from '../auth-session';

export function testUser(role: UserRole = 'admin'): SessionUser {
  return { id: 1, email: `${role}@test.local`, displayName: `Test ${role}`, role, payer: null, programIds: [] };
}

/** An AuthSession that starts signed in (component and page tests, which are not about signing in). */
class SignedInSession extends AuthSession {
  constructor(user: SessionUser) {
    super();
    this.current.set(user);
  }
}

export function provideSignedInUser(user: SessionUser = testUser()): Provider {
  return { provide: AuthSession, useFactory: () => new SignedInSession(user) };
}
