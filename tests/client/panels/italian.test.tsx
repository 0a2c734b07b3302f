/** The panels in Italian: inspector validation, levers, the exposure panel's cards and summary, the CRMA dashboard (#17). */
import { readFileSync } from 'node:fs';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CrmaDashboard } from '../../../client/panels/exposure/CrmaDashboard';
import { ExposurePanel } from '../../../client/panels/ExposurePanel';
import { Inspector } from '../../../client/panels/Inspector';
import { LeversPanel } from '../../../client/panels/LeversPanel';
import type { Board } from '../../../shared/board/types';
import { computeExposure } from '../../../shared/exposure/engine';
import { board, disruption, edge, node } from '../../utils/board-builder';
import { renderIn } from '../../utils/intl';
import { mockActions } from '../mock-actions';

const sample = board(
  [
    node('kolwezi', 'mine', 'CD', { label: 'Kolwezi belt', lat: -10.7, capacity: { cobalt: 220000 } }),
    node('cn-ref', 'refinery', 'CN', { label: 'Chinese refiners' }),
    node('eu', 'consumer', 'IT', { label: 'Italian industry', demand: { cobalt: 12345 } }),
  ],
  [edge('e1', 'kolwezi', 'cn-ref', 'cobalt', 5), edge('e2', 'cn-ref', 'eu', 'cobalt', 5)],
  [
    disruption('ban', { country: 'CN', kinds: ['refinery'], exportsOnly: true }, 0.5, 180, { label: 'China export stop', minerals: ['cobalt'] }),
    disruption('strike', { node: 'kolwezi' }, 0.3, 30, { label: 'Kolwezi strike', enabled: false }),
  ],
);

const typeIn = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });
const text = (el: Element, field: string) => el.querySelector(`[data-field="${field}"]`)?.textContent;

describe('Inspector in Italian', () => {
  it('labels the node fields in Italian and names the country in Italian', async () => {
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={mockActions()} readOnly={false} />, 'it');
    expect(screen.getByRole('complementary', { name: 'Dettagli' })).toBeTruthy();
    expect((screen.getByLabelText('Etichetta') as HTMLInputElement).value).toBe('Kolwezi belt');
    expect((screen.getByLabelText('Paese') as HTMLInputElement).value).toBe('Congo - Kinshasa');
    expect(screen.getByRole('option', { name: /Miniera/ })).toBeTruthy();
  });

  it('a bad amount shows the Italian sentence and is not written', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={actions} readOnly={false} />, 'it');
    const cobalt = screen.getByLabelText('Capacità di cobalt (t/anno)');
    typeIn(cobalt, '-5');
    expect(screen.getByRole('alert').textContent).toBe('Almeno 0.');
    typeIn(cobalt, 'molto');
    expect(screen.getByRole('alert').textContent).toBe('Inserisci un numero.');
    fireEvent.blur(cobalt);
    typeIn(screen.getByLabelText('Latitudine'), '95');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Al massimo 90.');
    expect(actions.updateNode).not.toHaveBeenCalled();
  });

  it('a bad mineral key and an unknown country say why in Italian, never in zod\'s English', async () => {
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={mockActions()} readOnly={false} />, 'it');
    typeIn(screen.getByLabelText('Capacità: chiave del minerale cobalt'), 'Bad Key');
    expect(screen.getByRole('alert').textContent).toBe('Il minerale "bad key" deve essere una chiave in minuscolo: una lettera, poi fino a 39 lettere, cifre o "-".');
    fireEvent.keyDown(screen.getByLabelText('Capacità: chiave del minerale cobalt'), { key: 'Escape' });
    typeIn(screen.getByLabelText('Paese'), 'Atlantide');
    expect(screen.getByRole('alert').textContent).toMatch(/^Nessun paese si chiama "Atlantide"\./);
  });

  it('takes a country typed by its Italian name and stores its code', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={actions} readOnly={false} />, 'it');
    const country = screen.getByLabelText('Paese');
    typeIn(country, 'Germania');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.keyDown(country, { key: 'Enter' });
    expect(actions.updateNode).toHaveBeenCalledWith('kolwezi', { country: 'DE' });
  });

  it('lists the matching countries by their Italian names, English names still found', async () => {
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={mockActions()} readOnly={false} />, 'it');
    const country = screen.getByLabelText('Paese');
    typeIn(country, 'germ');
    expect(screen.getByRole('listbox', { name: 'Paese: paesi corrispondenti' })).toBeTruthy();
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toContain('Germania DE');
    typeIn(country, 'Spain');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toContain('Spagna ES');
  });

  it('a lever\'s days out of range: the Italian sentence', async () => {
    await renderIn(<Inspector board={sample} selection={['ban']} actions={mockActions()} readOnly={false} />, 'it');
    expect(screen.getByTestId('export-words').textContent).toBe('Blocca in uscita il materiale raffinato in Cina, qualunque nodo in Cina lo spedisca.');
    typeIn(screen.getByLabelText('Giorni'), '0');
    expect(screen.getByRole('alert').textContent).toBe('Più di 0.');
  });

  it('counts a multiple selection in Italian', async () => {
    await renderIn(<Inspector board={sample} selection={['kolwezi', 'eu']} actions={mockActions()} readOnly={false} />, 'it');
    expect(screen.getByText('2 elementi selezionati')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Elimina tutti' })).toBeTruthy();
  });
});

