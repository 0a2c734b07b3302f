import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Inspector } from '../../../client/panels/Inspector';
import { board, disruption, edge, node } from '../../utils/board-builder';
import { mockActions } from '../mock-actions';
import { renderIn } from '../../utils/intl';


const sample = board(
  [
    node('kolwezi', 'mine', 'CD', { label: 'Kolwezi belt', lat: -10.7, lon: 25.5, capacity: { cobalt: 220000, copper: 3300000 }, tags: ['estimate', 'africa'] }),
    node('eu', 'consumer', 'IT', { label: 'Italian industry', demand: { cobalt: 5000 } }),
  ],
  [edge('e1', 'kolwezi', 'eu', 'cobalt', 4000)],
  [disruption('d1', { node: 'kolwezi' }, 0.3, 120, { label: 'Kolwezi strike', minerals: ['cobalt'] })],
);

const typeAndBlur = (input: HTMLElement, value: string) => {
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};

describe('Inspector', () => {
  it('shows the selected node\'s fields', async () => {
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={mockActions()} readOnly={false} />);
    expect((screen.getByLabelText('Label') as HTMLInputElement).value).toBe('Kolwezi belt');
    expect((screen.getByLabelText('Kind') as HTMLSelectElement).value).toBe('mine');
    expect((screen.getByLabelText('Country') as HTMLInputElement).value).toBe('Democratic Republic of the Congo');
    expect(screen.getByLabelText('country code').textContent).toBe('CD');
    expect((screen.getByLabelText('Latitude') as HTMLInputElement).value).toBe('-10.7');
    expect((screen.getByLabelText('Longitude') as HTMLInputElement).value).toBe('25.5');
    expect((screen.getByLabelText('Capacity of cobalt (t/yr)') as HTMLInputElement).value).toBe('220000');
    expect((screen.getByLabelText('Capacity of copper (t/yr)') as HTMLInputElement).value).toBe('3300000');
    expect((screen.getByLabelText('Tags') as HTMLInputElement).value).toBe('estimate, africa');
  });

  it('shows why an invalid country cannot be stored and does not write it', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={actions} readOnly={false} />);
    const country = screen.getByLabelText('Country');
    fireEvent.change(country, { target: { value: 'cn1' } });
    expect(screen.getByRole('alert').textContent).toMatch(/No country is called "cn1"/);
    expect(country.getAttribute('aria-invalid')).toBe('true');
    fireEvent.blur(country);
    fireEvent.keyDown(country, { key: 'Enter' });
    expect(actions.updateNode).not.toHaveBeenCalled();
  });

  it('writes a valid country on Enter with only that field', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={actions} readOnly={false} />);
    const country = screen.getByLabelText('Country');
    fireEvent.change(country, { target: { value: 'zm' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.keyDown(country, { key: 'Enter' });
    expect(actions.updateNode).toHaveBeenCalledTimes(1);
    expect(actions.updateNode).toHaveBeenCalledWith('kolwezi', { country: 'ZM' });
  });

  it('writes a valid latitude on blur with only that field, and rejects one out of range', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={actions} readOnly={false} />);
    const lat = screen.getByLabelText('Latitude');
    typeAndBlur(lat, '95');
    expect(screen.getByRole('alert').textContent).toBe('At most 90.');
    expect(actions.updateNode).not.toHaveBeenCalled();
    typeAndBlur(lat, '-11.2');
    expect(actions.updateNode).toHaveBeenCalledWith('kolwezi', { lat: -11.2 });
  });

  it('writes a kind change at once', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={actions} readOnly={false} />);
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'recycler' } });
    expect(actions.updateNode).toHaveBeenCalledWith('kolwezi', { kind: 'recycler' });
  });

  it('edits, adds and removes capacity rows as whole mineral maps', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={actions} readOnly={false} />);
    typeAndBlur(screen.getByLabelText('Capacity of cobalt (t/yr)'), '-5');
    expect(actions.updateNode).not.toHaveBeenCalled();
    typeAndBlur(screen.getByLabelText('Capacity of cobalt (t/yr)'), '250,000');
    expect(actions.updateNode).toHaveBeenLastCalledWith('kolwezi', { capacity: { cobalt: 250000, copper: 3300000 } });

    fireEvent.click(screen.getByRole('button', { name: 'Remove copper from capacity' }));
    expect(actions.updateNode).toHaveBeenLastCalledWith('kolwezi', { capacity: { cobalt: 220000 } });

    fireEvent.click(screen.getByRole('button', { name: 'Add capacity row' }));
    fireEvent.change(screen.getByLabelText('New capacity mineral'), { target: { value: 'Nickel!' } });
    expect(screen.getByRole('alert').textContent).toMatch(/lower-case key/);
    fireEvent.change(screen.getByLabelText('New capacity mineral'), { target: { value: 'nickel' } });
    fireEvent.change(screen.getByLabelText('New capacity amount (t/yr)'), { target: { value: '1200' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(actions.updateNode).toHaveBeenLastCalledWith('kolwezi', { capacity: { cobalt: 220000, copper: 3300000, nickel: 1200 } });
  });

  it('writes tags as a list and drops empty entries', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={actions} readOnly={false} />);
    typeAndBlur(screen.getByLabelText('Tags'), 'estimate, , lobito ');
    expect(actions.updateNode).toHaveBeenCalledWith('kolwezi', { tags: ['estimate', 'lobito'] });
  });

  it('edits an edge, showing its ends by label', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['e1']} actions={actions} readOnly={false} />);
    expect(screen.getByText(/Kolwezi belt/)).toBeTruthy();
    expect(screen.getByText(/Italian industry/)).toBeTruthy();
    typeAndBlur(screen.getByLabelText('Volume (t/yr)'), 'lots');
    expect(screen.getByRole('alert').textContent).toBe('Enter a number.');
    typeAndBlur(screen.getByLabelText('Volume (t/yr)'), '4500');
    expect(actions.updateEdge).toHaveBeenCalledWith('e1', { volume: 4500 });
  });

  it('edits a lever selected by id', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['d1']} actions={actions} readOnly={false} />);
    expect((screen.getByLabelText('Label') as HTMLInputElement).value).toBe('Kolwezi strike');
    typeAndBlur(screen.getByLabelText('Factor (0..1)'), '1.5');
    expect(screen.getByRole('alert').textContent).toBe('At most 1.');
    typeAndBlur(screen.getByLabelText('Factor (0..1)'), '0.5');
    expect(actions.updateLever).toHaveBeenCalledWith('d1', { factor: 0.5 });
  });

  it('disables every field and offers no delete when read-only', async () => {
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={mockActions()} readOnly />);
    for (const label of ['Label', 'Kind', 'Country', 'Latitude', 'Longitude', 'Tags', 'Capacity of cobalt (t/yr)']) {
      expect((screen.getByLabelText(label) as HTMLInputElement).disabled).toBe(true);
    }
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add capacity row' })).toBeNull();
  });

  it('deletes the selected item', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['kolwezi']} actions={actions} readOnly={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(actions.deleteItems).toHaveBeenCalledWith(['kolwezi']);
  });

  it('shows the count of a multi-selection and deletes them all', async () => {
    const actions = mockActions();
    await renderIn(<Inspector board={sample} selection={['kolwezi', 'e1', 'd1']} actions={actions} readOnly={false} />);
    const inspector = screen.getByRole('complementary', { name: 'Inspector' });
    expect(within(inspector).getByText('3 items selected')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all' }));
    expect(actions.deleteItems).toHaveBeenCalledWith(['kolwezi', 'e1', 'd1']);
  });

  it('offers no delete all to a viewer', async () => {
    await renderIn(<Inspector board={sample} selection={['kolwezi', 'e1']} actions={mockActions()} readOnly />);
    expect(screen.getByText('2 items selected')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete all' })).toBeNull();
  });
});
