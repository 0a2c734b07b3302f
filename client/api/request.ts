/**
 * The one request helper for the REST API: JSON in and out, and every failure an ApiError carrying the
 * server's stable error `code` with its values (shown in the person's language, see error-message.ts) and
 * the server's English sentence (shown for a code this page does not know).
 */

/** One thing wrong with an imported board file, as the server names it. */
export interface ApiProblem {
  path: string;
  message: string;
}

/** The sentence shown when the request never reached the server. */
export const NETWORK_MESSAGE = 'Cannot reach the server; check your connection.';

/** The values an error's sentence names (minutes, limits, roles), from the fields of the server's answer. */
export type ApiErrorValues = Record<string, string | number>;

/** A failed API call: `message` is the server's (English) sentence; `status` is 0 when the server could not be reached. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly problems: ApiProblem[] = [],
    /** The server needs its creation key (LODESTONE_CREATE_KEY) for this. */
    readonly createKeyRequired = false,
    /** The stable code (`board-not-found`, `network`, ...), or null when the answer had none. */
    readonly code: string | null = null,
    readonly values: ApiErrorValues = {},
  ) {
    super(message);
  }
}

const NOT_VALUES = new Set(['error', 'code', 'problems', 'createKeyRequired']);

/** How one request is made; `fallback` words an error answer that came without a sentence. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  token?: string;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  fallback?: (status: number) => string;
}

function isProblem(value: unknown): value is ApiProblem {
  return typeof value === 'object' && value !== null && typeof (value as ApiProblem).path === 'string' && typeof (value as ApiProblem).message === 'string';
}

const statusSentence = (status: number) => `The server answered ${status}.`;

/** Reads the server's `{error, problems?, createKeyRequired?}` answer; anything else is worded from the status. */
async function errorFrom(res: Response, fallback?: (status: number) => string): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): the status is all we know.
  }
  const record = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const given = typeof record.error === 'string' && record.error.trim() ? record.error : null;
  const problems = Array.isArray(record.problems) ? record.problems.filter(isProblem) : [];
  const values: ApiErrorValues = Object.fromEntries(Object.entries(record).filter(([key, v]) => !NOT_VALUES.has(key) && (typeof v === 'string' || typeof v === 'number')) as [string, string | number][]);
  if (given === null) {
    // No sentence: the caller's own words for the status, else "The server answered 502." in any language.
    return fallback ? new ApiError(fallback(res.status), res.status, problems) : new ApiError(statusSentence(res.status), res.status, problems, false, 'status', { status: res.status });
  }
  const code = typeof record.code === 'string' && record.code ? record.code : null;
  return new ApiError(given, res.status, problems, record.createKeyRequired === true, code, values);
}

/** One request to `/api<path>`; resolves to the parsed JSON (or undefined for 204). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    // An abort is the caller's own decision, not a failure to show.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(NETWORK_MESSAGE, 0, [], false, 'network');
  }
  if (!res.ok) throw await errorFrom(res, options.fallback);
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError('The server answered with something this page cannot read; reload and try again.', res.status, [], false, 'unreadable');
  }
}
