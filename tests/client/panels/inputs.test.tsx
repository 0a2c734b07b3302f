import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CountryField } from '../../../client/panels/fields/CountryField';
import { Inspector } from '../../../client/panels/Inspector';
import { board, disruption, edge, node } from '../../utils/board-builder';
import { mockActions } from '../mock-actions';
import { renderIn } from '../../utils/intl';

const sample = board(
  [node('kolwezi', 'mine', 'CD', { label: 'Kolwezi belt', capacity: { cobalt: 220000 } }), node('eu', 'consumer', 'IT', { label: 'Italian industry' })],
  [edge('e1', 'kolwezi', 'eu', 'cobalt', 4000)],
  [disruption('d1', { country: 'CN' }, 0, 90, { label: 'China ban' })],
);

describe('CountryField', () => {
  it('stores the code of a country typed by name, on Enter', async () => {
    const commit = vi.fn();
    await renderIn(<CountryField label="Country" value="CD" commit={commit} />);
    const input = screen.getByRole('combobox', { name: 'Country' });
    fireEvent.change(input, { target: { value: 'Italy' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(commit).toHaveBeenCalledWith('IT');
  });

  it('lists matches with name and code, and stores the one chosen with the arrow keys', async () => {
    const commit = vi.fn();
    await renderIn(<CountryField label="Country" value="" commit={commit} />);
    const input = screen.getByRole('combobox', { name: 'Country' });
    fireEvent.change(input, { target: { value: 'congo' } });
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Democratic Republic of the Congo CD', 'Republic of the Congo CG']);
    expect(screen.getByRole('alert').textContent).toMatch(/No country is called "congo"/);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(options[1].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(commit).toHaveBeenCalledWith('CG');
  });

  it('stores a country clicked in the list', async () => {
    const commit = vi.fn();
    await renderIn(<CountryField label="Country" value="CD" commit={commit} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Country' }), { target: { value: 'zam' } });
    fireEvent.mouseDown(screen.getByRole('option', { name: /Zambia/ }));
    expect(commit).toHaveBeenCalledWith('ZM');
  });

  it('puts the stored country back on Escape', async () => {
    const commit = vi.fn();
    await renderIn(<CountryField label="Country" value="CD" commit={commit} />);
    const input = screen.getByRole('combobox', { name: 'Country' }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'Chile' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('Democratic Republic of the Congo');
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.blur(input);
    expect(commit).not.toHaveBeenCalled();
  });

  it('does not store a code the field refuses, and says why', async () => {
    const commit = vi.fn();
    await renderIn(<CountryField label="Country" value="CD" commit={commit} check={(c) => (c === 'XX' ? 'A lever needs a real country.' : null)} />);
    const input = screen.getByRole('combobox', { name: 'Country' });
    fireEvent.change(input, { target: { value: 'xx' } });
    expect(screen.getByRole('alert').textContent).toBe('A lever needs a real country.');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(commit).not.toHaveBeenCalled();
  });
});

describe('Inspector inputs', () => {
  it('writes a node\'s country typed by name', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={actions} readOnly={false} />);
    const country = screen.getByRole('combobox', { name: 'Country' });
    fireEvent.change(country, { target: { value: 'Italy' } });
    fireEvent.keyDown(country, { key: 'Enter' });
    expect(actions.updateNode).toHaveBeenCalledWith('kolwezi', { country: 'IT' });
  });

  it('writes a lever\'s country typed by name', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['d1']} actions={actions} readOnly={false} />);
    const country = screen.getByRole('combobox', { name: 'Country' });
    fireEvent.change(country, { target: { value: 'indonesia' } });
    fireEvent.blur(country);
    expect(actions.updateLever).toHaveBeenCalledWith('d1', { target: { country: 'ID' } });
  });

  it('reads amounts with k and M suffixes and locale decimals, on Enter', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['e1']} actions={actions} readOnly={false} />);
    const volume = screen.getByLabelText('Volume (t/yr)');
    fireEvent.change(volume, { target: { value: '12k' } });
    fireEvent.keyDown(volume, { key: 'Enter' });
    expect(actions.updateEdge).toHaveBeenLastCalledWith('e1', { volume: 12000 });
    fireEvent.change(volume, { target: { value: '1,5M' } });
    fireEvent.keyDown(volume, { key: 'Enter' });
    expect(actions.updateEdge).toHaveBeenLastCalledWith('e1', { volume: 1500000 });
    fireEvent.change(volume, { target: { value: '2 500' } });
    fireEvent.keyDown(volume, { key: 'Enter' });
    expect(actions.updateEdge).toHaveBeenLastCalledWith('e1', { volume: 2500 });
  });

  it('puts a field back on Escape without writing', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={actions} readOnly={false} />);
    const capacity = screen.getByLabelText('Capacity of cobalt (t/yr)') as HTMLInputElement;
    fireEvent.change(capacity, { target: { value: '20k' } });
    fireEvent.keyDown(capacity, { key: 'Escape' });
    expect(capacity.value).toBe('220000');
    fireEvent.blur(capacity);
    expect(actions.updateNode).not.toHaveBeenCalled();
  });
});

describe('Add-lever form country', () => {
  it('takes a country typed by name and stores its code', async () => {
    const { LeversPanel } = await import('../../../client/panels/LeversPanel');
    const actions = mockActions();
    await renderIn(<LeversPanel board={sample} actions={actions} readOnly={false} />);
    fireEvent.click(screen.getByRole('button', { name: '+ New lever' }));
    const form = within(screen.getByRole('form', { name: 'Add a lever' }));
    fireEvent.change(form.getByLabelText('Label'), { target: { value: 'Italian stop' } });
    const country = form.getByLabelText('Country') as HTMLInputElement;
    fireEvent.change(country, { target: { value: 'Italy' } });
    expect(country.value).toBe('Italy');
    fireEvent.click(form.getByRole('button', { name: 'Add lever' }));
    expect(actions.addLever).toHaveBeenCalledWith(expect.objectContaining({ target: { country: 'IT' } }));
  });
});
