/** The exposure panel's data warnings in either language: the engine's key and values, numbers in the locale, the English text for an unknown key (#17). */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { loadMessages } from '../../../client/i18n/catalogs';
import { ExposurePanel } from '../../../client/panels/ExposurePanel';
import type { Board } from '../../../shared/board/types';
import { computeExposure } from '../../../shared/exposure/engine';
import type { ExposureReport } from '../../../shared/exposure/types';
import { board, edge, node } from '../../utils/board-builder';
import { renderIn } from '../../utils/intl';

const over = board(
  [node('mine', 'mine', 'CD', { label: 'Kolwezi', capacity: { cobalt: 1000 } }), node('eu', 'consumer', 'IT', { label: 'Italian industry', demand: { cobalt: 5000 } })],
  [edge('e1', 'mine', 'eu', 'cobalt', 1234.5)],
);

const panel = (report: ExposureReport, shown: Board) => <ExposurePanel exposure={{ report, computeMs: 1 }} board={shown} onSelectNode={vi.fn()} />;
const warningText = (code: string) => document.querySelector(`[data-code="${code}"]`)?.textContent;

describe('Data warnings with their numbers', () => {
  const report = computeExposure(over);

  it('writes the planned outflow and the capacity as 1.234,5 and 1.000 in Italian', async () => {
    await renderIn(panel(report, over), 'it');
    expect(warningText('over-capacity')).toBe('Kolwezi prevede di spedire 1.234,5 t/anno di cobalt, oltre la sua capacità di 1.000 t/anno.');
  });

  it('writes the same warning as 1,234.5 and 1,000 in English', async () => {
    await renderIn(panel(report, over), 'en');
    expect(warningText('over-capacity')).toBe('Kolwezi plans 1,234.5 t/yr of cobalt out, above its capacity of 1,000 t/yr.');
  });

  it('names a bad number and the field it was in, in the locale', async () => {
    const raw = { ...over, edges: [{ ...over.edges[0], volume: -1234.5 }] };
    const bad = computeExposure(raw);
    await renderIn(panel(bad, over), 'it');
    expect(warningText('bad-number')).toBe('volume di Kolwezi → Italian industry (cobalt) vale -1.234,5; conta come 0.');
  });

  it('tells two sentences of one code apart (a missing kind against an unknown one)', async () => {
    const raw = { ...over, nodes: [{ ...over.nodes[0], kind: undefined }, { ...over.nodes[1], kind: 'castle' }] };
    const bad = computeExposure(raw);
    await renderIn(panel(bad, over), 'en');
    const texts = [...document.querySelectorAll('[data-code="unknown-kind"]')].map((li) => li.textContent);
    expect(texts).toEqual(['Node Kolwezi has no kind; it is ignored.', 'Node Italian industry has an unknown kind "castle"; it is ignored.']);
  });

  it('keeps the engine English text for a warning key the catalogs do not know', async () => {
    const unknown: ExposureReport = { ...report, warnings: [{ code: 'new-rule', message: 'mine does something new', ref: 'mine', key: 'new-rule', values: {} }] };
    await renderIn(panel(unknown, over), 'it');
    expect(warningText('new-rule')).toBe('mine does something new');
  });
});

describe('Every engine warning has a sentence in every language', () => {
  const broken = {
    format: 'lodestone.board', version: 2, title: 't', prices: { cobalt: -1, 'Bad Key': 3 },
    nodes: [
      { id: 'a', kind: 'mine', country: 'cd', capacity: { cobalt: 'x', 'Bad Key': 1 }, demand: [], recoveryDays: 0 },
      { id: 'a', kind: 'mine', country: 'CD' }, 7, { kind: 'mine', country: 'CD' }, { id: 'b', kind: 'consumer', country: 'IT', demand: { cobalt: 5 } },
    ],
    edges: [
      { id: 'e1', from: 'a', to: 'zz', mineral: 'cobalt', volume: 1 }, { id: 'e2', from: 'a', to: 'b', mineral: 'Bad Key', volume: 1 },
      { id: 'e3', from: 'a', mineral: 'cobalt', volume: 1 }, { id: 'e4', from: 'a', to: 'b', mineral: 'cobalt', volume: 9, capacity: -1, delayDays: 'x' },
      { id: 'e4', from: 'a', to: 'b', mineral: 'cobalt', volume: 1 }, 'edge', { id: 'e5', from: 'q', to: 'r', mineral: 'cobalt', volume: 1 },
    ],
    scenario: {
      disruptions: [
        3, { id: 'd1', target: 5, factor: 0.5, days: 1 }, { id: 'd2', target: { node: 'a', edge: 'e4' }, factor: 0.5, days: 1 },
        { id: 'd3', target: { country: 'CN', kinds: ['castle'] }, factor: 0.5, days: 1 }, { id: 'd4', target: { country: 'CN', to: ['US'] }, factor: 0.5, days: 1 },
        { id: 'd5', target: { country: 'CN', exportsOnly: true, to: ['usa'] }, factor: 0.5, days: 1 }, { id: 'd6', target: { country: 'cn' }, factor: 0.5, days: 1 },
        { id: 'd7', target: { node: 'a' }, factor: 2, days: 1 }, { id: 'd8', target: { node: 'a' }, factor: 0.5, days: 0 },
        { id: 'd9', target: { node: 'a' }, factor: 0.5, days: 1, minerals: [1] }, { id: 'd10', target: { node: 'gone' }, factor: 0.5, days: 1, enabled: 'yes' },
        { id: 'd10', target: { node: 'a' }, factor: 0.5, days: 1 }, { target: { node: 'a' }, factor: 0.5, days: 1 },
      ],
      expansions: [1, { id: 'x1' }, { id: 'x2', node: 'a' }, { id: 'x3', node: 'gone', capacity: { cobalt: 1 }, enabled: 1 }],
      priceFloors: [
        1, { id: 'p1', mineral: 'Bad Key' }, { id: 'p2', mineral: 'cobalt', stage: 'x' }, { id: 'p3', mineral: 'cobalt', stage: 'mining', floor: 0 },
        { id: 'p4', mineral: 'cobalt', stage: 'mining', floor: 1, countries: [1] },
      ],
    },
  };

  it('gives each warning a key and values, and each key a message in English and Italian', async () => {
    const warnings = computeExposure(broken).warnings;
    expect(warnings.length).toBeGreaterThan(30);
    const keys = new Set(warnings.map((w) => w.key));
    expect(warnings.filter((w) => w.key === undefined || w.values === undefined)).toEqual([]);
    for (const locale of ['en', 'it'] as const) {
      const messages = await loadMessages(locale);
      expect([...keys].filter((key) => !Object.hasOwn(messages, `panels.warning.${key}`)), locale).toEqual([]);
    }
  });
});
