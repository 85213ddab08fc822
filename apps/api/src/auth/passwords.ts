import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashes are argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's minimum
 * recommendation), in the PHC string format that carries its own parameters, so they can be raised later
 * without invalidating stored hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password and for a malformed stored hash alike. */
export async function passwordMatches(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Checked against when the e-mail is unknown, so that the answer takes as long as for a known account. */
export const UNKNOWN_ACCOUNT_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$xbHdfpNztteuEA6/myLiOg$kEfTtW/k8Q/yD+Iyx2aQR6Y4I/AYnPwPDKYvfDMBPlk';
