/** A round avatar with a person's initials on their colour. */
import './shell.css';

const SAFE_COLOR = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s/a-z-]+\))$/i;
const FALLBACK = '#6b7280';

/** Up to two initials of a name ("Ada Lovelace" -> "AL", "ada" -> "A"); "?" for an empty name. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const letters = words.length === 1 ? [...words[0]].slice(0, 1) : [[...words[0]][0], [...words[words.length - 1]][0]];
  return letters.join('').toUpperCase();
}

/** The colour to paint, or a neutral grey when a peer sent something that is not a colour. */
export function safeColor(color: string): string {
  return SAFE_COLOR.test(color.trim()) ? color.trim() : FALLBACK;
}

/** Props of Avatar. */
export interface AvatarProps {
  name: string;
  color: string;
  size?: 'small' | 'medium' | 'large';
}

/** The avatar; decorative (the name is always written next to it). */
export function Avatar({ name, color, size = 'medium' }: AvatarProps) {
  return (
    <span className={`ls-avatar ls-avatar--${size}`} style={{ backgroundColor: safeColor(color) }} aria-hidden="true" data-testid="avatar">
      {initials(name)}
    </span>
  );
}
