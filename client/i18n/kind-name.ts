/** The word for a node kind in the page's language ("Refinery", "Raffineria"). */
import type { IntlShape } from 'react-intl';
import type { NodeKind } from '../../shared/board/types';

/** The kind's name from the `state` catalog. */
export function kindName(intl: IntlShape, kind: NodeKind): string {
  return intl.formatMessage({ id: `state.kind.${kind}` });
}
