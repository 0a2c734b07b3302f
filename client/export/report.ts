/**
 * The printable report of a snapshot or a comparison: one standalone HTML document (print CSS, no scripts,
 * no outside resources) with the board picture, per-consumer tables and charts per mineral, the critical
 * nodes, and, for a comparison, the exposure deltas and the diff. Pure: every text is escaped.
 */
import type { IntlShape } from 'react-intl';
import type { BoardComparison, ExposureDelta } from '../../shared/board/diff';
import type { Board, BoardNode } from '../../shared/board/types';
import { KIND_ICONS, iconMarkup } from '../state/kind-icons';
import type { ConsumerReport, ExposureReport, TopCountry } from '../../shared/exposure/types';
import { formatsFor } from '../i18n/format';
import { INTL_TAG, LOCALES } from '../i18n/locales';
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
  /** A picture of the world map of the board (data URL, as the canvas picture). */
  mapImageDataUrl?: string;
  /** When the report was made, shown in words (ISO 8601); left out when absent. */
  generatedAt?: string;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const SAFE_IMAGE = /^data:image\/(png|jpeg|svg\+xml)(;[a-z0-9=.+-]+)*(;base64)?,/i;

/** The report's words and numbers in `intl`'s language. */
function wordsFor(intl: IntlShape) {
  const f = formatsFor(intl);
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `export.report.${id}` }, values);
  const hhi = (v: number) => f.number(Math.round(v), 0);
  const share = (v: number) => intl.formatNumber(v, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return { f, t, hhi, share };
}
type Words = ReturnType<typeof wordsFor>;

/** The `<html lang>` of a report in `intl`'s language ("it" for it-IT). */
export function reportLang(intl: IntlShape): string {
  return LOCALES.find((l) => INTL_TAG[l] === intl.locale) ?? intl.locale.split('-')[0];
}

function topText(w: Words, top: TopCountry | null): string {
  return top === null ? '—' : `${top.country} ${w.f.percent(top.share)}`;
}

function survivalText(w: Words, c: ConsumerReport): string {
  return w.t(c.stockDays === null ? 'noShortfall' : c.survives ? 'survives' : 'fails');
}

function consumerRow(w: Words, id: string, c: ConsumerReport, labels: ReadonlyMap<string, string>): string {
  const { f, t } = w;
  const mark = c.stockDays === null ? '' : c.survives ? ' class="ok"' : ' class="bad"';
  const over = [c.benchmark65.mining && t('stage.mining'), c.benchmark65.refining && t('stage.refining')].filter((x): x is string => typeof x === 'string');
  return `<tr data-consumer="${esc(id)}"><th scope="row">${esc(labels.get(id) ?? id)}</th>${[
    figureCell('demand', c.demand, f.tonnes(c.demand)),
    figureCell('supplied', c.supplied, f.tonnes(c.supplied)),
    figureCell('delivered', c.delivered, f.tonnes(c.delivered)),
    figureCell('shortfall', c.shortfall, f.tonnes(c.shortfall)),
    figureCell('shortfallPct', c.shortfallPct, f.percent(c.shortfallPct)),
    figureCell('stockDays', c.stockDays, f.days(c.stockDays)),
    figureCell('disruptionDays', c.disruptionDays, f.days(c.disruptionDays)),
  ].join('')}<td data-field="survives" data-value="${c.survives}"${mark}>${esc(survivalText(w, c))}</td>${[
    figureCell('miningTop', c.stages.mining.top?.share ?? null, topText(w, c.stages.mining.top)),
    figureCell('miningHhi', c.stages.mining.hhi, w.hhi(c.stages.mining.hhi)),
    figureCell('refiningTop', c.stages.refining.top?.share ?? null, topText(w, c.stages.refining.top)),
    figureCell('refiningHhi', c.stages.refining.hhi, w.hhi(c.stages.refining.hhi)),
    figureCell('benchmark65', c.benchmark65.mining || c.benchmark65.refining, over.length > 0 ? over.join(', ') : t('within')),
    figureCell('secondaryShare', c.secondaryShare, f.percent(c.secondaryShare)),
  ].join('')}</tr>`;
}

