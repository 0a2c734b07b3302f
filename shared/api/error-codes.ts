/**
 * The stable codes of the REST API's error answers (`{ error, code, ...values }`): `error` is an English
 * sentence for API users, `code` lets a page show the sentence in its person's language, and the values a
 * sentence names (minutes, limits, roles) travel as fields of the answer.
 */

/** Every code the server sends, with the fields that come with it. */
export interface ApiErrorFields {
  'cross-site': Record<string, never>;
  'rate-limited': { minutes: number };
  'json-required': Record<string, never>;
  'create-key-required': Record<string, never>;
  'page-invalid': { max: number };
  'too-many-tokens': { max: number };
  'board-id-invalid': Record<string, never>;
  'token-missing': Record<string, never>;
  'token-expired': Record<string, never>;
  'token-revoked': Record<string, never>;
  'token-invalid': Record<string, never>;
  'token-other-board': Record<string, never>;
  'board-not-found': Record<string, never>;
  'role-required': { needed: string; held: string };
  'snapshot-not-found': Record<string, never>;
  'snapshot-id-invalid': Record<string, never>;
  'board-values-invalid': Record<string, never>;
  'board-file-invalid': Record<string, never>;
  'request-invalid': Record<string, never>;
  'slide-not-presented': Record<string, never>;
  'compare-query-invalid': Record<string, never>;
  'votes-rate-limited': { seconds: number };
  'ballot-invalid': { max: number };
  'vote-over': Record<string, never>;
  'voting-closed': Record<string, never>;
  'too-many-choices': { allowed: number; given: number };
  'choice-unknown': Record<string, never>;
  'vote-full': { max: number };
  'body-not-json': Record<string, never>;
  'body-too-large': Record<string, never>;
  'request-unreadable': Record<string, never>;
  'not-found': Record<string, never>;
  'no-such-route': Record<string, never>;
  'server-error': Record<string, never>;
  'not-ready': Record<string, never>;
}

/** A code of the API's error answers. */
export type ApiErrorCode = keyof ApiErrorFields;

/** The JSON body of an error answer with `code` (and its fields); `extra` carries anything else (`problems`, `createKeyRequired`). */
export function errorBody<C extends ApiErrorCode>(code: C, error: string, ...rest: ApiErrorFields[C] extends Record<string, never> ? [extra?: Record<string, unknown>] : [fields: ApiErrorFields[C], extra?: Record<string, unknown>]): Record<string, unknown> {
  const [first, second] = rest as unknown as [Record<string, unknown>?, Record<string, unknown>?];
  return { error, code, ...first, ...second };
}
