/** The one request helper for the REST API: JSON in and out, and every failure an ApiError carrying a sentence for the person. */

/** One thing wrong with an imported board file, as the server names it. */
export interface ApiProblem {
  path: string;
  message: string;
}

/** The sentence shown when the request never reached the server. */
export const NETWORK_MESSAGE = 'Cannot reach the server; check your connection.';

/** A failed API call: `message` is a sentence for the person; `status` is 0 when the server could not be reached. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly problems: ApiProblem[] = [],
    /** The server needs its creation key (LODESTONE_CREATE_KEY) for this. */
    readonly createKeyRequired = false,
  ) {
    super(message);
  }
}

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
async function errorFrom(res: Response, fallback: (status: number) => string): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): the status is all we know.
  }
  const record = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const message = typeof record.error === 'string' && record.error.trim() ? record.error : fallback(res.status);
  const problems = Array.isArray(record.problems) ? record.problems.filter(isProblem) : [];
  return new ApiError(message, res.status, problems, record.createKeyRequired === true);
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
    throw new ApiError(NETWORK_MESSAGE, 0);
  }
  if (!res.ok) throw await errorFrom(res, options.fallback ?? statusSentence);
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError('The server answered with something this page cannot read; reload and try again.', res.status);
  }
}