describe('LeversPanel in Italian', () => {
  it('lists the levers with their targets, minerals and what passes in Italian', async () => {
    await renderIn(<LeversPanel board={sample} actions={mockActions()} readOnly={false} />, 'it');
    const panel = screen.getByRole('region', { name: 'Leve dello scenario' });
    expect(within(panel).getByText('attive: 1 su 2')).toBeTruthy();
    expect(within(panel).getByText('raffinerie in Cina, solo esportazioni · cobalt')).toBeTruthy();
    expect(within(panel).getByText('nodo Kolwezi belt · tutti i minerali')).toBeTruthy();
    expect(within(panel).getByText('passa 30%')).toBeTruthy();
    expect(within(panel).getByRole('switch', { name: 'Attiva China export stop' })).toBeTruthy();
  });

  it('refuses zero days with the Italian sentence, and adds a lever named in Italian', async () => {
    const actions = mockActions();
    await renderIn(<LeversPanel board={sample} actions={actions} readOnly={false} />, 'it');
    const days = screen.getByLabelText('Giorni di Kolwezi strike');
    typeIn(days, '0');
    expect(screen.getByRole('alert').textContent).toBe('Più di 0.');
    fireEvent.keyDown(days, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: '+ Nuova leva' }));
    const form = screen.getByRole('form', { name: 'Aggiungi una leva' });
    typeIn(within(form).getByLabelText('Paese'), 'ZZ');
    fireEvent.click(within(form).getByRole('button', { name: 'Aggiungi leva' }));
    expect(within(form).getAllByRole('alert').map((a) => a.textContent)).toContain('Il paese "ZZ" non è un codice ISO 3166-1 alpha-2 in maiuscolo né "XX".');
    typeIn(within(form).getByLabelText('Paese'), 'Cina');
    fireEvent.click(within(form).getByRole('button', { name: 'Aggiungi leva' }));
    expect(actions.addLever).toHaveBeenCalledWith(expect.objectContaining({ label: 'Cina, tutto il paese: bloccato per 90 giorni', target: { country: 'CN' } }));
  });
});

