import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { AUTH_PATHS } from '@iop/contracts';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthSession } from './auth-session';

const AUTH_ENDPOINTS: readonly string[] = Object.values(AUTH_PATHS);

/**
 * An API answer of 401 means the 15-minute access token has expired (or the session was revoked): renew it
 * once from the refresh cookie and repeat the request; if the session is over, go to sign-in and come back to
 * this page afterwards.
 */
export const renewExpiredSession: HttpInterceptorFn = (request, next) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  if (AUTH_ENDPOINTS.some((path) => request.url.startsWith(path))) return next(request);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) return throwError(() => error);
      return from(session.refresh()).pipe(
        switchMap((renewed) => {
          if (renewed) return next(request);
          session.forget();
          void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
          return throwError(() => error);
        }),
      );
    }),
  );
};
