import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { UserRole } from '@iop/contracts';
import { NAVIGATION_PAGES } from './pages';
import { AuthSession } from './data-access/auth/auth-session';

/** Pages need a signed-in user; without one, sign-in first and then back to the page asked for. */
export const signedIn: CanActivateFn = async (_route, state) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  if (await session.restore()) return true;
  return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/**
 * A page for some roles only (route data `roles`): others go to the first page their role may open. The API
 * refuses them anyway; this only spares them a page of errors.
 */
export const roleAllowed: CanActivateFn = async (route) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  const roles = route.data['roles'] as readonly UserRole[] | undefined;
  const user = await session.restore();
  if (!roles || (user && roles.includes(user.role))) return true;
  const home = NAVIGATION_PAGES.find((page) => user && page.roles.includes(user.role));
  return router.createUrlTree([`/${home?.path ?? 'login'}`]);
};

/** The sign-in page is for signed-out visitors; a signed-in one goes on to the overview. */
export const signedOut: CanActivateFn = async () => {
  const session = inject(AuthSession);
  const router = inject(Router);
  // (Injected before the await: inject() works only synchronously inside a guard.)
  return (await session.restore()) ? router.createUrlTree(['/overview']) : true;
};