const CONSUMER_COLUMNS = ['consumer', 'demand', 'planned', 'delivered', 'shortfall', 'shortPct', 'stockDays', 'disruptionDays', 'survives', 'miningTop', 'miningHhi', 'refiningTop', 'refiningHhi', 'over65', 'recycled'];

function mineralSection(intl: IntlShape, w: Words, mineral: string, report: ExposureReport, labels: ReadonlyMap<string, string>, price?: number): string {
  const { f, t } = w;
  const m = report.minerals[mineral];
  const ids = Object.keys(m.consumers).sort((a, b) => m.consumers[b].shortfallPct - m.consumers[a].shortfallPct || byCodeUnits(a, b));
  const chartRows = ids.map((id) => ({ label: labels.get(id) ?? id, values: [m.consumers[id].shortfallPct] }));
  const chart = ids.length > 0 ? barChartSvg(t('chart.title', { mineral }), chartRows, [{ name: t('chart.series'), color: '#e03131' }], w.share) : '';
  const critical = m.criticalNodes.slice(0, 5).map(
    (c) => `<tr><th scope="row">${esc(labels.get(c.node) ?? c.node)}</th>${figureCell('loss', c.loss, f.perYear(c.loss))}${figureCell('lossPct', c.lossPct, f.percent(c.lossPct))}</tr>`,
  );
  const headers = CONSUMER_COLUMNS.map((c) => t(`col.${c}`, { share: f.percent(0.65) }));
  return `<section class="mineral" data-mineral="${esc(mineral)}"><h3>${esc(mineral)}</h3>${m.converged ? '' : `<p class="bad">${esc(t('unsettled'))}</p>`}${chart}${
    ids.length === 0 ? `<p class="muted">${esc(t('noConsumers'))}</p>` : table(t('consumers.caption', { mineral }), headers, ids.map((id) => consumerRow(w, id, m.consumers[id], labels)))
  }${mineralV2Section(intl, mineral, m, ids, labels, price)}${critical.length > 0 ? table(t('critical.caption', { mineral }), [t('critical.node'), t('critical.lost'), t('critical.share')], critical) : ''}</section>`;
}

function deltaRow(w: Words, d: ExposureDelta, labels: ReadonlyMap<string, string>): string {
  const { f, t } = w;
  const side = (value: number | undefined, text: (v: number) => string) => (value === undefined ? '—' : text(value));
  const b = d.before;
  const a = d.after;
  const yes = (s: boolean) => t(s ? 'yes' : 'no');
  return `<tr data-mineral="${esc(d.mineral)}" data-consumer="${esc(d.consumer)}"><td>${esc(d.mineral)}</td><th scope="row">${esc(labels.get(d.consumer) ?? d.consumer)}</th>${[
    figureCell('delivered-before', b?.delivered ?? null, side(b?.delivered, f.tonnes)),
    figureCell('delivered-after', a?.delivered ?? null, side(a?.delivered, f.tonnes)),
    figureCell('shortfall-before', b?.shortfall ?? null, side(b?.shortfall, f.tonnes)),
    figureCell('shortfall-after', a?.shortfall ?? null, side(a?.shortfall, f.tonnes)),
    figureCell('shortfall-delta', d.delta.shortfall, `${d.delta.shortfall > 0 ? '+' : ''}${f.tonnes(d.delta.shortfall)}`),
    figureCell('refiningHhi-before', b?.refiningHhi ?? null, side(b?.refiningHhi, w.hhi)),
    figureCell('refiningHhi-after', a?.refiningHhi ?? null, side(a?.refiningHhi, w.hhi)),
    figureCell('survives-before', b?.survives ?? null, b ? yes(b.survives) : '—'),
    figureCell('survives-after', a?.survives ?? null, a ? yes(a.survives) : '—'),
  ].join('')}</tr>`;
}

