import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { flowText, isAlternative } from '../../../client/canvas/route-look';
import { exportWords } from '../../../client/panels/board-words';
import { Inspector } from '../../../client/panels/Inspector';
import { LeversPanel } from '../../../client/panels/LeversPanel';
import { board, disruption, edge, node } from '../../utils/board-builder';
import { mockActions } from '../mock-actions';
import { intlIn, renderIn } from '../../utils/intl';

const sample = {
  ...board(
    [
      node('mine', 'mine', 'CD', { label: 'Kolwezi', capacity: { cobalt: 9000 } }),
      node('ref', 'refinery', 'CN', { label: 'Jiangsu refinery', recoveryDays: 60 }),
      node('eu', 'consumer', 'IT', { label: 'Italian industry', demand: { cobalt: 5000 } }),
    ],
    [edge('e1', 'mine', 'ref', 'cobalt', 4000), edge('e2', 'ref', 'eu', 'cobalt', 4000), { ...edge('alt', 'mine', 'eu', 'cobalt', 0), capacity: 1500, delayDays: 12 }],
    [disruption('d1', { country: 'CN', kinds: ['refinery'], exportsOnly: true, to: ['US'] }, 0, 90, { label: 'China refined exports to US' })],
  ),
  prices: { cobalt: 33 },
};
sample.scenario.expansions = [{ id: 'x1', label: 'Kolwezi line 2', enabled: false, node: 'mine', capacity: { cobalt: 2000 } }];
sample.scenario.priceFloors = [{ id: 'p1', label: 'Allied cobalt floor', enabled: true, mineral: 'cobalt', stage: 'refining', floor: 40, excludeCountries: ['CN'] }];

const typeAndBlur = (input: HTMLElement, value: string) => {
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};

describe('Editing the version 2 fields', () => {
  it('writes a route capacity and delay, and removes the capacity when emptied', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['alt']} actions={actions} readOnly={false} />);
    expect(screen.getByTestId('alternative-route').textContent).toMatch(/alternative route.*1,500 t\/yr/);
    typeAndBlur(screen.getByLabelText('Route capacity (t/yr)'), '2500');
    expect(actions.updateEdge).toHaveBeenLastCalledWith('alt', { capacity: 2500 });
    typeAndBlur(screen.getByLabelText('Delay (days)'), '14');
    expect(actions.updateEdge).toHaveBeenLastCalledWith('alt', { delayDays: 14 });
    typeAndBlur(screen.getByLabelText('Route capacity (t/yr)'), '');
    expect(actions.updateEdge).toHaveBeenLastCalledWith('alt', { capacity: undefined });
  });

  it('refuses a negative delay as it is typed', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['alt']} actions={actions} readOnly={false} />);
    const delay = screen.getByLabelText('Delay (days)');
    fireEvent.change(delay, { target: { value: '-3' } });
    expect(screen.getByRole('alert').textContent).toBe('At least 0.');
    fireEvent.blur(delay);
    expect(actions.updateEdge).not.toHaveBeenCalled();
  });

  it('edits a node\'s recovery days and refuses zero', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['ref']} actions={actions} readOnly={false} />);
    const field = screen.getByLabelText('Recovery (days)') as HTMLInputElement;
    expect(field.value).toBe('60');
    fireEvent.change(field, { target: { value: '0' } });
    expect(screen.getByRole('alert').textContent).toBe('More than 0.');
    typeAndBlur(field, '45');
    expect(actions.updateNode).toHaveBeenLastCalledWith('ref', { recoveryDays: 45 });
  });

  it('explains an origin-aware export lever in words and edits its destinations', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['d1']} actions={actions} readOnly={false} />);
    expect(screen.getByTestId('export-words').textContent).toBe('Cuts China-refined material leaving China, to United States only, whichever node in China ships it.');
    const to = screen.getByLabelText('Only exports to');
    fireEvent.change(to, { target: { value: 'us, usa' } });
    expect(screen.getByRole('alert').textContent).toMatch(/two-letter country codes/);
    typeAndBlur(to, 'us, jp');
    expect(actions.updateLever).toHaveBeenLastCalledWith('d1', { target: { country: 'CN', kinds: ['refinery'], exportsOnly: true, to: ['US', 'JP'] } });
  });

  it('says what a ban on mines and corridors covers', async () => {
    const intl = await intlIn('en');
    expect(exportWords(intl, { country: 'CN', kinds: ['mine', 'transport'], exportsOnly: true })).toBe(
      "Cuts China-mined material and what China's corridors and ports ship leaving China, whichever node in China ships it.",
    );
    expect(exportWords(intl, { country: 'CN', kinds: ['refinery'] })).toBe("Cuts China's refineries (their whole output).");
  });

  it('switches expansions and price floors on and off, and sets a price', async () => {
    const actions = mockActions();
    await renderIn(<LeversPanel board={sample} actions={actions} readOnly={false} />);
    const expansions = screen.getByRole('region', { name: 'Expansions' });
    expect(within(expansions).getByText('adds 2,000 t/yr of cobalt at Kolwezi')).toBeTruthy();
    fireEvent.click(within(expansions).getByRole('switch', { name: 'Enable Kolwezi line 2' }));
    expect(actions.updateExpansion).toHaveBeenCalledWith('x1', { enabled: true });
    const floors = screen.getByRole('region', { name: 'Price floors' });
    expect(within(floors).getByText('40 USD/kg for cobalt refineries in all countries except CN')).toBeTruthy();
    fireEvent.click(within(floors).getByRole('switch', { name: 'Enable Allied cobalt floor' }));
    expect(actions.updatePriceFloor).toHaveBeenCalledWith('p1', { enabled: false });
    typeAndBlur(screen.getByLabelText('Market prices of cobalt (USD/kg)'), '35');
    expect(actions.setPrice).toHaveBeenCalledWith('cobalt', 35);
  });

  it('adds an expansion through its form', async () => {
    const actions = mockActions();
    await renderIn(<LeversPanel board={sample} actions={actions} readOnly={false} />);
    fireEvent.click(screen.getByRole('button', { name: '+ New expansion' }));
    const form = screen.getByRole('form', { name: 'Add an expansion' });
    fireEvent.change(within(form).getByLabelText('Label'), { target: { value: 'Refinery upgrade' } });
    fireEvent.change(within(form).getByLabelText('Node'), { target: { value: 'ref' } });
    fireEvent.change(within(form).getByLabelText('Added capacity (t/yr)'), { target: { value: '1200' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add expansion' }));
    expect(actions.addExpansion).toHaveBeenCalledWith(expect.objectContaining({ label: 'Refinery upgrade', enabled: true, node: 'ref', capacity: { cobalt: 1200 } }));
  });

  it('labels an alternative route with its capacity', async () => {
    const alt = sample.edges[2];
    expect(isAlternative(alt)).toBe(true);
    expect(isAlternative(sample.edges[0])).toBe(false);
    const intl = await intlIn('en');
    expect(flowText(intl, alt, null)).toBe('cobalt · alternative, up to 1,500 t/yr');
    expect(flowText(intl, alt, 700)).toBe('cobalt · 700 t/yr rerouted');
  });
});
