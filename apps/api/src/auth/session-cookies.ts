import type { CookieOptions, Request, Response } from 'express';
import { ACCESS_TOKEN_SECONDS } from './access-tokens';
import { SESSION_HOURS } from './session-store';

export const ACCESS_COOKIE = 'iop_access';
export const REFRESH_COOKIE = 'iop_refresh';

/**
 * httpOnly so that page scripts never see a token; SameSite=Strict so that no other site can send them (the
 * cookies are the browser's only credentials, so this is the CSRF defence); the refresh cookie goes only to
 * the auth endpoints.
 */
function options(secure: boolean, path: string, maxAgeSeconds: number): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path, maxAge: maxAgeSeconds * 1000 };
}

function cookieOf(request: Request, name: string): string | undefined {
  return (request.cookies as Record<string, string | undefined> | undefined)?.[name];
}

/** The access token a request carries: the bearer token of an API client, else the dashboard's cookie. */
export function accessTokenOf(request: Request): string | undefined {
  return /^Bearer (\S+)$/.exec(request.get('authorization') ?? '')?.[1] ?? cookieOf(request, ACCESS_COOKIE);
}

export function refreshTokenOf(request: Request): string | undefined {
  return cookieOf(request, REFRESH_COOKIE);
}

export function setSessionCookies(response: Response, secure: boolean, accessToken: string, refreshToken: string) {
  response.cookie(ACCESS_COOKIE, accessToken, options(secure, '/api', ACCESS_TOKEN_SECONDS));
  response.cookie(REFRESH_COOKIE, refreshToken, options(secure, '/api/v1/auth', SESSION_HOURS * 3600));
}

export function clearSessionCookies(response: Response, secure: boolean) {
  response.clearCookie(ACCESS_COOKIE, { ...options(secure, '/api', 0), maxAge: undefined });
  response.clearCookie(REFRESH_COOKIE, { ...options(secure, '/api/v1/auth', 0), maxAge: undefined });
}
