/** What a person reads about a failed request: the error's code in their language, else the server's sentence. */
import type { IntlShape } from 'react-intl';
import { ApiError } from './request';

/** The sentence for `error`: `errors.<code>` with the answer's values when the catalog knows the code; the server's sentence for an unknown code; `fallbackId`'s message for anything that is not an ApiError. */
export function apiErrorMessage(intl: IntlShape, error: unknown, fallbackId: string): string {
  if (!(error instanceof ApiError)) return intl.formatMessage({ id: fallbackId });
  const id = error.code ? `errors.${error.code}` : null;
  if (id && id in intl.messages) return intl.formatMessage({ id }, error.values);
  return error.message;
}
