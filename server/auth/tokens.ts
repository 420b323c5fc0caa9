import { createHash, randomBytes } from 'node:crypto';

/** Session tokens and API tokens carry a prefix so a leaked one is recognisable (and greppable). */
export const SESSION_TOKEN_PREFIX = 'crm_s_';
export const API_TOKEN_PREFIX = 'crm_pat_';

export function generateToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Tokens are long random strings, so a fast hash suffices and lets the lookup use an index. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `Bearer <token>` (header) or the bare token (WebSocket payload), else null. */
export function parseBearer(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match ? match[1] : null;
}
