/** The printable report's v2 parts: per mineral, the figures after rerouting and the stock needed, stockpile sizing and the CRMA 2030 benchmarks; the price floors' costs. */
import type { IntlShape } from 'react-intl';
import type { Board } from '../../shared/board/types';
import type { MineralReport, PriceFloorReport } from '../../shared/exposure/types';
import { formatsFor } from '../i18n/format';
import { esc, figureCell, table } from './report-html';

function wordsFor(intl: IntlShape) {
  const f = formatsFor(intl);
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `export.report.${id}` }, values);
  const usd = (v: number) => intl.formatNumber(Math.round(v), { style: 'currency', currency: 'USD', currencyDisplay: 'code', maximumFractionDigits: 0 });
  const met = (b: boolean) => t(b ? 'met' : 'notMet');
  return { f, t, usd, met };
}

/** Per consumer: demand gap and stock needed, then after rerouting delivered, shortfall, survives and stock needed. */
function adaptedTable(intl: IntlShape, mineral: string, m: MineralReport, ids: string[], labels: ReadonlyMap<string, string>): string {
  const { f, t } = wordsFor(intl);
  const rows = ids.map((id) => {
    const c = m.consumers[id];
    const r = m.reroute?.consumers[id];
    return `<tr data-consumer="${esc(id)}"><th scope="row">${esc(labels.get(id) ?? id)}</th>${[
      figureCell('demandGap', c.demandGap, f.tonnes(c.demandGap)),
      figureCell('stockNeeded', c.stockNeeded, f.tonnes(c.stockNeeded)),
      figureCell('reroutedDelivered', r?.delivered ?? null, r ? f.tonnes(r.delivered) : '—'),
      figureCell('reroutedShortfall', r?.shortfall ?? null, r ? f.tonnes(r.shortfall) : '—'),
      figureCell('reroutedSurvives', r?.survives ?? null, r ? t(r.survives ? 'yes' : 'no') : '—'),
      figureCell('reroutedStockNeeded', r?.stockNeeded ?? null, r ? f.tonnes(r.stockNeeded) : '—'),
    ].join('')}</tr>`;
  });
  const columns = ['consumer', 'demandGap', 'stockNeeded', 'reroutedDelivered', 'reroutedShortfall', 'reroutedSurvives', 'reroutedStockNeeded'];
  return table(t('adapted.caption', { mineral }), columns.map((c) => t(`adapted.${c}`)), rows);
}

/** The v2 parts of one mineral's section. */
export function mineralV2Section(intl: IntlShape, mineral: string, m: MineralReport, ids: string[], labels: ReadonlyMap<string, string>, price: number | undefined): string {
  const { f, t, usd, met } = wordsFor(intl);
  const parts = [ids.length > 0 ? adaptedTable(intl, mineral, m, ids, labels) : ''];
  if (m.reroute) {
    parts.push(`<p class="reroute" data-field="recovered" data-value="${JSON.stringify(m.reroute.recovered)}">${esc(t('reroute', { recovered: f.perYear(m.reroute.recovered), delay: f.tonnes(m.reroute.delayGap) }))}</p>`);
  }
  const s = m.stressTest;
  if (s && s.levers.length > 0) {
    const amount = (tonnes: number) => (price === undefined ? f.tonnes(tonnes) : t('withCost', { amount: f.tonnes(tonnes), cost: usd(tonnes * 1000 * price) }));
    parts.push(`<p class="stress" data-field="pooledStock" data-value="${JSON.stringify(s.pooledStock)}">${esc(t('stress', { separate: amount(s.separateStock), pooled: amount(s.pooledStock), gain: amount(s.poolingGain) }))}</p>`);
  }
  const c = m.crma;
  if (c) {
    parts.push(`<p class="crma">${esc(t('crma', {
      extraction: f.percent(c.extraction), extractionTarget: f.percent(0.1), extractionMet: met(c.meets.extraction),
      processing: f.percent(c.processing), processingTarget: f.percent(0.4), processingMet: met(c.meets.processing),
      recycling: f.percent(c.recycling), recyclingTarget: f.percent(0.25), recyclingMet: met(c.meets.recycling),
      thirdTarget: f.percent(0.65), thirdMet: met(c.meets.thirdCountry),
    }))}</p>`);
  }
  return parts.join('');
}

/** Each enabled price floor with its covered volume and annual cost. */
export function floorsSection(intl: IntlShape, board: Board, floors: PriceFloorReport[]): string {
  if (floors.length === 0) return '';
  const { f, t, usd } = wordsFor(intl);
  const labels = new Map(board.scenario.priceFloors.map((p) => [p.id, p.label]));
  const rows = floors.map((p) => `<tr data-floor="${esc(p.id)}"><th scope="row">${esc(labels.get(p.id) ?? p.id)}</th><td>${esc(p.mineral)}, ${esc(t(`stage.${p.stage}`))}</td>${[
    figureCell('floor', p.floor, t('floors.price', { price: f.number(p.floor, 2) })),
    figureCell('floor-volume', p.volume, f.perYear(p.volume)),
    figureCell('floor-cost', p.annualCost, p.annualCost === null ? t('floors.noPrice') : usd(p.annualCost)),
  ].join('')}</tr>`);
  const columns = ['floor', 'mineralStage', 'floorPrice', 'volume', 'cost'];
  return `<section class="part floors"><h2>${esc(t('floors.title'))}</h2>${table(t('floors.caption'), columns.map((c) => t(`floors.col.${c}`)), rows)}</section>`;
}
