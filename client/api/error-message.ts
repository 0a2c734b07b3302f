/** What a person reads about a failed request: the error's code in their language, else the server's sentence. */
import type { IntlShape } from 'react-intl';
import type { ApiError } from './request';

/** An ApiError, told by its name: importing the class would bring the fetch helper into the board page's first scripts. */
function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === 'ApiError';
}

/** The sentence for `error`: `errors.<code>` with the answer's values when the catalog knows the code; the server's sentence for an unknown code; `fallbackId`'s message for anything that is not an ApiError. */
export function apiErrorMessage(intl: IntlShape, error: unknown, fallbackId: string): string {
  if (!isApiError(error)) return intl.formatMessage({ id: fallbackId });
  const id = error.code ? `errors.${error.code}` : null;
  if (id && id in intl.messages) return intl.formatMessage({ id }, error.values);
  return error.message;
}
