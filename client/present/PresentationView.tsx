/**
 * Presentation mode: full screen and read-only, one snapshot per slide: the canvas plus each consumer's key
 * exposure figures and a shortfall chart. Arrow keys, Page Up/Down, Space, Home and End step; Escape (or
 * leaving full screen) exits.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { Bar, BarChart, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { Board } from '../../shared/board/types';
import type { ExposureReport } from '../../shared/exposure/types';
import type { BoardView, ViewCenter } from '../../shared/presence/presence';
import { MapView } from '../views/lazy-parts';
import { slideView } from './slides';
import { ViewportSync } from '../presence/ViewportSync';
import { mineralColor } from '../state/look';
import { useFormats } from '../i18n/format';
import { ConsumerTick } from '../shell/ConsumerTick';
import { StaticBoard } from '../snapshots/StaticBoard';
import '../shell/shell.css';
import './present.css';
import '../shell/tool-panel.css';

/** One slide: a snapshot's name, board and exposure, and the view it was presented in (absent: the canvas). */
export interface Slide {
  name: string;
  board: Board;
  exposure: ExposureReport;
  view?: BoardView;
}

/** Props of PresentationView. */
export interface PresentationViewProps {
  slides: readonly Slide[];
  index: number;
  onIndex(index: number): void;
  onExit(): void;
  /** Following a presenter: their view of the slide (null: fitted). */
  follow?: ViewCenter | null;
  /** The presenter's own pans and zooms, to publish to followers. */
  onViewportChange?(center: ViewCenter): void;
  /** Following someone ("Following Ana"): the slides are theirs, so there is no stepping; exit stops following. */
  followingName?: string;
  /** The place in the presenter's deck, when `slides` holds only the slide shown (followers). */
  position?: { index: number; count: number };
  /** "Bring everyone here": followers switch to this presentation. */
  onSummon?(): void;
}

/** Consumers shown with figures on a slide (most exposed first). */
export const SLIDE_FIGURES = 8;

/** The most exposed consumer-mineral pairs of a report, largest shortfall share first. */
export function keyFigures(slide: Slide, limit = SLIDE_FIGURES) {
  const labels = new Map(slide.board.nodes.map((n) => [n.id, n.label]));
  const rows = Object.entries(slide.exposure.minerals).flatMap(([mineral, m]) =>
    Object.entries(m.consumers).map(([id, c]) => ({ mineral, id, label: labels.get(id) ?? id, c })),
  );
  rows.sort((a, b) => b.c.shortfallPct - a.c.shortfallPct || a.label.localeCompare(b.label) || a.mineral.localeCompare(b.mineral));
  return { rows: rows.slice(0, limit), total: rows.length };
}

/** "no levers pulled", "1 lever pulled", "3 levers pulled". */
function leversPulled(intl: IntlShape, board: Board): string {
  const count = board.scenario.disruptions.filter((d) => d.enabled).length;
  return intl.formatMessage({ id: 'present.slide.leversPulled' }, { count });
}

function useFullscreen(root: RefObject<HTMLElement | null>, onExit: () => void): void {
  const exit = useRef(onExit);
  exit.current = onExit;
  useEffect(() => {
    const el = root.current;
    if (!el || typeof el.requestFullscreen !== 'function' || document.fullscreenEnabled === false) return;
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement === el) entered = true;
      else if (entered) exit.current();
    };
    document.addEventListener('fullscreenchange', onChange);
    // Refused without a user gesture or by policy: the overlay still fills the window.
    el.requestFullscreen().catch(() => undefined);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement === el) void document.exitFullscreen?.().catch(() => undefined);
    };
  }, [root]);
}

