/** The map as a file: its live <svg> serialised (whole world, without cursors or selections) as SVG, or drawn to a PNG. */
import { MAP_HEIGHT, MAP_WIDTH } from './projection';

/** Size of exported pictures, in pixels (twice the frame). */
const SCALE = 2;

/** The standalone SVG markup of a map element: the whole world with the labels shown on screen, no one's cursor, nothing selected. */
export function mapSvgMarkup(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(MAP_WIDTH * SCALE));
  copy.setAttribute('height', String(MAP_HEIGHT * SCALE));
  copy.setAttribute('viewBox', `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`);
  copy.setAttribute('class', 'ls-map-svg');
  copy.setAttribute('style', '--map-inv: 1; background: #ffffff');
  copy.querySelector('[data-map-zoom]')?.removeAttribute('transform');
  copy.querySelectorAll('[data-map-cursors]').forEach((el) => el.remove());
  copy.querySelectorAll('.ls-map-node--selected').forEach((el) => el.classList.remove('ls-map-node--selected'));
  return new XMLSerializer().serializeToString(copy);
}

/** The map's SVG file as a data URL. */
export function mapSvgDataUrl(svg: SVGSVGElement): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(mapSvgMarkup(svg))}`;
}

/** The map as a PNG data URL (the SVG drawn on a canvas at twice the frame's size, on white). */
export async function mapPngDataUrl(svg: SVGSVGElement): Promise<string> {
  const image = new Image();
  image.decoding = 'async';
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('map picture'));
  });
  image.src = mapSvgDataUrl(svg);
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = MAP_WIDTH * SCALE;
  canvas.height = MAP_HEIGHT * SCALE;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('map picture');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

/** The map element shown on the page, if any (for exports and the report). */
export function shownMap(root: ParentNode = document): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>('svg[data-map-svg]');
}