/** A node's kind icon (inline SVG: the report is a file, drawn without an emoji font too) and its title. */
const nodeMarkup = (node: BoardNode) => `${iconMarkup(KIND_ICONS[node.kind], { size: 14 })} ${esc(nodeTitle(node))}`;

function diffSection<T extends { id: string }>(intl: IntlShape, title: string, diff: { added: T[]; removed: T[]; changed: { id: string; after: T; fields: Parameters<typeof changeLine>[1][] }[] }, name: (item: T) => string, markup: (item: T) => string = (x) => esc(name(x))): string {
  const items = [
    ...diff.added.map((x) => `<li data-change="added">+ ${markup(x)}</li>`),
    ...diff.removed.map((x) => `<li data-change="removed">− ${markup(x)}</li>`),
    ...diff.changed.map((c) => `<li data-change="changed">~ ${markup(c.after)}<ul class="fields">${c.fields.map((f) => `<li>${esc(changeLine(intl, f))}</li>`).join('')}</ul></li>`),
  ];
  return items.length === 0 ? '' : `<section class="diff-section"><h3>${esc(title)}</h3><ul class="diff">${items.join('')}</ul></section>`;
}

function comparisonPart(intl: IntlShape, w: Words, c: NonNullable<ReportInput['comparison']>, labels: ReadonlyMap<string, string>): string {
  const { t } = w;
  const fromLabel = c.fromLabel ?? c.from ?? t('before');
  const toLabel = c.toLabel ?? c.to ?? t('after');
  const short = c.exposure.filter((d) => (d.before?.shortfall ?? 0) > 0 || (d.after?.shortfall ?? 0) > 0);
  const chart = short.length === 0 ? `<p class="muted">${esc(t('compare.noneShort'))}</p>` : barChartSvg(
    t('compare.chart'),
    short.map((d) => ({ label: `${labels.get(d.consumer) ?? d.consumer} · ${d.mineral}`, values: [d.before?.shortfallPct ?? 0, d.after?.shortfallPct ?? 0] })),
    [{ name: fromLabel, color: '#adb5bd' }, { name: toLabel, color: '#e03131' }],
    w.share,
  );
  const headers = [
    t('compare.col.mineral'), t('compare.col.consumer'),
    t('compare.col.delivered', { side: fromLabel }), t('compare.col.delivered', { side: toLabel }),
    t('compare.col.shortfall', { side: fromLabel }), t('compare.col.shortfall', { side: toLabel }), t('compare.col.deltaShortfall'),
    t('compare.col.refiningHhi', { side: fromLabel }), t('compare.col.refiningHhi', { side: toLabel }),
    t('compare.col.survives', { side: fromLabel }), t('compare.col.survives', { side: toLabel }),
  ];
  const diff = c.diff;
  const d = (id: string) => intl.formatMessage({ id: `compare.diff.${id}` });
  const meta = diff.meta.length === 0 ? '' : `<section class="diff-section"><h3>${esc(d('board'))}</h3><ul class="diff fields">${diff.meta.map((f) => `<li>${esc(changeLine(intl, f))}</li>`).join('')}</ul></section>`;
  return `<section class="part comparison"><h2>${esc(t('compare.title', { from: fromLabel, to: toLabel }))}</h2>${chart}${
    c.exposure.length === 0 ? '' : table(t('compare.caption'), headers, c.exposure.map((x) => deltaRow(w, x, labels)), ' class="deltas"')
  }<h3>${esc(t('compare.changed'))}</h3>${isEmptyDiff(diff) ? `<p class="muted">${esc(d('none'))}</p>` : ''}${diffSection(intl, d('nodes'), diff.nodes, nodeTitle, nodeMarkup)}${diffSection(intl, d('flows'), diff.edges, (e) => edgeTitle(intl, e, labels))}${diffSection(intl, d('levers'), diff.levers, (l) => leverTitle(intl, l))}${diffSection(intl, d('expansions'), diff.expansions, (x) => x.label)}${diffSection(intl, d('priceFloors'), diff.priceFloors, (p) => p.label)}${meta}</section>`;
}

