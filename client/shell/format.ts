/** Small wording helpers for the shell: each role's name and what it can do, in the page's language. */
import type { IntlShape } from 'react-intl';
import type { Role } from '../state/types';

/** The role's name ("Facilitator", "Facilitatore"). */
export function roleName(intl: IntlShape, role: Role): string {
  return intl.formatMessage({ id: `shell.role.${role}.name` });
}

/** What the role can do, in one line. */
export function roleCan(intl: IntlShape, role: Role): string {
  return intl.formatMessage({ id: `shell.role.${role}.can` });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * English only: kept for the snapshot list until it moves to `timeAgo(intl, …)` of client/i18n/format.ts
 * (the facilitator tools' part of issue #17); the shell itself uses that one.
 */
export function timeAgo(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const elapsed = now - at;
  if (elapsed < 60_000) return 'just now';
  const words = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return words.format(-Math.floor(elapsed / size), unit);
  }
  return 'just now';
}