/** The presentation overlay. */
export function PresentationView({ slides, index, onIndex, onExit, follow, onViewportChange, followingName, position, onSummon }: PresentationViewProps) {
  const intl = useIntl();
  const f = useFormats();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `present.slide.${id}` }, values);
  const root = useRef<HTMLDivElement>(null);
  useFullscreen(root, onExit);
  const count = slides.length;
  const at = Math.min(Math.max(0, index), Math.max(0, count - 1));
  const slide = slides[at];
  const following = followingName !== undefined;
  const shown = position ?? { index: at, count };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The target is the window itself when nothing has focus.
      const target = event.target;
      if (target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.key === 'Escape') return onExit();
      if (following) return;
      const go = (i: number) => {
        event.preventDefault();
        if (i !== at && i >= 0 && i < count) onIndex(i);
      };
      if (['ArrowRight', 'PageDown', ' '].includes(event.key)) go(at + 1);
      else if (['ArrowLeft', 'PageUp'].includes(event.key)) go(at - 1);
      else if (event.key === 'Home') go(0);
      else if (event.key === 'End') go(count - 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [at, count, onIndex, onExit, following]);

  useEffect(() => root.current?.focus(), []);

  const figures = slide ? keyFigures(slide) : { rows: [], total: 0 };
  // The axis shows labels of at most 20 characters; the tooltip names the consumer in full.
  const chart = figures.rows.map((r) => ({ name: `${r.label} · ${r.mineral}`, short: 100 * r.c.shortfallPct, mineral: r.mineral }));
  const parts = new Map(figures.rows.map((r) => [`${r.label} · ${r.mineral}`, { consumer: r.label, mineral: r.mineral }]));

  return (
    <div ref={root} className="ls-shell ls-fac-present" role="dialog" aria-modal="true" aria-label={t('label')} tabIndex={-1} data-index={shown.index} data-slide={slide?.name}>
      <header className="ls-fac-present__head">
        <h1 className="ls-fac-present__title">{slide?.name ?? t('none')}</h1>
        {followingName && <span className="ls-fac-present__follow">{t('following', { name: followingName })}</span>}
        <span className="ls-fac-present__count" aria-live="polite">{t('position', { index: shown.count === 0 ? 0 : shown.index + 1, count: shown.count })}</span>
      </header>
      {slide ? (
        <main className="ls-fac-present__body">
          <div className="ls-fac-present__canvas">
            {slideView(slide) === 'map' ? (
              <MapView key={`${shown.index}-${slide.name}`} board={slide.board} exposure={slide.exposure} editable={false} label={t('board', { name: slide.name })} />
            ) : (
              <StaticBoard key={`${shown.index}-${slide.name}`} board={slide.board} exposure={slide.exposure} controls={false} aria-label={t('board', { name: slide.name })}>
                <ViewportSync publish={onViewportChange} follow={follow} />
              </StaticBoard>
            )}
          </div>
          <aside className="ls-fac-present__figures" aria-label={t('figures')}>
            <p className="ls-muted">{t('scenario', { name: slide.board.scenario.name, levers: leversPulled(intl, slide.board) })}</p>
            {figures.rows.length === 0 ? (
              <p className="ls-muted">{t('noConsumers')}</p>
            ) : (
              <table className="ls-fac-table">
                <thead>
                  <tr><th scope="col">{t('col.consumer')}</th><th scope="col">{t('col.delivered')}</th><th scope="col">{t('col.short')}</th><th scope="col">{t('col.survives')}</th></tr>
                </thead>
                <tbody>
                  {figures.rows.map(({ mineral, id, label, c }) => (
                    <tr key={`${mineral}-${id}`} data-testid={`slide-figure-${mineral}-${id}`} className={c.survives ? undefined : 'ls-fac-delta--worse'}>
                      <th scope="row" title={`${label} · ${mineral}`}>
                        <span className="ls-fac-present__who">
                          <span className="ls-fac-present__name">{label}</span>
                          <span className="ls-fac-present__mineral"><span className="swatch" style={{ background: mineralColor(mineral) }} aria-hidden="true" /> {mineral}</span>
                        </span>
                      </th>
                      <td data-field="delivered" data-value={JSON.stringify(c.delivered)}>{f.tonnes(c.delivered)}</td>
                      <td data-field="shortfallPct" data-value={JSON.stringify(c.shortfallPct)}>{f.percent(c.shortfallPct)}</td>
                      <td data-field="survives" data-value={JSON.stringify(c.survives)}>{t(c.stockDays === null ? 'noShortfall' : c.survives ? 'yes' : 'no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {figures.total > figures.rows.length && <p className="ls-muted">{t('mostExposed', { shown: figures.rows.length, total: figures.total })}</p>}
            {chart.some((r) => r.short > 0) && (
              <div data-testid="slide-chart">
              <BarChart layout="vertical" data={chart} responsive style={{ width: '100%', height: 28 * chart.length + 28 }} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
                <XAxis type="number" domain={[0, 100]} fontSize={11} tickFormatter={(v: number) => f.percent(v / 100)} />
                <YAxis type="category" dataKey="name" width={136} fontSize={11} tickLine={false} interval={0} tick={<ConsumerTick parts={parts} />} />
                <Tooltip formatter={(value) => intl.formatNumber(Number(value) / 100, { style: 'percent', maximumFractionDigits: 1 })} />
                <Bar dataKey="short" name={t('shortfall')} isAnimationActive={false}>
                  {chart.map((r) => <Cell key={r.name} fill={mineralColor(r.mineral)} />)}
                </Bar>
              </BarChart>
              </div>
            )}
          </aside>
        </main>
      ) : (
        <main className="ls-fac-present__body"><p className="ls-muted">{t('choose')}</p></main>
      )}
      <footer className="ls-fac-present__foot">
        {!following && (
          <>
            <button type="button" className="ls-button" onClick={() => onIndex(at - 1)} disabled={at <= 0}>{t('previous')}</button>
            <button type="button" className="ls-button ls-button--primary" onClick={() => onIndex(at + 1)} disabled={at >= count - 1}>{t('next')}</button>
          </>
        )}
        {onSummon && <button type="button" className="ls-button" onClick={onSummon} title={t('summonHint')}>{t('summon')}</button>}
        <button type="button" className="ls-button ls-button--quiet" onClick={onExit}>{t(following ? 'stopFollowing' : 'exit')}</button>
      </footer>
    </div>
  );
}
