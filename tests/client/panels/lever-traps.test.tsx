import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MineralPicker } from '../../../client/panels/fields/MineralPicker';
import { Inspector } from '../../../client/panels/Inspector';
import { LeversPanel } from '../../../client/panels/LeversPanel';
import { followLabel, generatedLabel } from '../../../client/panels/levers/lever-label';
import { board, disruption, edge, node } from '../../utils/board-builder';
import { mockActions } from '../mock-actions';
import { intlIn, renderIn } from '../../utils/intl';

const sample = board(
  [node('mine', 'mine', 'CD', { label: 'Kolwezi' }), node('eu', 'consumer', 'IT', { label: 'Italian industry', demand: { cobalt: 5000 } })],
  [edge('e1', 'mine', 'eu', 'cobalt', 4000), edge('e2', 'mine', 'eu', 'gallium', 10)],
  [
    disruption('typed', { node: 'mine' }, 0, 90, { label: 'Kolwezi strike, 90 days' }),
    disruption('gen', { node: 'mine' }, 0.5, 30, { label: 'node Kolwezi: passes 50% for 30 days' }),
    disruption('other', { node: 'mine' }, 0, 90, { label: 'Kolwezi strike' }),
  ],
);

describe('Lever editor traps (#16 point 8)', () => {
  it('unticking "All minerals" ticks no mineral', async () => {
    let chosen: string[] | undefined = undefined;
    const { rerender } = await renderIn(<MineralPicker minerals={['cobalt', 'gallium']} value={undefined} disabled={false} onChange={(m) => { chosen = m; }} />);
    fireEvent.click(screen.getByLabelText('All minerals'));
    expect(chosen).toEqual([]);
    rerender(<MineralPicker minerals={['cobalt', 'gallium']} value={[]} disabled={false} onChange={(m) => { chosen = m; }} />);
    expect((screen.getByLabelText('cobalt') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('gallium') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('status').textContent).toMatch(/hits nothing until you tick one/);
    fireEvent.click(screen.getByLabelText('cobalt'));
    expect(chosen).toEqual(['cobalt']);
  });

  it('a typed label that names the days follows them; another typed label stays', async () => {
    const intl = await intlIn('en');
    const [typed, , other] = sample.scenario.disruptions;
    expect(followLabel(intl, sample, typed, { days: 180 })).toBe('Kolwezi strike, 180 days');
    expect(followLabel(intl, sample, other, { days: 180 })).toBe('Kolwezi strike');
    expect(followLabel(intl, { ...sample }, { ...typed, label: 'A 90-day halt' }, { days: 45 })).toBe('A 45-day halt');
    expect(followLabel(intl, sample, { ...typed, label: '1990 days of 90 d' }, { days: 7 })).toBe('1990 days of 7 d');
  });

  it('a generated label is generated again for the new days and factor', async () => {
    const intl = await intlIn('en');
    const gen = sample.scenario.disruptions[1];
    expect(generatedLabel(intl, sample, gen)).toBe(gen.label);
    expect(followLabel(intl, sample, gen, { days: 60 })).toBe('node Kolwezi: passes 50% for 60 days');
    expect(followLabel(intl, sample, gen, { factor: 0 })).toBe('node Kolwezi: stopped for 30 days');
  });

  it('changing the days in the levers panel writes the following label in the same step', async () => {
    const actions = mockActions();
    await renderIn(<LeversPanel board={sample} actions={actions} readOnly={false} />);
    const days = screen.getByLabelText('Days of Kolwezi strike, 90 days');
    fireEvent.change(days, { target: { value: '120' } });
    fireEvent.blur(days);
    expect(actions.updateLever).toHaveBeenCalledTimes(1);
    expect(actions.updateLever).toHaveBeenCalledWith('typed', { days: 120, label: 'Kolwezi strike, 120 days' });
  });

  it('changing the days in the inspector relabels a generated lever', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['gen']} actions={actions} readOnly={false} />);
    const days = screen.getByLabelText('Days');
    fireEvent.change(days, { target: { value: '10' } });
    fireEvent.blur(days);
    expect(actions.updateLever).toHaveBeenCalledWith('gen', { days: 10, label: 'node Kolwezi: passes 50% for 10 days' });
  });

  it('a lever added without a label is named after its target and days', async () => {
    const actions = mockActions();
    await renderIn(<LeversPanel board={sample} actions={actions} readOnly={false} />);
    fireEvent.click(screen.getByRole('button', { name: '+ New lever' }));
    const form = screen.getByRole('form', { name: 'Add a lever' });
    fireEvent.change(within(form).getByLabelText('Country'), { target: { value: 'cd' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add lever' }));
    expect(actions.addLever).toHaveBeenCalledWith(expect.objectContaining({ label: 'all of Democratic Republic of the Congo: stopped for 90 days', days: 90 }));
  });
});
