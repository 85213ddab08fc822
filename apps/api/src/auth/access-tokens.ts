import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

/** Access tokens live 15 minutes (docs/SECURITY.md); the refresh cookie renews them. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;

interface AccessClaims {
  sub: string;
  sid: string;
}

/** Signs and checks access tokens (HS256 JWT naming the user and the session). */
@Injectable()
export class AccessTokens {
  constructor(private readonly jwt: JwtService) {}

  sign(userId: number, sessionId: string): Promise<string> {
    return this.jwt.signAsync({ sub: String(userId), sid: sessionId } satisfies AccessClaims);
  }

  /** The user and session a token names; 401 when it is malformed, tampered with or expired. */
  async verify(token: string): Promise<{ userId: number; sessionId: string }> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
      const userId = Number(claims.sub);
      if (!Number.isInteger(userId) || typeof claims.sid !== 'string') throw new Error('claims');
      return { userId, sessionId: claims.sid };
    } catch {
      throw new UnauthorizedException('Your session has expired or is not valid; sign in again');
    }
  }
}
