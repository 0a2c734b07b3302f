import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DisruptionSchema } from '../../../shared/board/schema';
import { LeversPanel } from '../../../client/panels/LeversPanel';
import { board, disruption, edge, node } from '../../utils/board-builder';
import { mockActions } from '../mock-actions';
import { renderIn } from '../../utils/intl';


const sample = board(
  [
    node('cn-ref', 'refinery', 'CN', { label: 'Chinese gallium refining' }),
    node('lobito', 'transport', 'AO', { label: 'Lobito rail' }),
    node('eu', 'consumer', 'IT', { label: 'Italian industry', demand: { gallium: 50 } }),
  ],
  [edge('e1', 'cn-ref', 'eu', 'gallium', 40), edge('e2', 'lobito', 'eu', 'cobalt', 100)],
  [
    disruption('ban', { country: 'CN', kinds: ['refinery'], exportsOnly: true }, 0, 180, { label: 'China gallium export ban', minerals: ['gallium'], enabled: false }),
    disruption('rail', { node: 'lobito' }, 0.3, 30, { label: 'Rail washout' }),
  ],
);

describe('LeversPanel', () => {
  it('lists each lever with its target, minerals and what passes', async () => {
    await renderIn(<LeversPanel board={sample} actions={mockActions()} readOnly={false} />);
    expect(screen.getByText(/China refineries, exports only/)).toBeTruthy();
    expect(screen.getByText(/node Lobito rail · all minerals/)).toBeTruthy();
    expect(screen.getByText('passes 30%')).toBeTruthy();
    expect((screen.getByRole('switch', { name: 'Enable China gallium export ban' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('switch', { name: 'Enable Rail washout' }) as HTMLInputElement).checked).toBe(true);
  });

  it('writes a toggle at once', async () => {
    const actions = mockActions();
    await renderIn(<LeversPanel board={sample} actions={actions} readOnly={false} />);
    fireEvent.click(screen.getByRole('switch', { name: 'Enable China gallium export ban' }));
    expect(actions.updateLever).toHaveBeenCalledWith('ban', { enabled: true });
  });

  it('writes the factor when the slider is let go, not while it moves', async () => {
    const actions = mockActions();
    await renderIn(<LeversPanel board={sample} actions={actions} readOnly={false} />);
    const slider = screen.getByLabelText('Factor of Rail washout');
    fireEvent.change(slider, { target: { value: '0.55' } });
    expect(screen.getByText('passes 55%')).toBeTruthy();
    expect(actions.updateLever).not.toHaveBeenCalled();
    fireEvent.pointerUp(slider);
    expect(actions.updateLever).toHaveBeenCalledWith('rail', { factor: 0.55 });
  });

  it('writes valid days only', async () => {
    const actions = mockActions();
    await renderIn(<LeversPanel board={sample} actions={actions} readOnly={false} />);
    const daysInput = screen.getByLabelText('Days of Rail washout');
    fireEvent.change(daysInput, { target: { value: '0' } });
    fireEvent.blur(daysInput);
    expect(screen.getByRole('alert').textContent).toBe('More than 0.');
    expect(actions.updateLever).not.toHaveBeenCalled();
    fireEvent.change(daysInput, { target: { value: '45' } });
    fireEvent.keyDown(daysInput, { key: 'Enter' });
    expect(actions.updateLever).toHaveBeenCalledWith('rail', { days: 45 });
  });

  it('removes a lever and opens one for editing', async () => {
    const actions = mockActions();
    const onEdit = vi.fn();
    await renderIn(<LeversPanel board={sample} actions={actions} readOnly={false} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Rail washout' }));
    expect(actions.deleteItems).toHaveBeenCalledWith(['rail']);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Rail washout' }));
    expect(onEdit).toHaveBeenCalledWith('rail');
  });

  it('adds a valid lever through the form', async () => {
    const actions = mockActions();
    await renderIn(<LeversPanel board={sample} actions={actions} readOnly={false} />);
    fireEvent.click(screen.getByRole('button', { name: '+ New lever' }));
    const form = screen.getByRole('form', { name: 'Add a lever' });
    const f = within(form);

    fireEvent.click(f.getByRole('button', { name: 'Add lever' }));
    expect(actions.addLever).not.toHaveBeenCalled();
    expect(f.getAllByRole('alert').length).toBeGreaterThan(0);

    fireEvent.change(f.getByLabelText('Label'), { target: { value: 'China refinery export stop' } });
    fireEvent.change(f.getByLabelText('Country'), { target: { value: 'cn' } });
    fireEvent.click(f.getByLabelText('Refinery'));
    fireEvent.click(f.getByLabelText('Exports only'));
    fireEvent.click(f.getByLabelText('gallium'));
    fireEvent.change(f.getByLabelText('Factor'), { target: { value: '0.25' } });
    fireEvent.change(f.getByLabelText('Days'), { target: { value: '120' } });
    expect(f.getByText('Hits China refineries, exports only')).toBeTruthy();
    fireEvent.click(f.getByRole('button', { name: 'Add lever' }));

    expect(actions.addLever).toHaveBeenCalledTimes(1);
    const lever = actions.addLever.mock.calls[0][0];
    expect(DisruptionSchema.safeParse(lever).success).toBe(true);
    expect(lever.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lever).toEqual({
      id: lever.id,
      label: 'China refinery export stop',
      enabled: true,
      target: { country: 'CN', kinds: ['refinery'], exportsOnly: true },
      minerals: ['gallium'],
      factor: 0.25,
      days: 120,
    });
  });

  it('targets one node through the form', async () => {
    const actions = mockActions();
    await renderIn(<LeversPanel board={sample} actions={actions} readOnly={false} />);
    fireEvent.click(screen.getByRole('button', { name: '+ New lever' }));
    const f = within(screen.getByRole('form', { name: 'Add a lever' }));
    fireEvent.change(f.getByLabelText('Label'), { target: { value: 'Lobito closed' } });
    fireEvent.change(f.getByLabelText('Target'), { target: { value: 'node' } });
    fireEvent.change(f.getByLabelText('Node'), { target: { value: 'lobito' } });
    fireEvent.click(f.getByRole('button', { name: 'Add lever' }));
    const lever = actions.addLever.mock.calls[0][0];
    expect(lever.target).toEqual({ node: 'lobito' });
    expect(lever.minerals).toBeUndefined();
    expect(DisruptionSchema.safeParse(lever).success).toBe(true);
  });

  it('shows an invalid country in the form and does not add', async () => {
    const actions = mockActions();
    await renderIn(<LeversPanel board={sample} actions={actions} readOnly={false} />);
    fireEvent.click(screen.getByRole('button', { name: '+ New lever' }));
    const f = within(screen.getByRole('form', { name: 'Add a lever' }));
    fireEvent.change(f.getByLabelText('Label'), { target: { value: 'Bad' } });
    fireEvent.change(f.getByLabelText('Country'), { target: { value: 'ZZ' } });
    expect(f.getByRole('alert').textContent).toMatch(/"ZZ" is not an upper-case ISO/);
    fireEvent.click(f.getByRole('button', { name: 'Add lever' }));
    expect(actions.addLever).not.toHaveBeenCalled();
  });

  it('disables everything and offers no add or remove when read-only', async () => {
    await renderIn(<LeversPanel board={sample} actions={mockActions()} readOnly />);
    for (const toggle of screen.getAllByRole('switch')) expect((toggle as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Factor of Rail washout') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Days of Rail washout') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: '+ New lever' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove Rail washout' })).toBeNull();
  });
});
