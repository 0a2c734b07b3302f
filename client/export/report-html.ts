/** Building blocks of the printable report as HTML text: escaping, figure cells, tables, an inline SVG bar chart, the print CSS. Pure. */

/** Text made safe for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A table cell with the formatted number and the exact value in data attributes (as the panels do). */
export function figureCell(field: string, value: number | boolean | null, text: string): string {
  return `<td data-field="${esc(field)}" data-value="${esc(JSON.stringify(value))}">${esc(text)}</td>`;
}

/** A table with a header row; `rows` are already-built `<tr>` contents (cells). */
export function table(caption: string, headers: readonly string[], rows: readonly string[], attrs = ''): string {
  const head = headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  return `<table${attrs}><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** One series of a bar chart. */
export interface ChartSeries {
  name: string;
  color: string;
}

/** One bar group: a label and one value per series, as shares 0..1. */
export interface ChartRow {
  label: string;
  values: number[];
}

const BAR = 12;
const GAP = 8;
const LABEL_WIDTH = 220;
const PLOT_WIDTH = 380;

/**
 * A horizontal bar chart of shares (0..1) as inline SVG, with a legend and each bar's percentage written
 * next to it (`share` writes it, in the report's language); readable printed in black and white too.
 */
export function barChartSvg(title: string, rows: readonly ChartRow[], series: readonly ChartSeries[], share: (value: number) => string): string {
  const group = series.length * BAR + GAP;
  const top = 24;
  const height = top + rows.length * group + 4;
  const width = LABEL_WIDTH + PLOT_WIDTH + 60;
  const legend = series
    .map((s, i) => `<rect x="${LABEL_WIDTH + i * 150}" y="4" width="10" height="10" fill="${esc(s.color)}"/><text x="${LABEL_WIDTH + i * 150 + 14}" y="13">${esc(s.name)}</text>`)
    .join('');
  const bars = rows
    .map((row, r) => {
      const y0 = top + r * group;
      const label = row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label;
      const parts = row.values.map((v, i) => {
        const part = Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
        const y = y0 + i * BAR;
        const w = Math.max(part > 0 ? 1 : 0, part * PLOT_WIDTH);
        return `<rect x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${BAR - 2}" fill="${esc(series[i]?.color ?? '#888')}"/><text x="${(LABEL_WIDTH + w + 4).toFixed(1)}" y="${y + BAR - 3}">${esc(share(part))}</text>`;
      });
      return `<text x="${LABEL_WIDTH - 6}" y="${y0 + (series.length * BAR) / 2 + 3}" text-anchor="end">${esc(label)}</text>${parts.join('')}`;
    })
    .join('');
  const axis = `<line x1="${LABEL_WIDTH}" y1="${top - 2}" x2="${LABEL_WIDTH}" y2="${height - 2}" stroke="#999"/>`;
  return `<svg class="chart" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="11"><title>${esc(title)}</title>${legend}${axis}${bars}</svg>`;
}

/** The board's notes as a section headed `title` (text kept with its line breaks), or '' when the board has none. */
export function notesSection(notes: readonly { id: string; text: string }[], title: string): string {
  const written = notes.filter((note) => note.text.trim() !== '');
  if (written.length === 0) return '';
  const items = written.map((note) => `<li data-note="${esc(note.id)}">${esc(note.text.trim()).replace(/\n/g, '<br>')}</li>`).join('');
  return `<section class="notes"><h2>${esc(title)}</h2><ul class="board-notes">${items}</ul></section>`;
}

/** Page and print styles of the report: A4 with margins, sections that do not split across pages, a new page per part. */
export const REPORT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1d2127; font-size: 12px; line-height: 1.4; margin: 24px auto; max-width: 980px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 20px 0 8px; border-bottom: 2px solid #3b5bdb; padding-bottom: 3px; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 14px; margin: 14px 0 6px; break-after: avoid; page-break-after: avoid; }
.meta, .muted { color: #667085; }
.hint { background: #edf2ff; border-radius: 6px; padding: 6px 10px; }
.picture { margin: 12px 0; text-align: center; break-inside: avoid; page-break-inside: avoid; }
.picture img { max-width: 100%; max-height: 240mm; border: 1px solid #e3e6ea; }
table { width: 100%; border-collapse: collapse; margin: 6px 0 12px; font-variant-numeric: tabular-nums; break-inside: auto; }
caption { text-align: left; font-weight: 600; padding: 2px 0 4px; }
th, td { border-bottom: 1px solid #e3e6ea; padding: 3px 5px; text-align: right; vertical-align: top; }
th:first-child, td:first-child, th[scope='row'] { text-align: left; }
thead th { background: #f1f3f5; font-weight: 600; hyphens: auto; }
tbody th { overflow-wrap: break-word; }
/* The per-consumer table has 15 columns: a smaller type keeps it within the page in English and in Italian's longer words. */
.mineral table { font-size: 11px; }
.mineral th, .mineral td { padding: 3px 4px; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.bad { color: #c92a2a; font-weight: 600; }
.ok { color: #2b8a3e; }
.chart { display: block; max-width: 100%; height: auto; margin: 6px 0; break-inside: avoid; page-break-inside: avoid; }
.mineral, .diff-section { break-inside: avoid-page; }
.part { break-before: page; page-break-before: always; }
.diff li { margin: 2px 0; }
.diff li > svg { vertical-align: -2px; }
.board-notes li { margin: 4px 0; padding: 4px 8px; background: #fff8c5; border-left: 3px solid #e6c700; list-style: none; break-inside: avoid; }
.board-notes { padding-left: 0; }
.diff .fields { font-family: ui-monospace, Menlo, monospace; color: #495057; }
ul { padding-left: 18px; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5px; }
  .hint { display: none; }
  a { color: inherit; text-decoration: none; }
  thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .chart, .bad, .ok { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
