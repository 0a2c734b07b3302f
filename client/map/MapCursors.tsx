/** Other people's cursors on the map (those in the map view), at their place, keeping their size at any zoom. */
import type { GeoProjection } from 'd3-geo';
import { memo } from 'react';
import type { Peer } from '../state/types';

/** Arrows with names for the peers whose cursor is over the map. */
export const MapCursors = memo(function MapCursors({ peers, projection }: { peers: readonly Peer[]; projection: GeoProjection }) {
  const shown = peers.flatMap((peer) => {
    if (peer.view !== 'map' || !peer.mapCursor) return [];
    const p = projection([peer.mapCursor.lon, peer.mapCursor.lat]);
    return p ? [{ peer, x: p[0], y: p[1] }] : [];
  });
  return (
    <g className="ls-map-cursors" data-map-cursors="">
      {shown.map(({ peer, x, y }) => (
        <g key={peer.clientId} className="ls-map-cursor" data-testid={`map-cursor-${peer.clientId}`} style={{ transform: `translate(${x}px, ${y}px) scale(var(--map-inv, 1))`, color: peer.color }}>
          <path d="M0 0 L0 14 L4 10 L7 16 L9.5 15 L6.5 9 L12 9 Z" fill="currentColor" stroke="#ffffff" strokeWidth={1.2} strokeLinejoin="round" />
          <text x={14} y={22} className="ls-map-cursor__name" fill="currentColor">{peer.name}</text>
        </g>
      ))}
    </g>
  );
});
