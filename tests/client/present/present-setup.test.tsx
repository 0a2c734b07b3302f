/** PresentSetup: choosing and ordering the slides, with fetch answering the snapshot list. */
import { fireEvent, screen, within } from '@testing-library/react';
import { renderIn } from '../../utils/intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresentSetup } from '../../../client/present/PresentSetup';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const snapshots = ['Baseline', 'Gallium ban', 'Price floor'].map((name, i) => ({ id: `s${i + 1}`, name, author: 'Ana', createdAt: '2025-03-01T12:00:00Z' }));

afterEach(() => vi.unstubAllGlobals());

describe('PresentSetup', () => {
  it('offers every snapshot as a slide, oldest first; slides can be reordered and left out before starting', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { snapshots })));
    const onStart = vi.fn();
    await renderIn(<PresentSetup boardId="b1" token="fac.tok" onStart={onStart} />);
    fireEvent.click(screen.getByRole('button', { name: 'Present…' }));
    const list = await screen.findByRole('list', { name: 'Slides' });
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('.ls-fac-slides__name')?.textContent)).toEqual(['Baseline', 'Gallium ban', 'Price floor']);
    fireEvent.click(screen.getByRole('button', { name: 'Move Price floor earlier' }));
    fireEvent.click(screen.getByRole('button', { name: 'Leave out Baseline' }));
    expect(screen.getByRole('button', { name: '+ Baseline' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start presentation (2 slides)' }));
    expect(onStart).toHaveBeenCalledWith(['s3', 's2']);
  });

  it('says what to do when there are no snapshots, and cannot start', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { snapshots: [] })));
    await renderIn(<PresentSetup boardId="b1" token="fac.tok" onStart={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Present…' }));
    expect(await screen.findByText(/Save a snapshot first/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Start presentation (0 slides)' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows the server's sentence when the list cannot be read", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(403, { error: 'This needs the facilitator link; yours is a editor link.' })));
    await renderIn(<PresentSetup boardId="b1" token="ed.tok" onStart={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Present…' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/facilitator link/);
  });
});

describe('PresentSetup in Italian', () => {
  it('counts the slides in Italian', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { snapshots: snapshots.slice(0, 1) })));
    await renderIn(<PresentSetup boardId="b1" token="fac.tok" onStart={vi.fn()} />, 'it');
    fireEvent.click(screen.getByRole('button', { name: 'Presenta…' }));
    expect(await screen.findByRole('button', { name: 'Avvia la presentazione (1 diapositiva)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Escludi Baseline' })).toBeTruthy();
  });
});