describe('ExposurePanel in Italian', () => {
  const report = computeExposure(sample);

  it('writes the summary strip numbers as 12.345 and 2,5 with Italian units', async () => {
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1.25 }} board={sample} onSelectNode={vi.fn()} />, 'it');
    const strip = screen.getByRole('group', { name: 'Riepilogo su tutti i minerali' });
    expect(text(strip, 'summary-shortfall')).toBe('2,5 t/anno');
    expect(text(strip, 'summary-demandGap')).toBe('12.343 t/anno');
    expect(within(strip).getByText('1 su 1 in ammanco')).toBeTruthy();
    expect(screen.getByText(/calcolato in/).textContent).toBe('calcolato in 1,3 ms');
  });

  it('shows the consumer card\'s verdict, figures and explanation in Italian', async () => {
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1 }} board={sample} onSelectNode={vi.fn()} />, 'it');
    const card = screen.getByTestId('exposure-cobalt-eu');
    expect(text(card, 'survives')).toBe('non resiste');
    expect(card.querySelector('.verdict-explain')?.textContent).toBe("Non resiste: la sua scorta si esaurisce prima della fine dell'interruzione.");
    expect(text(card, 'disruptionDays')).toBe('180 giorni');
    expect(text(card, 'demand')).toBe('12.345 t/anno');
    expect(card.querySelector('.supply')?.textContent).toMatch(/^Consegnato 2,5 t\/anno su 5 t\/anno pianificati · domanda 12\.345 t\/anno/);
    expect(within(card).getByText('Dopo il reindirizzamento')).toBeTruthy();
  });
});

describe('Data warnings', () => {
  const over = board(
    [node('mine', 'mine', 'CD', { label: 'Kolwezi', capacity: { cobalt: 1 } }), node('eu', 'consumer', 'IT', { label: 'Italian industry', demand: { cobalt: 5 } })],
    [edge('e1', 'mine', 'eu', 'cobalt', 5)],
  );
  const report = computeExposure(over);

  it('names the node in the sentence of its warning code, in either language', async () => {
    expect(report.warnings.map((w) => w.code)).toEqual(['over-capacity']);
    const { unmount } = await renderIn(<ExposurePanel exposure={{ report, computeMs: 1 }} board={over} onSelectNode={vi.fn()} />, 'it');
    expect(screen.getByText('1 avviso sui dati')).toBeTruthy();
    expect(document.querySelector('[data-code="over-capacity"]')?.textContent).toBe('Kolwezi prevede di spedire 5 t/anno di cobalt, oltre la sua capacità di 1 t/anno.');
    unmount();
    await renderIn(<ExposurePanel exposure={{ report, computeMs: 1 }} board={over} onSelectNode={vi.fn()} />, 'en');
    expect(screen.getByText('1 data warning')).toBeTruthy();
    expect(document.querySelector('[data-code="over-capacity"]')?.textContent).toBe('Kolwezi plans 5 t/yr of cobalt out, above its capacity of 1 t/yr.');
  });
});

describe('CRMA dashboard in Italian', () => {
  const seed = JSON.parse(readFileSync('seeds/gallium-germanium.json', 'utf8')) as Board;

  it('says raggiunta or non raggiunta per benchmark', async () => {
    const crma = computeExposure(seed).minerals.gallium.crma!;
    await renderIn(<CrmaDashboard mineral="gallium" crma={crma} />, 'it');
    const dashboard = screen.getByRole('region', { name: "Soglie CRMA 2030 dell'UE per gallium" });
    const processing = dashboard.querySelector('[data-benchmark="processing"]')!;
    expect(processing.getAttribute('data-met')).toBe('false');
    expect(processing.textContent).toMatch(/^Lavorazione.* su 40%non raggiunta$/);
    expect(dashboard.querySelector('.crma-summary')?.textContent).toMatch(/: (raggiunta|non raggiunta)\.$/);
  });

  it('explains a board without EU consumers in Italian', async () => {
    await renderIn(<CrmaDashboard mineral="cobalt" crma={null} />, 'it');
    expect(screen.getByTestId('crma-cobalt').textContent).toMatch(/Nessun utilizzatore UE di cobalt su questa lavagna/);
  });
});
