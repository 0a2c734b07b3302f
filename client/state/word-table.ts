/** Word tables built once per language (per IntlShape), so components read their words without re-formatting them each render. */
import type { IntlShape } from 'react-intl';

/** A function returning `build(intl)`, made once per IntlShape. */
export function wordTable<T>(build: (intl: IntlShape) => T): (intl: IntlShape) => T {
  const cache = new WeakMap<IntlShape, T>();
  return (intl) => {
    let table = cache.get(intl);
    if (table === undefined) {
      table = build(intl);
      cache.set(intl, table);
    }
    return table;
  };
}
