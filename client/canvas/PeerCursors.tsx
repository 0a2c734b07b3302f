/** Other people's cursors, drawn in flow coordinates inside the viewport. */
import { memo } from 'react';
import { ViewportPortal, useStore } from '@xyflow/react';
import type { Peer } from '../state/types';

/** Arrows with names; counter-scaled so they keep their size at any zoom. */
export const PeerCursors = memo(function PeerCursors({ peers }: { peers: Peer[] }) {
  const zoom = useStore((s) => s.transform[2]);
  const visible = peers.filter((p) => p.cursor !== null && Number.isFinite(p.cursor.x) && Number.isFinite(p.cursor.y));
  if (visible.length === 0) return null;
  return (
    <ViewportPortal>
      {visible.map((peer) => (
        <div
          key={peer.clientId}
          className="ls-cursor"
          data-testid={`cursor-${peer.clientId}`}
          style={{ transform: `translate(${peer.cursor!.x}px, ${peer.cursor!.y}px) scale(${1 / zoom})`, color: peer.color }}
        >
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
            <path d="M1 1 L1 15 L5 11 L8 17 L10.5 16 L7.5 10 L13 10 Z" fill="currentColor" stroke="white" strokeWidth="1.2" strokeLinejoin="round" />
          </svg>
          <span className="ls-cursor__name" style={{ background: peer.color }}>{peer.name}</span>
        </div>
      ))}
    </ViewportPortal>
  );
});
