/** Board ids: random, URL-safe, and validated wherever they enter. */
import { randomBytes } from 'node:crypto';

const BOARD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a string is a well-formed board id (no path tricks, bounded length). */
export function isBoardId(id: unknown): id is string {
  return typeof id === 'string' && BOARD_ID.test(id);
}

/** A new random board id (16 url-safe characters, 96 bits). */
export function newBoardId(): string {
  return randomBytes(12).toString('base64url');
}
