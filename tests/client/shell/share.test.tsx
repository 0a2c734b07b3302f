import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareMenu } from '../../../client/shell/ShareMenu';
import { renderIn } from '../../utils/intl';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const LINKS = {
  tokens: { facilitator: 'lt1.f.s', editor: 'lt1.e.s', viewer: 'lt1.v.s' },
  links: { facilitator: '/b/b1?token=lt1.f.s', editor: '/b/b1?token=lt1.e.s', viewer: '/b/b1?token=lt1.v.s' },
};

function setClipboard(clipboard: unknown) {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setClipboard(undefined);
});

describe('ShareMenu', () => {
  it('shows the facilitator, editor and viewer links as absolute URLs with what each role can do', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => json(200, LINKS));
    vi.stubGlobal('fetch', fetch);
    await renderIn(<ShareMenu boardId="b1" token="lt1.f.s" role="facilitator" />);
    expect(screen.queryByRole('region', { name: 'Share this board' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));

    for (const [label, token] of [['Facilitator link', 'lt1.f.s'], ['Editor link', 'lt1.e.s'], ['Viewer link', 'lt1.v.s']]) {
      expect(((await screen.findByLabelText(label)) as HTMLInputElement).value).toBe(`${location.origin}/b/b1?token=${token}`);
    }
    expect(screen.getByTestId('share-viewer').textContent).toMatch(/without changing anything/);
    expect(screen.getByTestId('share-editor').textContent).toMatch(/add and change nodes/);
    expect(fetch.mock.calls[0][0]).toBe('/api/boards/b1/links');
    expect((fetch.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBe('Bearer lt1.f.s');
  });

  it('copies a link to the clipboard', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, LINKS)));
    const writeText = vi.fn(async () => undefined);
    setClipboard({ writeText });
    await renderIn(<ShareMenu boardId="b1" token="lt1.f.s" role="facilitator" />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy editor link' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(`${location.origin}/b/b1?token=lt1.e.s`));
    expect(await screen.findByText('Copied')).toBeTruthy();
  });

  it('selects the text for Ctrl+C when there is no clipboard', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, LINKS)));
    setClipboard(undefined);
    await renderIn(<ShareMenu boardId="b1" token="lt1.f.s" role="facilitator" />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy viewer link' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/press Ctrl\+C/);
    const field = screen.getByLabelText('Viewer link') as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    expect(field.selectionEnd! - field.selectionStart!).toBe(field.value.length);
  });

  it("shows the server's sentence when the links cannot be fetched", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { error: 'This access token has expired; ask for a new link.' })));
    await renderIn(<ShareMenu boardId="b1" token="lt1.f.s" role="facilitator" />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/expired/);
  });

  it('gives an editor only this page link and says only the facilitator hands out others', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    await renderIn(<ShareMenu boardId="b1" token="lt1.e.s" role="editor" />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    const panel = within(screen.getByRole('region', { name: 'Share this board' }));
    expect((panel.getByLabelText("This page's link") as HTMLInputElement).value).toBe(`${location.origin}/b/b1?token=lt1.e.s`);
    expect(panel.getByText(/Only the facilitator can hand out other links/)).toBeTruthy();
    expect(panel.queryByLabelText('Viewer link')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('closes on Escape', async () => {
    await renderIn(<ShareMenu boardId="b1" token="lt1.v.s" role="viewer" />);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Share this board' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Share' }).getAttribute('aria-expanded')).toBe('false');
  });
});