function when(intl: IntlShape, iso: string | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : ` · ${esc(intl.formatMessage({ id: 'export.report.made' }, { when: intl.formatDate(at, { dateStyle: 'long', timeStyle: 'short' }) }))}`;
}

/** The report as a whole HTML document, in `intl`'s language and number formats (`<html lang>` included). */
export function printableReport(intl: IntlShape, { title, board, exposure, comparison, imageDataUrl, mapImageDataUrl, generatedAt }: ReportInput): string {
  const w = wordsFor(intl);
  const { t } = w;
  const labels = new Map(board.nodes.map((n) => [n.id, n.label]));
  const minerals = Object.keys(exposure.minerals).sort(byCodeUnits);
  const levers = board.scenario.disruptions.filter((d) => d.enabled);
  const consumers = minerals.flatMap((m) => Object.values(exposure.minerals[m].consumers));
  const failing = consumers.filter((c) => !c.survives).length;
  const picture = imageDataUrl && SAFE_IMAGE.test(imageDataUrl) ? `<figure class="picture"><img src="${esc(imageDataUrl)}" alt="${esc(t('pictureAlt', { title: board.title }))}"></figure>` : '';
  const mapPicture = mapImageDataUrl && SAFE_IMAGE.test(mapImageDataUrl)
    ? `<figure class="picture map"><img src="${esc(mapImageDataUrl)}" alt="${esc(t('mapAlt', { title: board.title }))}"><figcaption>${esc(t('mapCaption'))}</figcaption></figure>` : '';
  // The failing count is marked up with its exact value: the sentence is escaped around two sentinels, then they become the span.
  const sentence = intl.formatMessage({ id: 'export.report.pairs' }, { pairs: consumers.length, failing, n: (chunks: string[]) => `\u0000${chunks.join('')}\u0001` });
  const summary = esc(Array.isArray(sentence) ? sentence.join('') : String(sentence)).replace(/\u0000(.*?)\u0001/, `<span data-field="failing" data-value="${failing}">$1</span>`);
  const body = [
    `<header><h1>${esc(title)}</h1><p class="meta">${esc(t('meta', { board: board.title, scenario: board.scenario.name, nodes: board.nodes.length, flows: board.edges.length }))}${when(intl, generatedAt)}</p>`,
    `<p class="hint">${esc(t('hint'))}</p></header>`,
    `<section class="summary"><h2>${esc(t('summary'))}</h2><p>${summary}</p>`,
    levers.length === 0 ? `<p>${esc(t('noLevers'))}</p>` : `<p>${esc(t('levers'))}</p><ul class="levers">${levers.map((l) => `<li>${esc(leverTitle(intl, l))}</li>`).join('')}</ul>`,
    board.description ? `<p>${esc(board.description)}</p>` : '',
    '</section>',
    notesSection(board.notes, t('notes')),
    picture,
    mapPicture,
    `<section class="part exposure"><h2>${esc(t('exposure'))}</h2>${minerals.length === 0 ? `<p class="muted">${esc(t('noMinerals'))}</p>` : minerals.map((m) => mineralSection(intl, w, m, exposure, labels, board.prices?.[m])).join('')}</section>`,
    floorsSection(intl, board, exposure.priceFloors),
    comparison ? comparisonPart(intl, w, comparison, labels) : '',
    exposure.warnings.length === 0 ? '' : `<section class="warnings"><h2>${esc(t('warnings'))}</h2><ul>${exposure.warnings.map((x) => `<li>${esc(x.message)}</li>`).join('')}</ul></section>`,
  ].join('');
  const csp = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
  return `<!doctype html><html lang="${esc(reportLang(intl))}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>${body}</body></html>`;
}
