/** The person's display name and colour, remembered in this browser. */

/** What others see of this person. */
export interface Identity {
  name: string;
  color: string;
}

/** The localStorage key of the identity. */
export const IDENTITY_KEY = 'lodestone.identity';
/** Longest display name (after trimming). */
export const MAX_NAME_LENGTH = 40;

/** Ten distinct colours that read well as avatar backgrounds with white initials (`name` keys `shell.color.<name>`). */
export const PALETTE: readonly { name: string; value: string }[] = [
  { name: 'coral', value: '#e5484d' },
  { name: 'tangerine', value: '#e2731f' },
  { name: 'amber', value: '#b98900' },
  { name: 'leaf', value: '#2f9e44' },
  { name: 'teal', value: '#0c8599' },
  { name: 'sky', value: '#1c7ed6' },
  { name: 'indigo', value: '#4c5fd5' },
  { name: 'violet', value: '#7950f2' },
  { name: 'orchid', value: '#c2255c' },
  { name: 'slate', value: '#495867' },
];

const COLOR = /^#[0-9a-f]{6}$/i;

/** Why a display name cannot be used (its sentence is `shell.identity.problem.<reason>`), or null when it can. */
export function nameProblem(name: string): 'empty' | 'tooLong' | null {
  const trimmed = name.trim();
  if (!trimmed) return 'empty';
  if (trimmed.length > MAX_NAME_LENGTH) return 'tooLong';
  return null;
}

/** A palette colour to start from (random, so two newcomers rarely look alike). */
export function suggestColor(random: () => number = Math.random): string {
  return PALETTE[Math.floor(random() * PALETTE.length) % PALETTE.length].value;
}

/** The remembered identity, or null on a first visit (or when storage is unavailable or damaged). */
export function loadIdentity(): Identity | null {
  try {
    const raw = localStorage.getItem(IDENTITY_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Identity>;
    if (typeof value.name !== 'string' || typeof value.color !== 'string') return null;
    if (nameProblem(value.name) || !COLOR.test(value.color)) return null;
    return { name: value.name.trim(), color: value.color };
  } catch {
    return null;
  }
}

/** Remembers the identity (trimmed); returns false when the browser refuses to store it. */
export function saveIdentity(identity: Identity): boolean {
  try {
    localStorage.setItem(IDENTITY_KEY, JSON.stringify({ name: identity.name.trim(), color: identity.color }));
    return true;
  } catch {
    return false;
  }
}
