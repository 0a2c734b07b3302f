/** Numbers with their units in the page's language (1,234.5 t/yr against 1.234,5 t/anno), one set of formatters per language. */
import { useIntl, type IntlShape } from 'react-intl';

/** The formatters every view uses for amounts, shares, days and money. */
export interface Formats {
  /** A plain number with at most `digits` decimals (default: one below 10, none above). */
  number(value: number, digits?: number): string;
  /** "1,200 t". */
  tonnes(value: number): string;
  /** "1,200 t/yr". */
  perYear(value: number): string;
  /** Short forms for cards and labels: "950", "12.5K", "2.3M" (Italian: "12,5K", "2,3 Mln"). */
  compact(value: number): string;
  /** A share 0..1 as a percentage: "12%", "0.4%". */
  percent(share: number): string;
  /** Whole days, or a dash when there is nothing to count. */
  days(value: number | null): string;
  /** US dollars: "$1.2M" (Italian: "1,2 Mln USD"). */
  usd(value: number): string;
}

const cache = new WeakMap<IntlShape, Formats>();

/** The formatters of `intl`'s language (made once per IntlShape). */
export function formatsFor(intl: IntlShape): Formats {
  const known = cache.get(intl);
  if (known) return known;
  const finite = (v: number) => (Number.isFinite(v) ? v : 0);
  // Italian CLDR leaves four-digit numbers ungrouped (1234,5); the readers expect 1.234,5, so always group.
  const numberIn = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(intl.locale, { useGrouping: 'always', ...options } as Intl.NumberFormatOptions);
  const small = numberIn({ maximumFractionDigits: 1 });
  const large = numberIn({ maximumFractionDigits: 0 });
  const short = new Intl.NumberFormat(intl.locale, { notation: 'compact', maximumFractionDigits: 1 });
  const share = new Intl.NumberFormat(intl.locale, { style: 'percent', maximumFractionDigits: 0 });
  const smallShare = new Intl.NumberFormat(intl.locale, { style: 'percent', maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(intl.locale, { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
  const plain = (v: number) => (Math.abs(v) < 10 ? small : large).format(finite(v));
  const formats: Formats = {
    number: (v, digits) => (digits === undefined ? plain(v) : numberIn({ maximumFractionDigits: digits }).format(finite(v))),
    tonnes: (v) => intl.formatMessage({ id: 'format.tonnes' }, { value: plain(v) }),
    perYear: (v) => intl.formatMessage({ id: 'format.perYear' }, { value: plain(v) }),
    compact: (v) => short.format(finite(v)),
    percent: (s) => (s > 0 && s < 0.01 ? smallShare : share).format(finite(s)),
    days: (v) => (v === null || !Number.isFinite(v) ? intl.formatMessage({ id: 'format.none' }) : intl.formatMessage({ id: 'format.days' }, { value: Math.round(v) })),
    usd: (v) => money.format(finite(v)),
  };
  cache.set(intl, formats);
  return formats;
}

/** The formatters of the page's language. */
export function useFormats(): Formats {
  return formatsFor(useIntl());
}

const AGO_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "yesterday", "just now" ("5 minuti fa", "ieri", "proprio ora") for an ISO time; the raw text when it cannot be read. */
export function timeAgo(intl: IntlShape, iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const elapsed = now - at;
  for (const [unit, size] of AGO_UNITS) {
    if (elapsed >= size) return intl.formatRelativeTime(-Math.floor(elapsed / size), unit, { numeric: 'auto' });
  }
  return intl.formatMessage({ id: 'format.justNow' });
}
