/**
 * Dot-voting ("which scenario next?") as data: the facilitator's vote in the live document (map
 * "facilitation", key "vote") and the ballots (map "ballots", key `<voteId>|<personId>`, written by the server
 * only, see server/http/ballot-routes.ts). A ballot is the list of options a person put their dots on (an option
 * may get several of one person's dots); one ballot per person id, so two tabs of one person count once.
 * Pure.
 */

/** What a vote is about. */
export type VoteSubject = 'levers' | 'snapshots';
/** Open: people vote; closed: no more votes, counts hidden; revealed: counts shown to everyone. */
export type VoteStatus = 'open' | 'closed' | 'revealed';

/** The vote as the document holds it. */
export interface VoteState {
  id: string;
  subject: VoteSubject;
  /** Ids of the levers or snapshots voted on. */
  options: string[];
  /** The names shown for the options, in the same order (snapshot names are not in the document otherwise). */
  labels?: string[];
  /** Dots each person may place (1..10). */
  perPerson: number;
  status: VoteStatus;
  by?: string;
}

/** Most dots one person may have. */
export const MAX_DOTS = 10;
/** Most options one vote may have. */
export const MAX_OPTIONS = 100;
/** Most people whose ballots one vote keeps (a board with more voters refuses further ballots). */
export const MAX_BALLOTS = 1000;

/** The ballots map key of a person's ballot in a vote. */
export function ballotKey(voteId: string, personId: string): string {
  return `${voteId}|${personId}`;
}

/** The vote id and person id of a ballots key, or null for a key of another form. */
export function splitBallotKey(key: string): { voteId: string; personId: string } | null {
  const at = key.indexOf('|');
  return at > 0 && at < key.length - 1 ? { voteId: key.slice(0, at), personId: key.slice(at + 1) } : null;
}

/** Reads whatever the document holds under "vote" (null when there is no usable vote). */
export function readVote(value: unknown): VoteState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (typeof v.id !== 'string' || (v.subject !== 'levers' && v.subject !== 'snapshots') || !strings(v.options)) return null;
  if (v.status !== 'open' && v.status !== 'closed' && v.status !== 'revealed') return null;
  const perPerson = typeof v.perPerson === 'number' && Number.isInteger(v.perPerson) ? Math.min(MAX_DOTS, Math.max(1, v.perPerson)) : 1;
  return {
    id: v.id, subject: v.subject, options: v.options, perPerson, status: v.status,
    ...(strings(v.labels) ? { labels: v.labels } : {}), ...(typeof v.by === 'string' ? { by: v.by } : {}),
  };
}

/** Why a vote cannot be opened: a stable code (for the person's language), its values and the English sentence. */
export type VoteSetupProblem =
  | { code: 'too-few-options'; values: { min: number }; sentence: string }
  | { code: 'too-many-options'; values: { max: number }; sentence: string }
  | { code: 'dots-out-of-range'; values: { max: number }; sentence: string };

/** Why a vote with these options and dots cannot be opened, or null when it can. */
export function voteSetupProblem(optionCount: number, perPerson: number): VoteSetupProblem | null {
  if (optionCount < 2) return { code: 'too-few-options', values: { min: 2 }, sentence: 'A vote needs at least two options.' };
  if (optionCount > MAX_OPTIONS) return { code: 'too-many-options', values: { max: MAX_OPTIONS }, sentence: `A vote can have at most ${MAX_OPTIONS} options.` };
  if (!Number.isInteger(perPerson) || perPerson < 1 || perPerson > MAX_DOTS) return { code: 'dots-out-of-range', values: { max: MAX_DOTS }, sentence: `Each person may have from 1 to ${MAX_DOTS} votes.` };
  return null;
}

/** A new open vote, or why it cannot be opened. */
export function newVote(input: { id: string; subject: VoteSubject; options: { id: string; label: string }[]; perPerson: number; by: string }): VoteState | VoteSetupProblem {
  const ids = [...new Set(input.options.map((o) => o.id))];
  const problem = voteSetupProblem(ids.length, input.perPerson);
  if (problem) return problem;
  const label = new Map<string, string>();
  for (const o of input.options) if (!label.has(o.id)) label.set(o.id, o.label.slice(0, 200));
  return { id: input.id, subject: input.subject, options: ids, labels: ids.map((id) => label.get(id) ?? id), perPerson: input.perPerson, status: 'open', by: input.by };
}

/** The name shown for an option. */
export function optionLabel(vote: VoteState, option: string): string {
  const at = vote.options.indexOf(option);
  return (at >= 0 ? vote.labels?.[at] : undefined) ?? option;
}

/** Why a ballot is refused: the API error code, its values and the English sentence. */
export type BallotRefusal =
  | { code: 'vote-over' | 'voting-closed' | 'choice-unknown'; fields: Record<string, never>; sentence: string }
  | { code: 'too-many-choices'; fields: { allowed: number; given: number }; sentence: string };

/** Why a ballot cannot be cast in this vote, or null when it can. */
export function ballotRefusal(vote: VoteState | null, voteId: string, choices: readonly string[]): BallotRefusal | null {
  if (!vote || vote.id !== voteId) return { code: 'vote-over', fields: {}, sentence: 'This vote is over; the facilitator has started another one or ended it.' };
  if (vote.status !== 'open') return { code: 'voting-closed', fields: {}, sentence: 'Voting is closed.' };
  if (choices.length > vote.perPerson) {
    return { code: 'too-many-choices', fields: { allowed: vote.perPerson, given: choices.length }, sentence: `You have ${vote.perPerson} vote${vote.perPerson === 1 ? '' : 's'}; this ballot has ${choices.length}.` };
  }
  const unknown = choices.find((c) => !vote.options.includes(c));
  return unknown === undefined ? null : { code: 'choice-unknown', fields: {}, sentence: 'One of the choices is not an option of this vote.' };
}

/** The sentence of ballotRefusal, or null when the ballot can be cast. */
export function ballotProblem(vote: VoteState | null, voteId: string, choices: readonly string[]): string | null {
  return ballotRefusal(vote, voteId, choices)?.sentence ?? null;
}

/** Adds one of my dots to an option (when I have one left) or, with `remove`, takes one away. */
export function moveDot(choices: readonly string[], option: string, perPerson: number, remove = false): string[] {
  if (remove) {
    const at = choices.lastIndexOf(option);
    return at < 0 ? [...choices] : [...choices.slice(0, at), ...choices.slice(at + 1)];
  }
  return choices.length >= perPerson ? [...choices] : [...choices, option];
}

/** The count of each option and the number of people who voted, from the ballots of this vote only. */
export function tally(vote: VoteState, ballots: Iterable<[string, unknown]>): { counts: Record<string, number>; voters: number } {
  const counts: Record<string, number> = Object.fromEntries(vote.options.map((o) => [o, 0]));
  let voters = 0;
  for (const [key, value] of ballots) {
    const parts = splitBallotKey(key);
    if (!parts || parts.voteId !== vote.id || !Array.isArray(value)) continue;
    const dots = value.filter((c): c is string => typeof c === 'string' && Object.prototype.hasOwnProperty.call(counts, c)).slice(0, vote.perPerson);
    if (dots.length === 0) continue;
    voters++;
    for (const c of dots) counts[c]++;
  }
  return { counts, voters };
}
