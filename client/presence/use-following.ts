/** Whom I follow on a board: chosen from the people list, or whoever brings everyone to them. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { followView, nextFollowing, type FollowView, type PresenceView } from './follow';
import type { Peer } from '../state/types';

/** A peer as the following logic reads it (absent presence fields: not moved, not presenting, no summons). */
export function presenceOf(peer: Peer): PresenceView {
  return {
    clientId: peer.clientId, name: peer.name, viewport: peer.viewport ?? null, presenting: peer.presenting ?? null, summon: peer.summon ?? 0,
    view: peer.view ?? 'canvas', mapViewport: peer.mapViewport ?? null,
  };
}

/** What following gives the page: the view to show, whom I follow, and how to change it. */
export interface Following {
  view: FollowView;
  following: number | null;
  follow(clientId: number | null): void;
}

/** Follows people among `peers`; while `enabled` is false (I present) nobody is followed and summons are only noted. */
export function useFollowing(peers: readonly Peer[], enabled = true): Following {
  const people = useMemo(() => peers.map(presenceOf), [peers]);
  const [following, setFollowing] = useState<number | null>(null);
  const seen = useRef(new Map<number, number>());
  useEffect(() => {
    const next = nextFollowing(people, -1, enabled ? following : null, seen.current);
    seen.current = next.seen;
    const chosen = enabled ? next.following : null;
    if (chosen !== following) setFollowing(chosen);
  }, [people, enabled, following]);
  const follow = useCallback((clientId: number | null) => setFollowing(clientId), []);
  const view = useMemo(() => followView(people, following), [people, following]);
  return { view, following, follow };
}
