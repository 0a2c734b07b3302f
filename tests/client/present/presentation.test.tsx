/** Presentation: the slide deck model, following, and PresentationView (full screen, read-only slide, key figures, keys). */
import { readFileSync } from 'node:fs';
import { fireEvent, screen } from '@testing-library/react';
import { renderIn } from '../../utils/intl';
import type { Locale } from '../../../client/i18n/locales';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keyFigures, PresentationView, type Slide } from '../../../client/present/PresentationView';
import { followView, nextFollowing, type PresenceView } from '../../../client/presence/follow';
import { atEnds, createDeck, currentSlide, goTo, inView, moveSlide, nextSlide, prevSlide, slideView, toggleSlide } from '../../../client/present/slides';
import type { Board } from '../../../shared/board/types';
import { computeExposure } from '../../../shared/exposure/engine';

const seed = JSON.parse(readFileSync('seeds/africa-corridors.json', 'utf8')) as Board;
const pulled: Board = { ...seed, scenario: { ...seed.scenario, disruptions: seed.scenario.disruptions.map((d) => ({ ...d, enabled: true })) } };
const slides: Slide[] = [
  { name: 'Baseline', board: seed, exposure: computeExposure(seed) },
  { name: 'Every lever pulled', board: pulled, exposure: computeExposure(pulled) },
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('slide deck', () => {
  it('steps within the deck and stays at its ends', () => {
    let deck = createDeck(['a', 'b', 'a', 'c']);
    expect(deck).toEqual({ ids: ['a', 'b', 'c'], index: 0 });
    expect(prevSlide(deck)).toBe(deck);
    deck = nextSlide(nextSlide(nextSlide(deck)));
    expect(currentSlide(deck)).toBe('c');
    expect(atEnds(deck)).toEqual({ first: false, last: true });
    expect(goTo(deck, -4).index).toBe(0);
    expect(currentSlide(createDeck([]))).toBeNull();
  });

  it('keeps the same slide on screen when slides are added, removed or moved', () => {
    const deck = goTo(createDeck(['a', 'b', 'c']), 1);
    expect(toggleSlide(deck, 'd')).toEqual({ ids: ['a', 'b', 'c', 'd'], index: 1 });
    expect(toggleSlide(deck, 'a')).toEqual({ ids: ['b', 'c'], index: 0 });
    expect(toggleSlide(deck, 'b')).toEqual({ ids: ['a', 'c'], index: 1 });
    expect(moveSlide(deck, 'b', -1)).toEqual({ ids: ['b', 'a', 'c'], index: 0 });
    expect(moveSlide(deck, 'c', 5)).toBe(deck);
  });
});

describe('the view of a slide', () => {
  it('is the one it was presented in; older slides without one are on the canvas', () => {
    expect(slideView({})).toBe('canvas');
    const slide: { name: string; view?: 'canvas' | 'map' } = { name: 'a' };
    expect(slideView(inView(slide, 'map'))).toBe('map');
    expect(inView(slide, 'canvas')).toEqual({ name: 'a' });
  });
});

describe('following', () => {
  const ana: PresenceView = { clientId: 1, name: 'Ana', viewport: { x: 10, y: 20, zoom: 1.5 }, presenting: { snapshotId: 's2', index: 1, count: 2 }, summon: 0 };
  const ben: PresenceView = { clientId: 2, name: 'Ben', viewport: { x: 0, y: 0, zoom: 1 }, presenting: null, summon: 0 };

  it('shows the followed person\'s viewport and, when presenting, their slide', () => {
    expect(followView([ana, ben], 1)).toEqual({ kind: 'follow', clientId: 1, name: 'Ana', viewport: ana.viewport, slide: { snapshotId: 's2', index: 1, count: 2 }, view: 'canvas', mapViewport: null });
    const onMap = { ...ben, view: 'map' as const, mapViewport: { lon: 10, lat: 45, zoom: 4 } };
    expect(followView([onMap], 2)).toMatchObject({ kind: 'follow', view: 'map', mapViewport: { lon: 10, lat: 45, zoom: 4 } });
    expect(followView([ana, ben], 2)).toMatchObject({ kind: 'follow', name: 'Ben', slide: null });
    expect(followView([ben], 1)).toEqual({ kind: 'free' });
    expect(followView([ana], null)).toEqual({ kind: 'free' });
  });

  it('"bring everyone to me" makes the others follow the summoner, but not themselves or newcomers', () => {
    const first = nextFollowing([ana, ben], 3, null, new Map());
    expect(first.following).toBeNull();
    const summoned = nextFollowing([{ ...ana, summon: 1 }, ben], 3, null, first.seen);
    expect(summoned.following).toBe(1);
    expect(nextFollowing([{ ...ana, summon: 1 }, ben], 3, 2, summoned.seen).following).toBe(2);
    expect(nextFollowing([{ ...ana, summon: 2 }], 1, null, new Map([[1, 1]])).following).toBeNull();
    expect(nextFollowing([ben], 3, 1, summoned.seen).following).toBeNull();
  });
});

describe('PresentationView', () => {
  const show = async (index = 0, locale: Locale = 'en') => {
    const props = { slides, index, onIndex: vi.fn(), onExit: vi.fn() };
    const view = await renderIn(<PresentationView {...props} />, locale);
    return { props, view };
  };

  it('asks for full screen and leaves it on exit', async () => {
    const request = vi.fn(async function (this: HTMLElement) {
      Object.defineProperty(document, 'fullscreenElement', { configurable: true, value: this });
      document.dispatchEvent(new Event('fullscreenchange'));
    });
    HTMLElement.prototype.requestFullscreen = request;
    Object.defineProperty(document, 'fullscreenEnabled', { configurable: true, value: true });
    const exit = vi.fn(async () => undefined);
    document.exitFullscreen = exit;
    const { props, view } = await show();
    expect(request).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    // The person pressed Escape in full screen: the browser leaves it, the presentation ends.
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, value: null });
    document.dispatchEvent(new Event('fullscreenchange'));
    expect(props.onExit).toHaveBeenCalledTimes(1);
    view.unmount();
    delete (HTMLElement.prototype as Partial<HTMLElement>).requestFullscreen;
    delete (document as Partial<Document>).exitFullscreen;
    for (const key of ['fullscreenEnabled', 'fullscreenElement']) Reflect.deleteProperty(document, key);
  });

  it('shows the slide read-only with its name, position and the key figures of the most exposed consumers', async () => {
    await show(1);
    expect(screen.getByRole('heading', { name: 'Every lever pulled' })).toBeTruthy();
    expect(screen.getByText('2 / 2')).toBeTruthy();
    expect(document.querySelectorAll('.react-flow__node').length).toBe(pulled.nodes.length);
    expect(document.querySelector('.react-flow__node.draggable')).toBeNull();
    const { rows } = keyFigures(slides[1]);
    const worst = rows[0];
    expect(worst.c.shortfallPct).toBeGreaterThan(0);
    const row = screen.getByTestId(`slide-figure-${worst.mineral}-${worst.id}`);
    expect(row.querySelector('[data-field="delivered"]')?.getAttribute('data-value')).toBe(JSON.stringify(worst.c.delivered));
    expect(row.querySelector('[data-field="shortfallPct"]')?.getAttribute('data-value')).toBe(JSON.stringify(worst.c.shortfallPct));
    expect(row.querySelector('[data-field="survives"]')?.getAttribute('data-value')).toBe(JSON.stringify(worst.c.survives));
  });

  it('steps with the buttons and the keyboard, and exits with Escape', async () => {
    const { props } = await show(0);
    fireEvent.click(screen.getByRole('button', { name: 'Next →' }));
    expect(props.onIndex).toHaveBeenLastCalledWith(1);
    expect((screen.getByRole('button', { name: '← Previous' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(props.onIndex).toHaveBeenLastCalledWith(1);
    fireEvent.keyDown(window, { key: 'End' });
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(props.onIndex).toHaveBeenCalledTimes(3);
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(props.onExit).toHaveBeenCalledTimes(1);
  });

  it('says who is being followed', async () => {
    const onIndex = vi.fn();
    const onExit = vi.fn();
    await renderIn(<PresentationView slides={[slides[1]]} index={0} onIndex={onIndex} onExit={onExit} followingName="Ana" follow={{ x: 0, y: 0, zoom: 1 }} position={{ index: 3, count: 5 }} />);
    expect(screen.getByText('Following Ana')).toBeTruthy();
    // The presenter's place in their deck, and no stepping of one's own.
    expect(screen.getByText('4 / 5')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next →' })).toBeNull();
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(onIndex).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Stop following' }));
    expect(onExit).toHaveBeenCalledTimes(1);
  });
});

describe('PresentationView in Italian', () => {
  it('names the slide\'s parts, steps and figures in Italian with Italian numbers', async () => {
    const { rows } = keyFigures(slides[1]);
    const big = rows.find((r) => r.c.delivered >= 1000);
    await renderIn(<PresentationView slides={slides} index={1} onIndex={vi.fn()} onExit={vi.fn()} onSummon={vi.fn()} />, 'it');
    expect(screen.getByRole('dialog', { name: 'Presentazione' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '← Precedente' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Esci dalla presentazione' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Porta qui tutti' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Utilizzatore' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Resiste' })).toBeTruthy();
    const pulledCount = pulled.scenario.disruptions.length;
    expect(screen.getByText(new RegExp(pulledCount === 1 ? '1 leva attivata' : `${pulledCount} leve attivate`))).toBeTruthy();
    expect(big, 'a consumer receiving at least 1,000 t').toBeDefined();
    const cell = screen.getByTestId(`slide-figure-${big!.mineral}-${big!.id}`).querySelector('[data-field="delivered"]')!;
    // Italian grouping and decimal marks: "1.234 t", never "1,234 t".
    expect(cell.textContent).toMatch(/^\d{1,3}(\.\d{3})+ t$/);
  });
});
