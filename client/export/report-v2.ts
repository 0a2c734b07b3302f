/** The printable report's v2 parts: per mineral, the figures after rerouting and the stock needed, stockpile sizing and the CRMA 2030 benchmarks; the price floors' costs. */
import type { Board } from '../../shared/board/types';
import type { MineralReport, PriceFloorReport } from '../../shared/exposure/types';
import { percent, tonnes } from '../state/look';
import { esc, figureCell, table } from './report-html';

const usd = (v: number) => `USD ${Math.round(v).toLocaleString('en-US')}`;
const yesNo = (b: boolean) => (b ? 'met' : 'not met');

/** Per consumer: demand gap and stock needed, then after rerouting delivered, shortfall, survives and stock needed. */
function adaptedTable(mineral: string, m: MineralReport, ids: string[], labels: ReadonlyMap<string, string>): string {
  const rows = ids.map((id) => {
    const c = m.consumers[id];
    const r = m.reroute?.consumers[id];
    return `<tr data-consumer="${esc(id)}"><th scope="row">${esc(labels.get(id) ?? id)}</th>${[
      figureCell('demandGap', c.demandGap, tonnes(c.demandGap)),
      figureCell('stockNeeded', c.stockNeeded, tonnes(c.stockNeeded)),
      figureCell('reroutedDelivered', r?.delivered ?? null, r ? tonnes(r.delivered) : '—'),
      figureCell('reroutedShortfall', r?.shortfall ?? null, r ? tonnes(r.shortfall) : '—'),
      figureCell('reroutedSurvives', r?.survives ?? null, r ? (r.survives ? 'yes' : 'no') : '—'),
      figureCell('reroutedStockNeeded', r?.stockNeeded ?? null, r ? tonnes(r.stockNeeded) : '—'),
    ].join('')}</tr>`;
  });
  return table(`${mineral}: demand gap, stock needed and after rerouting (t/yr; stock in t)`,
    ['Consumer', 'Demand gap', 'Stock needed', 'Delivered after rerouting', 'Shortfall after rerouting', 'Survives after rerouting', 'Stock needed after rerouting'], rows);
}

/** The v2 parts of one mineral's section. */
export function mineralV2Section(mineral: string, m: MineralReport, ids: string[], labels: ReadonlyMap<string, string>, price: number | undefined): string {
  const parts = [ids.length > 0 ? adaptedTable(mineral, m, ids, labels) : ''];
  if (m.reroute) {
    parts.push(`<p class="reroute" data-field="recovered" data-value="${JSON.stringify(m.reroute.recovered)}">Rerouting recovers ${tonnes(m.reroute.recovered)}/yr; delay gap ${tonnes(m.reroute.delayGap)} in transit on longer routes.</p>`);
  }
  const s = m.stressTest;
  if (s && s.levers.length > 0) {
    const cost = (t: number) => (price === undefined ? '' : ` (${usd(t * 1000 * price)})`);
    parts.push(`<p class="stress" data-field="pooledStock" data-value="${JSON.stringify(s.pooledStock)}">Stockpile sizing: separate national stocks ${tonnes(s.separateStock)}${cost(s.separateStock)}, one pooled stock ${tonnes(s.pooledStock)}${cost(s.pooledStock)}, pooling saves ${tonnes(s.poolingGain)}${cost(s.poolingGain)}.</p>`);
  }
  const c = m.crma;
  if (c) {
    parts.push(`<p class="crma">EU CRMA 2030: extraction ${percent(c.extraction)} of 10 % (${yesNo(c.meets.extraction)}), processing ${percent(c.processing)} of 40 % (${yesNo(c.meets.processing)}), recycling ${percent(c.recycling)} of 25 % (${yesNo(c.meets.recycling)}); no third country above 65 %: ${yesNo(c.meets.thirdCountry)}.</p>`);
  }
  return parts.join('');
}

/** Each enabled price floor with its covered volume and annual cost. */
export function floorsSection(board: Board, floors: PriceFloorReport[]): string {
  if (floors.length === 0) return '';
  const labels = new Map(board.scenario.priceFloors.map((f) => [f.id, f.label]));
  const rows = floors.map((f) => `<tr data-floor="${esc(f.id)}"><th scope="row">${esc(labels.get(f.id) ?? f.id)}</th><td>${esc(f.mineral)}, ${esc(f.stage)}</td>${[
    figureCell('floor', f.floor, `${f.floor} USD/kg`),
    figureCell('floor-volume', f.volume, `${tonnes(f.volume)}/yr`),
    figureCell('floor-cost', f.annualCost, f.annualCost === null ? 'no market price' : usd(f.annualCost)),
  ].join('')}</tr>`);
  return `<section class="part floors"><h2>Price floors</h2>${table('Enabled price floors: covered volume and annual cost', ['Floor', 'Mineral, stage', 'Floor price', 'Covered volume', 'Annual cost'], rows)}</section>`;
}
