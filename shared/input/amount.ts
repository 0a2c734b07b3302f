/**
 * Amounts as people type them: "12k" (12 000), "1.5M" or "1,5M" (1 500 000), "2 500", "12,000", "1.234,5",
 * "1'000". Pure. Rules where separators are ambiguous: with both "." and "," the last one is the decimal
 * mark; a lone "," followed by exactly three digits groups thousands ("1,500" is 1500, as the cards write it),
 * otherwise it is the decimal mark ("1,5"); several "." or several "," group thousands ("1.500.000").
 */

const SUFFIXES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9 };
/** A unit after the amount is allowed and ignored: "20 t", "20k t/yr", "20kt" (kilotonnes). */
const UNIT = /\s*(?:t|t\/yr|t\/y|tonnes?)$/i;
const GROUPS = /^\d{1,3}(?:[.,]\d{3})+$/;
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The digits part with one "." as decimal mark, or null when its separators make no sense. */
function canonicalDigits(text: string): string | null {
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) {
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [whole, fraction, extra] = text.split(decimal);
    if (extra !== undefined || fraction.includes(group) || !GROUPS.test(whole.replaceAll(group, ','))) return null;
    return `${whole.replaceAll(group, '')}.${fraction}`;
  }
  if (commas > 1 || dots > 1) return GROUPS.test(text) && (commas === 0 || dots === 0) ? text.replace(/[.,]/g, '') : null;
  if (commas === 1) return /^\d{1,3},\d{3}$/.test(text) ? text.replace(',', '') : text.replace(',', '.');
  return text;
}

/**
 * The number `text` means: undefined for an empty text (an absent value), NaN for text that is not an
 * amount. Spaces (also non-breaking and thin), underscores and apostrophes between digits group thousands.
 */
export function parseAmount(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const compact = trimmed.replace(UNIT, '').replace(/(?<=\d)[\s\u00a0\u202f_'’](?=\d)/g, '');
  const match = /^([+-]?)([\d.,]*\d[\d.,]*(?:e[+-]?\d+)?|[.,]\d+)\s*([a-z]{0,2})$/i.exec(compact);
  if (!match) return Number.NaN;
  const [, sign, digits, suffix] = match;
  const multiplier = suffix === '' ? 1 : SUFFIXES[suffix.toLowerCase()];
  if (multiplier === undefined) return Number.NaN;
  const canonical = /e/i.test(digits) ? digits : canonicalDigits(digits);
  if (canonical === null || !PLAIN.test(canonical)) return Number.NaN;
  const value = Number(canonical) * multiplier;
  // Rounds away float noise from the suffix (1.1k is 1100, not 1100.0000000000002).
  const rounded = multiplier > 1 ? Number(value.toPrecision(15)) : value;
  return sign === '-' ? -rounded : rounded;
}
