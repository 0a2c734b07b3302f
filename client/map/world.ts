/**
 * The country outlines (Natural Earth 1:110m from the world-atlas package, bundled into the map's own chunk: nothing
 * is fetched at run time) as SVG path data on the map frame, computed once.
 */
import { geoGraticule10, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import { worldProjection } from './projection';

/** Path data of the world's drawing: the globe's outline, the graticule, the land and the borders between countries. */
export interface WorldPaths {
  sphere: string;
  graticule: string;
  land: string;
  borders: string;
}

let paths: WorldPaths | null = null;

/** The world's paths for the map frame (worldProjection). */
export function worldPaths(): WorldPaths {
  if (paths) return paths;
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
  const path = geoPath(worldProjection());
  const countries = topology.objects.countries;
  paths = {
    sphere: path({ type: 'Sphere' }) ?? '',
    graticule: path(geoGraticule10()) ?? '',
    land: path(feature(topology, countries)) ?? '',
    borders: path(mesh(topology, countries, (a, b) => a !== b)) ?? '',
  };
  return paths;
}
