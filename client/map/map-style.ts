/** The map drawing's own styles, written inside its <svg> so an exported file looks like the screen. */
export const MAP_SVG_STYLE = `
.ls-map-node__label { font: 500 10px system-ui, sans-serif; fill: #202124; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
.ls-map-node--selected .ls-map-node__ring { stroke: #1a73e8; stroke-width: 3px; }
.ls-map-badge__text { font: 600 9px system-ui, sans-serif; fill: #1e7d32; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
.ls-map-badge--bad .ls-map-node--selected .ls-map-node__ring { stroke: #1a73e8; stroke-width: 3px; }
.ls-map-badge__text { fill: #c5221f; }
.ls-map-cursor__name { font: 600 11px system-ui, sans-serif; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; }
`;
