import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Request } from 'express';

/** The methods that change something: only these are checked (reads are guarded by SameSite and the session). */
const CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The metadata key under which @ApiConsumes() of @nestjs/swagger stores its media types (the package does not
 * export its constants; cross-site-request.spec.ts checks this against the decorator itself).
 */
export const API_CONSUMES_METADATA = 'swagger/apiConsumes';

/** What an endpoint takes unless its @ApiConsumes() names something else (the import upload: multipart). */
const DEFAULT_MEDIA_TYPES = ['application/json'];

/**
 * The defence against cross-site request forgery besides the SameSite=Strict cookies (docs/SECURITY.md), on
 * every request that changes something:
 *
 * - a browser request from another site is refused (403): `Sec-Fetch-Site: cross-site`, or an `Origin` that is
 *   not the application's own. A request without `Origin` comes from a client that is not a browser page (a
 *   script with a bearer token, the command line) and passes;
 * - a body must be of the media type the endpoint declares to OpenAPI with @ApiConsumes (application/json
 *   unless it says otherwise): 415 otherwise. HTML forms can only send urlencoded, multipart or text/plain
 *   bodies, and a JSON body from another origin needs a CORS preflight this API never grants.
 *
 * The application's own origin is the configured list (IOP_ALLOWED_ORIGINS) when there is one, else the
 * origin the request was addressed to (its Host header), which a browser page of another site cannot choose.
 */
export class CrossSiteRequestGuard implements CanActivate {
  private readonly allowedOrigins: ReadonlySet<string>;

  constructor(
    private readonly reflector: Reflector,
    allowedOrigins: readonly string[],
  ) {
    this.allowedOrigins = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!CHANGING_METHODS.has(request.method)) return true;
    this.refuseOtherSites(request);
    this.refuseOtherMediaTypes(request, context);
    return true;
  }

  private refuseOtherSites(request: Request): void {
    if (request.get('sec-fetch-site') === 'cross-site') {
      throw new ForbiddenException('A page of another site may not change anything here (Sec-Fetch-Site: cross-site)');
    }
    const origin = request.get('origin');
    if (origin !== undefined && !this.isOwnOrigin(origin, request)) {
      throw new ForbiddenException("Only this application's own pages may change anything here (foreign Origin)");
    }
  }

  private isOwnOrigin(origin: string, request: Request): boolean {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      // "null" (a sandboxed frame, a file) and anything else that is not an origin.
      return false;
    }
    if (this.allowedOrigins.size > 0) return this.allowedOrigins.has(parsed.origin);
    return parsed.host === request.get('host')?.toLowerCase();
  }

  private refuseOtherMediaTypes(request: Request, context: ExecutionContext): void {
    const accepted =
      this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES_METADATA, [
        context.getHandler(),
        context.getClass(),
      ]) ?? DEFAULT_MEDIA_TYPES;
    const contentType = request.get('content-type');
    const mediaType = contentType?.split(';')[0].trim().toLowerCase();
    const hasBody = request.get('transfer-encoding') !== undefined || Number(request.get('content-length') ?? '0') > 0;
    if (mediaType === undefined ? hasBody : !accepted.includes(mediaType)) {
      throw new UnsupportedMediaTypeException(`This request takes a body of type ${accepted.join(' or ')}`);
    }
  }
}
