/**
 * The printable report of a snapshot or a comparison: one standalone HTML document (print CSS, no scripts,
 * no outside resources) with the board picture, per-consumer tables and charts per mineral, the critical
 * nodes, and, for a comparison, the exposure deltas and the diff. Pure: every text is escaped.
 */
import type { BoardComparison, ExposureDelta } from '../../shared/board/diff';
import type { Board, BoardNode } from '../../shared/board/types';
import { KIND_ICONS, iconMarkup } from '../state/kind-icons';
import type { ConsumerReport, ExposureReport, TopCountry } from '../../shared/exposure/types';
import { days, percent, tonnes } from '../state/look';
import { changeLine, edgeTitle, isEmptyDiff, leverTitle, nodeTitle } from '../compare/compare-model';
import { barChartSvg, esc, figureCell, notesSection, REPORT_CSS, table } from './report-html';
import { floorsSection, mineralV2Section } from './report-v2';

/** What the report shows. */
export interface ReportInput {
  /** The report's heading ("Snapshot: After the vote", "Baseline → Live board"). */
  title: string;
  board: Board;
  exposure: ExposureReport;
  /** A comparison to include; `fromLabel` / `toLabel` name its sides (default: its refs). */
  comparison?: BoardComparison & { from?: string; to?: string; fromLabel?: string; toLabel?: string };
  /** A picture of the canvas (data:image/png or data:image/svg+xml URL). */
  imageDataUrl?: string;
  /** When the report was made, shown in words (ISO 8601); left out when absent. */
  generatedAt?: string;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const SAFE_IMAGE = /^data:image\/(png|jpeg|svg\+xml)(;[a-z0-9=.+-]+)*(;base64)?,/i;

function topText(top: TopCountry | null): string {
  return top === null ? '—' : `${top.country} ${percent(top.share)}`;
}

function survivalText(c: ConsumerReport): string {
  if (c.stockDays === null) return 'no shortfall';
  return c.survives ? 'survives' : 'does not survive';
}

function consumerRow(id: string, c: ConsumerReport, labels: ReadonlyMap<string, string>): string {
  const mark = c.stockDays === null ? '' : c.survives ? ' class="ok"' : ' class="bad"';
  return `<tr data-consumer="${esc(id)}"><th scope="row">${esc(labels.get(id) ?? id)}</th>${[
    figureCell('demand', c.demand, tonnes(c.demand)),
    figureCell('supplied', c.supplied, tonnes(c.supplied)),
    figureCell('delivered', c.delivered, tonnes(c.delivered)),
    figureCell('shortfall', c.shortfall, tonnes(c.shortfall)),
    figureCell('shortfallPct', c.shortfallPct, percent(c.shortfallPct)),
    figureCell('stockDays', c.stockDays, days(c.stockDays)),
    figureCell('disruptionDays', c.disruptionDays, days(c.disruptionDays)),
  ].join('')}<td data-field="survives" data-value="${c.survives}"${mark}>${survivalText(c)}</td>${[
    figureCell('miningTop', c.stages.mining.top?.share ?? null, topText(c.stages.mining.top)),
    figureCell('miningHhi', c.stages.mining.hhi, Math.round(c.stages.mining.hhi).toLocaleString('en-US')),
    figureCell('refiningTop', c.stages.refining.top?.share ?? null, topText(c.stages.refining.top)),
    figureCell('refiningHhi', c.stages.refining.hhi, Math.round(c.stages.refining.hhi).toLocaleString('en-US')),
    figureCell('benchmark65', c.benchmark65.mining || c.benchmark65.refining, [c.benchmark65.mining && 'mining', c.benchmark65.refining && 'refining'].filter(Boolean).join(', ') || 'within'),
    figureCell('secondaryShare', c.secondaryShare, percent(c.secondaryShare)),
  ].join('')}</tr>`;
}

const CONSUMER_HEADERS = ['Consumer', 'Demand', 'Planned', 'Delivered', 'Shortfall', 'Short %', 'Stock days', 'Disruption days', 'Survives', 'Mining top', 'Mining HHI', 'Refining top', 'Refining HHI', 'Over 65 %', 'Recycled'];

function mineralSection(mineral: string, report: ExposureReport, labels: ReadonlyMap<string, string>, price?: number): string {
  const m = report.minerals[mineral];
  const ids = Object.keys(m.consumers).sort((a, b) => m.consumers[b].shortfallPct - m.consumers[a].shortfallPct || byCodeUnits(a, b));
  const chartRows = ids.map((id) => ({ label: labels.get(id) ?? id, values: [m.consumers[id].shortfallPct] }));
  const chart = ids.length > 0 ? barChartSvg(`Shortfall of ${mineral} per consumer`, chartRows, [{ name: 'Shortfall, share of planned supply', color: '#e03131' }]) : '';
  const critical = m.criticalNodes.slice(0, 5).map(
    (c) => `<tr><th scope="row">${esc(labels.get(c.node) ?? c.node)}</th>${figureCell('loss', c.loss, `${tonnes(c.loss)}/yr`)}${figureCell('lossPct', c.lossPct, percent(c.lossPct))}</tr>`,
  );
  return `<section class="mineral" data-mineral="${esc(mineral)}"><h3>${esc(mineral)}</h3>${m.converged ? '' : '<p class="bad">The recycling loop did not settle; these figures are approximate.</p>'}${chart}${
    ids.length === 0 ? '<p class="muted">No consumers of this mineral.</p>' : table(`${mineral}: exposure per consumer (t/yr)`, CONSUMER_HEADERS, ids.map((id) => consumerRow(id, m.consumers[id], labels)))
  }${mineralV2Section(mineral, m, ids, labels, price)}${critical.length > 0 ? table(`${mineral}: nodes whose loss hurts most`, ['Node', 'Supply lost', 'Share'], critical) : ''}</section>`;
}

function deltaRow(d: ExposureDelta, labels: ReadonlyMap<string, string>): string {
  const side = (value: number | undefined, text: (v: number) => string) => (value === undefined ? '—' : text(value));
  const t = (v: number) => tonnes(v);
  const b = d.before;
  const a = d.after;
  return `<tr data-mineral="${esc(d.mineral)}" data-consumer="${esc(d.consumer)}"><td>${esc(d.mineral)}</td><th scope="row">${esc(labels.get(d.consumer) ?? d.consumer)}</th>${[
    figureCell('delivered-before', b?.delivered ?? null, side(b?.delivered, t)),
    figureCell('delivered-after', a?.delivered ?? null, side(a?.delivered, t)),
    figureCell('shortfall-before', b?.shortfall ?? null, side(b?.shortfall, t)),
    figureCell('shortfall-after', a?.shortfall ?? null, side(a?.shortfall, t)),
    figureCell('shortfall-delta', d.delta.shortfall, `${d.delta.shortfall > 0 ? '+' : ''}${tonnes(d.delta.shortfall)}`),
    figureCell('refiningHhi-before', b?.refiningHhi ?? null, side(b?.refiningHhi, (v) => Math.round(v).toLocaleString('en-US'))),
    figureCell('refiningHhi-after', a?.refiningHhi ?? null, side(a?.refiningHhi, (v) => Math.round(v).toLocaleString('en-US'))),
    figureCell('survives-before', b?.survives ?? null, b ? (b.survives ? 'yes' : 'no') : '—'),
    figureCell('survives-after', a?.survives ?? null, a ? (a.survives ? 'yes' : 'no') : '—'),
  ].join('')}</tr>`;
}

/** A node's kind icon (inline SVG: the report is a file, drawn without an emoji font too) and its title. */
const nodeMarkup = (node: BoardNode) => `${iconMarkup(KIND_ICONS[node.kind], { size: 14 })} ${esc(nodeTitle(node))}`;

function diffSection<T extends { id: string }>(title: string, diff: { added: T[]; removed: T[]; changed: { id: string; after: T; fields: Parameters<typeof changeLine>[0][] }[] }, name: (item: T) => string, markup: (item: T) => string = (x) => esc(name(x))): string {
  const items = [
    ...diff.added.map((x) => `<li data-change="added">+ ${markup(x)}</li>`),
    ...diff.removed.map((x) => `<li data-change="removed">− ${markup(x)}</li>`),
    ...diff.changed.map((c) => `<li data-change="changed">~ ${markup(c.after)}<ul class="fields">${c.fields.map((f) => `<li>${esc(changeLine(f))}</li>`).join('')}</ul></li>`),
  ];
  return items.length === 0 ? '' : `<section class="diff-section"><h3>${esc(title)}</h3><ul class="diff">${items.join('')}</ul></section>`;
}

function comparisonPart(c: NonNullable<ReportInput['comparison']>, labels: ReadonlyMap<string, string>): string {
  const fromLabel = c.fromLabel ?? c.from ?? 'before';
  const toLabel = c.toLabel ?? c.to ?? 'after';
  const short = c.exposure.filter((d) => (d.before?.shortfall ?? 0) > 0 || (d.after?.shortfall ?? 0) > 0);
  const chart = short.length === 0 ? '<p class="muted">No consumer is short on either side.</p>' : barChartSvg(
    `Shortfall before and after`,
    short.map((d) => ({ label: `${labels.get(d.consumer) ?? d.consumer} · ${d.mineral}`, values: [d.before?.shortfallPct ?? 0, d.after?.shortfallPct ?? 0] })),
    [{ name: fromLabel, color: '#adb5bd' }, { name: toLabel, color: '#e03131' }],
  );
  const headers = ['Mineral', 'Consumer', `Delivered, ${fromLabel}`, `Delivered, ${toLabel}`, `Shortfall, ${fromLabel}`, `Shortfall, ${toLabel}`, 'Δ shortfall', `Refining HHI, ${fromLabel}`, `Refining HHI, ${toLabel}`, `Survives, ${fromLabel}`, `Survives, ${toLabel}`];
  const diff = c.diff;
  const meta = diff.meta.length === 0 ? '' : `<section class="diff-section"><h3>Board</h3><ul class="diff fields">${diff.meta.map((f) => `<li>${esc(changeLine(f))}</li>`).join('')}</ul></section>`;
  return `<section class="part comparison"><h2>Comparison: ${esc(fromLabel)} → ${esc(toLabel)}</h2>${chart}${
    c.exposure.length === 0 ? '' : table('Exposure before and after (t/yr)', headers, c.exposure.map((d) => deltaRow(d, labels)), ' class="deltas"')
  }<h3>What changed</h3>${isEmptyDiff(diff) ? '<p class="muted">No differences in nodes, flows, levers or board details.</p>' : ''}${diffSection('Nodes', diff.nodes, nodeTitle, nodeMarkup)}${diffSection('Flows', diff.edges, (e) => edgeTitle(e, labels))}${diffSection('Levers', diff.levers, leverTitle)}${diffSection('Expansions', diff.expansions, (x) => x.label)}${diffSection('Price floors', diff.priceFloors, (p) => p.label)}${meta}</section>`;
}

function when(iso: string | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : ` · made ${esc(at.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' }))}`;
}

/** The report as a whole HTML document. */
export function printableReport({ title, board, exposure, comparison, imageDataUrl, generatedAt }: ReportInput): string {
  const labels = new Map(board.nodes.map((n) => [n.id, n.label]));
  const minerals = Object.keys(exposure.minerals).sort(byCodeUnits);
  const levers = board.scenario.disruptions.filter((d) => d.enabled);
  const consumers = minerals.flatMap((m) => Object.values(exposure.minerals[m].consumers));
  const failing = consumers.filter((c) => !c.survives).length;
  const picture = imageDataUrl && SAFE_IMAGE.test(imageDataUrl) ? `<figure class="picture"><img src="${esc(imageDataUrl)}" alt="${esc(`The board ${board.title}`)}"></figure>` : '';
  const body = [
    `<header><h1>${esc(title)}</h1><p class="meta">Board “${esc(board.title)}” · scenario “${esc(board.scenario.name)}” · ${board.nodes.length} nodes, ${board.edges.length} flows${when(generatedAt)}</p>`,
    `<p class="hint">Print this page (Ctrl+P or ⌘P) to get paper or a PDF.</p></header>`,
    `<section class="summary"><h2>Summary</h2><p>${consumers.length} consumer–mineral pairs; <span data-field="failing" data-value="${failing}">${failing}</span> do not survive the scenario.</p>`,
    levers.length === 0 ? '<p>No scenario lever is pulled.</p>' : `<p>Levers pulled:</p><ul class="levers">${levers.map((l) => `<li>${esc(leverTitle(l))}</li>`).join('')}</ul>`,
    board.description ? `<p>${esc(board.description)}</p>` : '',
    '</section>',
    notesSection(board.notes),
    picture,
    `<section class="part exposure"><h2>Exposure per consumer</h2>${minerals.length === 0 ? '<p class="muted">No minerals flow on this board.</p>' : minerals.map((m) => mineralSection(m, exposure, labels, board.prices?.[m])).join('')}</section>`,
    floorsSection(board, exposure.priceFloors),
    comparison ? comparisonPart(comparison, labels) : '',
    exposure.warnings.length === 0 ? '' : `<section class="warnings"><h2>Data warnings</h2><ul>${exposure.warnings.map((w) => `<li>${esc(w.message)}</li>`).join('')}</ul></section>`,
  ].join('');
  const csp = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>${body}</body></html>`;
}
