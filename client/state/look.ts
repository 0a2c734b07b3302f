/**
 * The colours every view shares, per mineral and country (words and number formats live in the catalogs and i18n/format.ts).
 * Countries show as their ISO code (no flag emoji: Windows never draws them and headless Linux has no emoji font).
 */
const MINERAL_COLORS: Record<string, string> = {
  cobalt: '#2f5cd6', copper: '#c8692d', gallium: '#7b5cc4', germanium: '#3c9a8f', lithium: '#d4a017', graphite: '#4a4a4a',
  nickel: '#5e8c31', 'rare-earths-heavy': '#c2185b', 'rare-earths-light': '#e57399', platinum: '#8a9ba8',
};

function hashHue(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 360;
}

/** A stable colour for a mineral key (known minerals have fixed colours). */
export function mineralColor(mineral: string): string {
  return MINERAL_COLORS[mineral] ?? `hsl(${hashHue(mineral)} 55% 45%)`;
}

const COUNTRY_COLORS: Record<string, string> = { CN: '#d62728', unknown: '#bbbbbb', unrefined: '#dddddd' };

/** A stable colour for an origin country (China is always red; pseudo-origins grey). */
export function countryColor(country: string): string {
  return COUNTRY_COLORS[country] ?? `hsl(${hashHue(country)} 50% 52%)`;
}
