/** How numbers, mineral amounts and tag lists are written in a CSV cell, and read back with a reason when they cannot be. */
import type { MineralAmounts } from '../board/types';

/** A cell read as a value, or why it could not be. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** A number exactly as JavaScript prints it (shortest form that reads back to the same number); -0 stays -0. */
export function numberCell(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

// Decimal notation with an optional exponent; no thousands separators, no hex, no "Infinity".
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Reads a number cell ("120", "0.5", "-3", "1e6"); surrounding spaces are ignored. */
export function readNumber(text: string): CellResult<number> {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!NUMBER.test(trimmed) || !Number.isFinite(value)) {
    const hint = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed) ? ' (leave out thousands separators)' : /^\d+,\d+$/.test(trimmed) ? ' (use a dot for decimals)' : '';
    return { ok: false, message: `${JSON.stringify(text)} is not a number${hint}; write it like 120 or 0.5.` };
  }
  return { ok: true, value };
}

/** Separates amounts and tags inside one cell. */
export const LIST_SEPARATOR = ';';

/** Mineral amounts as `cobalt=120;copper=30`, in the object's key order. */
export function amountsCell(amounts: MineralAmounts | undefined): string {
  if (amounts === undefined) return '';
  return Object.entries(amounts)
    .map(([mineral, amount]) => `${mineral}=${numberCell(amount)}`)
    .join(LIST_SEPARATOR);
}

/**
 * Reads `cobalt=120;copper=30` (spaces around parts allowed, empty parts skipped); undefined for an empty cell.
 * Mineral keys are checked by the board schema afterwards, so any key text is kept here.
 */
export function readAmounts(text: string): CellResult<MineralAmounts | undefined> {
  const parts = text.split(LIST_SEPARATOR).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return { ok: true, value: undefined };
  const amounts: MineralAmounts = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, message: `${JSON.stringify(part)} is not "mineral=amount"; write amounts like cobalt=120;copper=30.` };
    const mineral = part.slice(0, eq).trim();
    const amount = readNumber(part.slice(eq + 1));
    if (!amount.ok) return { ok: false, message: `The amount of ${JSON.stringify(mineral)}: ${amount.message}` };
    if (Object.prototype.hasOwnProperty.call(amounts, mineral)) return { ok: false, message: `${JSON.stringify(mineral)} is listed twice.` };
    // defineProperty: a key such as "__proto__" must become a plain entry (the schema then refuses it), never a prototype.
    Object.defineProperty(amounts, mineral, { value: amount.value, enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, value: amounts };
}

/** Tags joined with `;`. */
export function tagsCell(tags: readonly string[] | undefined): string {
  return tags === undefined ? '' : tags.join(LIST_SEPARATOR);
}

/** Tags separated by `;`, each trimmed, empty ones skipped; undefined for an empty cell. */
export function readTags(text: string): string[] | undefined {
  const tags = text.split(LIST_SEPARATOR).map((t) => t.trim()).filter((t) => t !== '');
  return tags.length === 0 ? undefined : tags;
}

/**
 * Text a spreadsheet will not run as a formula: a cell starting with =, +, -, @, tab or CR gets a leading
 * apostrophe (OWASP "CSV injection"). Only for free text in exports, never for numbers.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A cell a spreadsheet would run as a formula, possibly behind apostrophes protectCell added. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A text cell of an export that is also read back (nodes and flows CSV): like spreadsheetSafe, a cell that
 * starts as a formula gets a leading apostrophe, and so does one that already starts with apostrophes
 * before such a character, so unprotectCell gives back exactly the original text.
 */
export function protectCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes protectCell (one leading apostrophe before a formula character is dropped); other text is unchanged. */
export function unprotectCell(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
