/** Small wording helpers for the shell. */
import type { Role } from '../state/types';

/** What each role can do, in one line. */
export const ROLE_WORDS: Record<Role, { name: string; can: string }> = {
  facilitator: { name: 'Facilitator', can: 'Full control: edit, pull levers, save and restore snapshots, hand out links. Keep this one to yourself.' },
  editor: { name: 'Editor', can: 'Can add and change nodes, flows, levers and notes.' },
  viewer: { name: 'Viewer', can: 'Can follow the board and its exposure live, without changing anything.' },
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "yesterday", "just now" for an ISO time; the raw text when it cannot be read. */
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
