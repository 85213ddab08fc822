import type { Payer, UserRole } from './domain';

/** POST /api/v1/auth/login body. */
export interface LoginRequest {
  email: string;
  password: string;
}

/** The signed-in user as the dashboard shows them. */
export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  /** The payer a payer user represents; null for other roles. */
  payer: Payer | null;
  /** A director's programs; empty for other roles (they are not scoped by program). */
  programIds: number[];
}

/**
 * POST /api/v1/auth/login and /auth/refresh: a short-lived access token (also set as the httpOnly cookie
 * `iop_access`) and the user. The refresh token travels only as the httpOnly cookie `iop_refresh`.
 */
export interface SessionResponse {
  accessToken: string;
  /** Seconds until the access token expires (900). */
  expiresIn: number;
  user: SessionUser;
}

/**
 * GET /api/v1/auth/session: who is signed in, answered 200 whether anyone is or not, so that a page asking on its
 * first load logs no error. `canRefresh` says whether a refresh cookie came with the request: the cookie is
 * httpOnly, so only the server can tell the page that POST /auth/refresh is worth trying.
 */
export interface SessionStatus {
  /** The user of a live access token (bearer or cookie); null without one, or when it expired or was revoked. */
  user: SessionUser | null;
  canRefresh: boolean;
}

export const AUTH_PATHS = {
  login: '/api/v1/auth/login',
  refresh: '/api/v1/auth/refresh',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/auth/me',
  session: '/api/v1/auth/session',
} as const;
