import { describe, expect, it } from 'vitest';
import { ballotKey, ballotProblem, moveDot, newVote, optionLabel, readVote, splitBallotKey, tally, type VoteState } from '../../../shared/workshop/vote';

const vote = newVote({ id: 'v1', subject: 'levers', options: [{ id: 'a', label: 'Ban A' }, { id: 'b', label: 'Ban B' }, { id: 'a', label: 'dup' }], perPerson: 2, by: 'Fay' }) as VoteState;

describe('dot vote', () => {
  it('opens with unique options and their labels', () => {
    expect(vote).toEqual({ id: 'v1', subject: 'levers', options: ['a', 'b'], labels: ['Ban A', 'Ban B'], perPerson: 2, status: 'open', by: 'Fay' });
    expect(optionLabel(vote, 'b')).toBe('Ban B');
    expect(optionLabel(vote, 'zz')).toBe('zz');
  });

  it('refuses to open without two options or with a bad number of votes', () => {
    expect(newVote({ id: 'v', subject: 'snapshots', options: [{ id: 'a', label: 'A' }], perPerson: 1, by: 'F' })).toEqual({ code: 'too-few-options', values: { min: 2 }, sentence: 'A vote needs at least two options.' });
    expect(newVote({ id: 'v', subject: 'snapshots', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], perPerson: 11, by: 'F' })).toMatchObject({ code: 'dots-out-of-range', values: { max: 10 }, sentence: expect.stringMatching(/from 1 to 10/) });
  });

  it('keys ballots by vote and person, and reads the key back', () => {
    expect(ballotKey('v1', 'p-1')).toBe('v1|p-1');
    expect(splitBallotKey('v1|p-1')).toEqual({ voteId: 'v1', personId: 'p-1' });
    expect(splitBallotKey('nope')).toBeNull();
  });

  it('checks a ballot against the open vote', () => {
    expect(ballotProblem(vote, 'v1', ['a', 'a'])).toBeNull();
    expect(ballotProblem(vote, 'v1', ['a', 'b', 'a'])).toBe('You have 2 votes; this ballot has 3.');
    expect(ballotProblem(vote, 'v1', ['x'])).toMatch(/not an option/);
    expect(ballotProblem(vote, 'v0', ['a'])).toMatch(/vote is over/);
    expect(ballotProblem({ ...vote, status: 'closed' }, 'v1', ['a'])).toBe('Voting is closed.');
    expect(ballotProblem(null, 'v1', [])).toMatch(/vote is over/);
  });

  it('adds dots up to the limit and takes them away', () => {
    expect(moveDot([], 'a', 2)).toEqual(['a']);
    expect(moveDot(['a', 'b'], 'a', 2)).toEqual(['a', 'b']);
    expect(moveDot(['a', 'b', 'a'], 'a', 3, true)).toEqual(['a', 'b']);
    expect(moveDot(['b'], 'a', 3, true)).toEqual(['b']);
  });

  it('counts each person once, only the ballots of this vote, at most their number of dots', () => {
    const ballots: [string, unknown][] = [['v1|p1', ['a', 'b']], ['v1|p2', ['b', 'b', 'b']], ['v0|p1', ['a']], ['v1|p3', []], ['v1|p4', 'junk']];
    expect(tally(vote, ballots)).toEqual({ counts: { a: 1, b: 3 }, voters: 2 });
  });

  it('reads what the document holds, or null for something else', () => {
    expect(readVote(JSON.parse(JSON.stringify(vote)))).toEqual(vote);
    expect(readVote({ id: 'v', subject: 'x', options: [], status: 'open' })).toBeNull();
    expect(readVote(undefined)).toBeNull();
  });
});
