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

/** Ten distinct colours that read well as avatar backgrounds with white initials. */
export const PALETTE: readonly { name: string; value: string }[] = [
  { name: 'Coral', value: '#e5484d' },
  { name: 'Tangerine', value: '#e2731f' },
  { name: 'Amber', value: '#b98900' },
  { name: 'Leaf', value: '#2f9e44' },
  { name: 'Teal', value: '#0c8599' },
  { name: 'Sky', value: '#1c7ed6' },
  { name: 'Indigo', value: '#4c5fd5' },
  { name: 'Violet', value: '#7950f2' },
  { name: 'Orchid', value: '#c2255c' },
  { name: 'Slate', value: '#495867' },
];

const COLOR = /^#[0-9a-f]{6}$/i;

/** Why a display name cannot be used, or null when it can. */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Enter a name so the others know who is editing.';
  if (trimmed.length > MAX_NAME_LENGTH) return `Keep the name to ${MAX_NAME_LENGTH} characters or fewer.`;
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
