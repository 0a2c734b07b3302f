/** Signed access tokens: HMAC-SHA256 over board id, role and expiry. */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a token lets its holder do, from most to least. */
export const ROLES = ['facilitator', 'editor', 'viewer'] as const;
/** One of ROLES. */
export type Role = (typeof ROLES)[number];

/** The claims a token carries. */
export interface TokenClaims {
  boardId: string;
  role: Role;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** The link generation it was issued for (editor and viewer links can be replaced); absent = 0. */
  generation?: number;
}

/** Why a token was refused. */
export type TokenProblem = 'malformed' | 'bad-signature' | 'expired' | 'revoked';

const PREFIX = 'v1';

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(`${PREFIX}.${payload}`).digest('base64url');
}

/** Issues a token. */
export function signToken(claims: TokenClaims, secret: string): string {
  const generation = claims.generation ?? 0;
  const payload = Buffer.from(JSON.stringify({ b: claims.boardId, r: claims.role, e: claims.exp, ...(generation > 0 ? { g: generation } : {}) })).toString('base64url');
  return `${PREFIX}.${payload}.${sign(payload, secret)}`;
}

/** Checks a token's signature and expiry against `nowSeconds`. */
export function verifyToken(token: unknown, secret: string, nowSeconds: number): { ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem } {
  if (typeof token !== 'string' || token.length > 2048) return { ok: false, problem: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, problem: 'malformed' };
  const [, payload, signature] = parts;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'bad-signature' };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const { b, r, e, g = 0 } = (raw ?? {}) as Record<string, unknown>;
  if (typeof b !== 'string' || !ROLES.includes(r as Role) || typeof e !== 'number') return { ok: false, problem: 'malformed' };
  if (typeof g !== 'number' || !Number.isInteger(g) || g < 0) return { ok: false, problem: 'malformed' };
  if (e <= nowSeconds) return { ok: false, problem: 'expired' };
  return { ok: true, claims: { boardId: b, role: r as Role, exp: e, generation: g } };
}

/** Whether `role` may do what `needed` may do (facilitator > editor > viewer). */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(needed);
}

/** The API error code of a refused token. */
export function tokenProblemCode(problem: TokenProblem | 'missing'): 'token-missing' | 'token-expired' | 'token-revoked' | 'token-invalid' {
  return problem === 'missing' ? 'token-missing' : problem === 'expired' ? 'token-expired' : problem === 'revoked' ? 'token-revoked' : 'token-invalid';
}

/** A sentence for a person whose token was refused. */
export function describeTokenProblem(problem: TokenProblem | 'missing'): string {
  switch (problem) {
    case 'missing':
      return 'This link has no access token; ask the facilitator for a share link.';
    case 'expired':
      return 'This access token has expired; ask the facilitator for a new share link.';
    case 'revoked':
      return 'This link was replaced by the facilitator; ask them for the new share link.';
    default:
      return 'This access token is not valid; check the share link.';
  }
}
