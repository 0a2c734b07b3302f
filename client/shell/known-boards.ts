/** Boards this browser created or opened, with the share link it holds for each role, kept in localStorage. */
import type { Role } from '../state/types';

/** A board this browser knows, most recently used first in list(). */
export interface KnownBoard {
  id: string;
  title: string;
  /** Board-page links (paths or absolute URLs) this browser holds, per role. */
  links: Partial<Record<Role, string>>;
}

/** The localStorage key of the known boards. */
export const KNOWN_BOARDS_KEY = 'lodestone.boards';
const MAX_BOARDS = 50;
const ROLE_ORDER: readonly Role[] = ['facilitator', 'editor', 'viewer'];

function isKnownBoard(value: unknown): value is KnownBoard {
  if (typeof value !== 'object' || value === null) return false;
  const board = value as KnownBoard;
  if (typeof board.id !== 'string' || typeof board.title !== 'string') return false;
  if (typeof board.links !== 'object' || board.links === null) return false;
  return Object.entries(board.links).every(([role, link]) => ROLE_ORDER.includes(role as Role) && typeof link === 'string');
}

function read(): KnownBoard[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KNOWN_BOARDS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isKnownBoard) : [];
  } catch {
    return [];
  }
}

function write(boards: KnownBoard[]): void {
  try {
    localStorage.setItem(KNOWN_BOARDS_KEY, JSON.stringify(boards.slice(0, MAX_BOARDS)));
  } catch {
    // Storage full or disabled: the list is a convenience, the links still work.
  }
}

/** The strongest role this browser holds a link for. */
export function bestRole(board: KnownBoard): Role {
  return ROLE_ORDER.find((role) => board.links[role]) ?? 'viewer';
}

/** The link of the strongest role this browser holds. */
export function bestLink(board: KnownBoard): string | null {
  return board.links[bestRole(board)] ?? null;
}

/** Remembers (or refreshes) a board with its link for `role`, and moves it to the top of the list. */
export function remember(boardId: string, title: string, role: Role, link: string): void {
  const boards = read();
  const existing = boards.find((b) => b.id === boardId);
  const updated: KnownBoard = {
    id: boardId,
    title: title.trim() || existing?.title || 'Untitled board',
    links: { ...existing?.links, [role]: link },
  };
  write([updated, ...boards.filter((b) => b.id !== boardId)]);
}

/** The known boards, most recently remembered first. */
export function list(): KnownBoard[] {
  return read();
}

/** Forgets a board (its links are no longer kept in this browser). */
export function forget(boardId: string): void {
  write(read().filter((b) => b.id !== boardId));
}

/** The tokens of every link this browser holds (so the server lists just these boards). */
export function tokensOf(boards: readonly KnownBoard[]): string[] {
  const tokens: string[] = [];
  for (const board of boards) {
    for (const link of Object.values(board.links)) {
      try {
        const token = new URL(link ?? '', 'http://x').searchParams.get('token');
        if (token) tokens.push(token);
      } catch {
        // A link that does not parse holds no token to present.
      }
    }
  }
  return tokens;
}
