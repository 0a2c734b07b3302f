/** Typed fetch wrappers for the boards REST API; every failure becomes an ApiError carrying a sentence for the person. */
import type { Board } from '../../shared/board/types';
import type { Role } from '../state/types';
import { apiRequest } from '../api/request';

export { ApiError, NETWORK_MESSAGE, type ApiProblem } from '../api/request';

/** Names a board can be created from (mirrors the server's templates). */
export const TEMPLATE_NAMES = ['africa-corridors', 'arctic', 'allied-refiners', 'rare-earth-magnets', 'gallium-germanium', 'blank'] as const;
/** One of TEMPLATE_NAMES. */
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** A board as the server lists it (ISO 8601 times). */
export interface BoardSummary {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

/** A board's record with the role of the token that read it. */
export interface BoardInfo extends BoardSummary {
  role: Role;
}

/** Tokens and board-page links (paths such as `/b/<id>?token=...`) for every role. */
export interface BoardLinks {
  tokens: Record<Role, string>;
  links: Record<Role, string>;
}

/** A board the server just created (or imported). */
export interface CreatedBoard extends BoardLinks {
  id: string;
  title: string;
}

/** Where this browser keeps the server's creation key once the person entered it. */
export const CREATE_KEY_STORAGE = 'lodestone.create-key';

/** The creation key this browser holds, or null. */
export function storedCreateKey(): string | null {
  try {
    return localStorage.getItem(CREATE_KEY_STORAGE);
  } catch {
    return null;
  }
}

/** Keeps (or, with an empty key, forgets) the creation key. */
export function saveCreateKey(key: string): void {
  try {
    if (key.trim()) localStorage.setItem(CREATE_KEY_STORAGE, key.trim());
    else localStorage.removeItem(CREATE_KEY_STORAGE);
  } catch {
    // Storage disabled: the person is asked again next time.
  }
}

const request = apiRequest;

const boardPath = (id: string) => `/boards/${encodeURIComponent(id)}`;

const keyHeader = (): Record<string, string> => {
  const key = storedCreateKey();
  return key ? { 'X-Create-Key': key } : {};
};

/**
 * The boards on the server this browser may see, most recently updated first: those whose tokens it
 * presents (the links it holds), or all of them (first page) with the creation key.
 */
export async function listBoards(tokens: readonly string[], signal?: AbortSignal): Promise<BoardSummary[]> {
  const headers = { ...keyHeader(), ...(tokens.length > 0 ? { 'X-Board-Tokens': tokens.slice(0, 100).join(',') } : {}) };
  const answer = await request<{ boards: BoardSummary[] }>('/boards', { signal, headers });
  return answer.boards;
}

/** Creates a board from a template (blank by default) with an optional title. */
export function createBoard(input: { title?: string; template?: TemplateName } = {}): Promise<CreatedBoard> {
  const body: { title?: string; template?: TemplateName } = {};
  const title = input.title?.trim();
  if (title) body.title = title;
  if (input.template) body.template = input.template;
  return request<CreatedBoard>('/boards', { method: 'POST', body, headers: keyHeader() });
}

/** Creates a board from a board file; a 400 carries every problem in `ApiError.problems`. */
export function importBoard(file: unknown): Promise<CreatedBoard> {
  return request<CreatedBoard>('/boards/import', { method: 'POST', body: file, headers: keyHeader() });
}

/** The board's record and the role of `token` (viewer or better). */
export function getBoard(id: string, token: string, signal?: AbortSignal): Promise<BoardInfo> {
  return request<BoardInfo>(boardPath(id), { token, signal });
}

/** Fresh links for every role (facilitator token). */
export function getLinks(id: string, token: string, signal?: AbortSignal): Promise<BoardLinks> {
  return request<BoardLinks>(`${boardPath(id)}/links`, { token, signal });
}

/** Replaces the board's editor or viewer link (facilitator token): the old one stops working; answers the current links. */
export function rotateLink(id: string, token: string, role: 'editor' | 'viewer'): Promise<BoardLinks> {
  return request<BoardLinks>(`${boardPath(id)}/links/rotate`, { method: 'POST', token, body: { role } });
}

/** The live board as a board file (viewer or better). */
export function exportBoard(id: string, token: string): Promise<Board> {
  return request<Board>(`${boardPath(id)}/export`, { token });
}

/** Deletes the board for everyone (facilitator token). */
export async function deleteBoard(id: string, token: string): Promise<void> {
  await request<void>(boardPath(id), { method: 'DELETE', token });
}
