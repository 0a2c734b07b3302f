/** Fetchers for the facilitator's snapshot routes (save, list, get, restore, fork, compare); failures are ApiErrors with a sentence. */
import type { IntlShape } from 'react-intl';
import type { BoardComparison } from '../../shared/board/diff';
import type { Board } from '../../shared/board/types';
import type { ExposureReport } from '../../shared/exposure/types';
import { apiRequest } from '../api/request';
import type { CreatedBoard } from '../shell/api';

/** A snapshot as the timeline lists it (ISO 8601 time). */
export interface SnapshotSummary {
  id: string;
  boardId?: string;
  name: string;
  author: string;
  createdAt: string;
}

/** A snapshot with the board file and exposure report saved with it. */
export interface SnapshotDetail extends SnapshotSummary {
  board: Board;
  exposure: ExposureReport;
}

/** What a restore did: the snapshot restored and the snapshot of the board as it was just before (restore that to undo). */
export interface RestoreResult {
  restored: SnapshotSummary;
  backup: SnapshotSummary;
}

/** A side of a comparison: a snapshot id, or the live board. */
export type CompareRef = string;

/** The server's comparison of two sides, with the refs compared. */
export type Comparison = BoardComparison & { from: CompareRef; to: CompareRef };

/** Longest snapshot name the server accepts. */
export const MAX_SNAPSHOT_NAME = 200;

/** Why a snapshot name cannot be used (in `intl`'s language), or null. */
export function snapshotNameProblem(intl: IntlShape, name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return intl.formatMessage({ id: 'snapshots.name.empty' });
  if (trimmed.length > MAX_SNAPSHOT_NAME) return intl.formatMessage({ id: 'snapshots.name.tooLong' }, { max: MAX_SNAPSHOT_NAME, length: trimmed.length });
  return null;
}

const FALLBACK: Record<string, string> = {
  401: 'This link has expired or is not valid; ask the facilitator for a new one.',
  403: 'Snapshots need the facilitator link.',
  404: 'The board or snapshot was not found; it may have been deleted.',
  500: 'The server had a problem; try again in a moment.',
};

/** Sentences for answers that came without one (a proxy page, an empty body), in `intl`'s language when given. */
function fallbackMessage(intl?: IntlShape): (status: number) => string {
  return (status) => {
    const key = status >= 500 ? '500' : String(status);
    if (intl) return intl.formatMessage({ id: key in FALLBACK ? `snapshots.api.${key}` : 'snapshots.api.other' }, { status });
    return FALLBACK[key] ?? `The server answered ${status}.`;
  };
}

/** One authorised request to `/api/boards/<id><path>`; resolves to the parsed JSON. */
function request<T>(boardId: string, path: string, token: string, init: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal; intl?: IntlShape } = {}): Promise<T> {
  const { intl, ...rest } = init;
  return apiRequest<T>(`/boards/${encodeURIComponent(boardId)}${path}`, { ...rest, token, fallback: fallbackMessage(intl) });
}

const snapshotPath = (id: string) => `/snapshots/${encodeURIComponent(id)}`;

/** Saves the live board as a named snapshot (`intl`: the language of sentences the server did not give). */
export function saveSnapshot(boardId: string, token: string, name: string, author?: string, intl?: IntlShape): Promise<SnapshotSummary> {
  const body: { name: string; author?: string } = { name: name.trim() };
  const who = author?.trim().slice(0, 80);
  if (who) body.author = who;
  return request<SnapshotSummary>(boardId, '/snapshots', token, { method: 'POST', body, intl });
}

/** The board's snapshots, oldest first. */
export async function listSnapshots(boardId: string, token: string, signal?: AbortSignal, intl?: IntlShape): Promise<SnapshotSummary[]> {
  return (await request<{ snapshots: SnapshotSummary[] }>(boardId, '/snapshots', token, { signal, intl })).snapshots;
}

/** One snapshot with its board and exposure. */
export function getSnapshot(boardId: string, token: string, snapshotId: string, signal?: AbortSignal): Promise<SnapshotDetail> {
  return request<SnapshotDetail>(boardId, snapshotPath(snapshotId), token, { signal });
}

/** A slide being presented: any participant may read it while a facilitator presents it (403 otherwise). */
export function getSlide(boardId: string, token: string, snapshotId: string, signal?: AbortSignal, intl?: IntlShape): Promise<SnapshotDetail> {
  return request<SnapshotDetail>(boardId, `/slides/${encodeURIComponent(snapshotId)}`, token, { signal, intl });
}

/** Reverts the live board to a snapshot for everyone; the board as it was is saved first (restore that to undo). */
export function restoreSnapshot(boardId: string, token: string, snapshotId: string, author?: string, intl?: IntlShape): Promise<RestoreResult> {
  const who = author?.trim().slice(0, 80);
  return request<RestoreResult>(boardId, `${snapshotPath(snapshotId)}/restore`, token, { method: 'POST', body: who ? { author: who } : {}, intl });
}

/** Creates a new board from a snapshot; its links lead to the new board. */
export function forkSnapshot(boardId: string, token: string, snapshotId: string, title?: string, intl?: IntlShape): Promise<CreatedBoard> {
  const name = title?.trim();
  return request<CreatedBoard>(boardId, `${snapshotPath(snapshotId)}/fork`, token, { method: 'POST', body: name ? { title: name.slice(0, 200) } : {}, intl });
}

/** The diff and exposure deltas from one side to the other ('live' for the live board). */
export function compareSnapshots(boardId: string, token: string, from: CompareRef, to: CompareRef, signal?: AbortSignal): Promise<Comparison> {
  const query = new URLSearchParams({ from, to });
  return request<Comparison>(boardId, `/compare?${query.toString()}`, token, { signal });
}
