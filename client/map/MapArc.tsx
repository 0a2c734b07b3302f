/** One flow on the map: a great-circle arc coloured by mineral, as wide as its volume, dashed when cut, alternative or rerouted. */
import { memo } from 'react';
import { useIntl } from 'react-intl';
import { formatsFor } from '../i18n/format';
import type { ArcKind } from './map-model';

/** A dash pattern stretched for wide strokes, so the gaps of a thick cut flow still show. */
function dashFor(dash: string | undefined, width: number): string | undefined {
  if (!dash) return undefined;
  const grow = Math.max(1, width / 3);
  return dash.split(' ').map((n) => String(Math.round(Number(n) * grow * 10) / 10)).join(' ');
}

/** Props of MapArc (plain values, so an unchanged flow never re-renders). */
export interface MapArcProps {
  id: string;
  d: string;
  kind: ArcKind;
  stroke: string;
  width: number;
  dash: string | undefined;
  mineral: string;
  volume: number;
  capacity: number | undefined;
  rerouted: number | null;
  cutBy: string | null;
  fromLabel: string;
  toLabel: string;
  selected: boolean;
}

/** The arc (its stroke keeps its screen width at any zoom) and a wider invisible twin that takes clicks. */
export const MapArc = memo(function MapArc({ id, d, kind, stroke, width, dash, mineral, volume, capacity, rerouted, cutBy, fromLabel, toLabel, selected }: MapArcProps) {
  const intl = useIntl();
  const f = formatsFor(intl);
  const values = { from: fromLabel, to: toLabel, mineral, volume: f.perYear(rerouted ?? volume), capacity: f.perYear(capacity ?? 0), levers: cutBy ?? '' };
  const title = intl.formatMessage({ id: kind === 'cut' ? 'map.flow.cut' : kind === 'alternative' ? 'map.flow.alternative' : rerouted !== null ? 'map.flow.rerouted' : 'map.flow.title' }, values);
  return (
    <g className={`ls-map-arc ls-map-arc--${kind}${selected ? ' ls-map-arc--selected' : ''}`} data-map-edge={id}>
      <title>{title}</title>
      <path
        d={d} fill="none" stroke={stroke} strokeWidth={selected ? width + 2 : width} strokeDasharray={dashFor(dash, width)} strokeLinecap={dash ? 'butt' : 'round'}
        vectorEffect="non-scaling-stroke" data-testid={`map-flow-${id}`} data-kind={kind} data-disrupted={kind === 'cut' ? 'true' : 'false'}
        data-rerouted={rerouted === null ? undefined : String(rerouted)}
      />
      <path d={d} fill="none" stroke="transparent" strokeWidth={Math.max(10, width + 8)} vectorEffect="non-scaling-stroke" className="ls-map-arc__hit" />
    </g>
  );
});
