/** The world under the flows: ocean, graticule, land and borders (drawn once; they never change). */
import { memo } from 'react';
import { worldPaths } from './world';

/** The world's outlines on the map frame. */
export const WorldLayer = memo(function WorldLayer() {
  const world = worldPaths();
  return (
    <g className="ls-map-world" aria-hidden="true">
      <path d={world.sphere} fill="#eef4fa" stroke="#c4d3e2" strokeWidth={1} vectorEffect="non-scaling-stroke" />
      <path d={world.graticule} fill="none" stroke="#dbe5ef" strokeWidth={0.5} vectorEffect="non-scaling-stroke" />
      <path d={world.land} fill="#f6f4ef" stroke="none" />
      <path d={world.borders} fill="none" stroke="#c9c3b6" strokeWidth={0.6} vectorEffect="non-scaling-stroke" />
    </g>
  );
});
