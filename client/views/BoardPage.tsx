/** The board page: canvas in the middle; exposure, levers and inspector on the side; people and status on top. */
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Canvas } from '../canvas/Canvas';
import { SHORTCUTS } from '../canvas/shortcuts';
import { useFollowing } from '../presence/use-following';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { apiErrorMessage } from '../api/error-message';
import { ConnectionBanner } from '../shell/ConnectionBanner';
import { useBoardSession } from '../sync/use-board-session';
import { useExposure } from '../state/use-exposure';
import type { Me } from '../sync/board-session';
import { addStock } from './add-stock';
import { BoardTitle } from './BoardTitle';
import { ExposurePanel, FacilitatorTab, FollowedSlide, HelpDialog, Inspector, LeversPanel, LostEditsNotice, MapView, PresentationView, WorkshopBar } from './lazy-parts';
import { useBoardView } from './use-board-view';
import { ViewToggle } from './ViewToggle';
import type { BoardView } from '../../shared/presence/presence';
import { publishTestHooks } from './test-hooks';
import { usePresenter } from './use-presenter';
import { useSidePanel } from './use-side-panel';
import { ActivityToasts, CommentBadge, PeopleList, SelectionComments, ShareMenu, ViewportSync } from './lazy-board-extras';
import './board-page.css';

const NO_PEERS: never[] = [];

type Tab = 'exposure' | 'levers' | 'inspect' | 'facilitator';

/** A board opened with a share-link token, as `me`. */
export function BoardPage({ boardId, token, me }: { boardId: string; token: string; me: Me }) {
  const { state, actions, session } = useBoardSession(boardId, token, me);
  const intl = useIntl();
  const say = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `views.board.${id}` }, values);
  const exposure = useExposure(state?.loaded ? state.board : null);
  const [selection, setSelection] = useState<string[]>([]);
  const [sideCollapsed, setSideCollapsed] = useSidePanel();
  const dismissActivity = useCallback((id: string) => session?.dismissActivity(id), [session]);
  const [focus, setFocus] = useState<{ id: string; nonce: number } | null>(null);
  const [tab, setTab] = useState<Tab>('exposure');
  const [help, setHelp] = useState(false);
  const presence = session?.presence ?? null;
  const presenter = usePresenter(boardId, token, presence);
  const { view: followed, following, follow } = useFollowing(state?.peers ?? NO_PEERS, presenter.presentation === null);
  const stopFollowing = useCallback(() => follow(null), [follow]);
  const onUserMove = useCallback(() => {
    if (following !== null) follow(null);
  }, [following, follow]);
  // Canvas or map: my own choice, or while I follow someone (not presenting), theirs.
  const [myView, setMyView] = useBoardView();
  const view: BoardView = followed.kind === 'follow' && !followed.slide ? followed.view : myView;
  const chooseView = useCallback((next: BoardView) => {
    setMyView(next);
    if (following !== null) follow(null);
  }, [setMyView, following, follow]);
  useEffect(() => presence?.setView(view), [presence, view]);

  useEffect(() => {
    // The token is no longer in the address bar (board-token.ts): the link is rebuilt from it. The list of known
    // boards is the landing page's; it comes in its own chunk, not with the board page's first scripts.
    if (!state?.loaded) return;
    const { title } = state.board;
    const { role } = state;
    void import('../shell/known-boards').then(({ remember }) => remember(boardId, title, role, `/b/${boardId}?token=${encodeURIComponent(token)}`));
  }, [boardId, token, state?.loaded, state?.board.title, state?.role]);
  useEffect(() => {
    publishTestHooks({ session, actions, state, exposure });
  }, [session, actions, state, exposure]);

  const select = useCallback((ids: string[]) => {
    setSelection(ids);
    if (ids.length > 0) setTab('inspect');
  }, []);
  const focusNode = useCallback((id: string) => {
    setSelection([id]);
    setFocus({ id, nonce: Date.now() });
  }, []);

  if (!state || !actions) return <div className="board-loading">{say('opening')}</div>;
  const readOnly = state.role === 'viewer';
  const tabs: Tab[] = state.role === 'facilitator' ? ['exposure', 'levers', 'inspect', 'facilitator'] : ['exposure', 'levers', 'inspect'];
  return (
    <div className="board-page" data-role={state.role}>
      <header className="board-header">
        <a className="board-home" href="/" aria-label={say('allBoards')}>Lodestone</a>
        <BoardTitle title={state.board.title} readOnly={readOnly} onRename={actions.setTitle} />
        {readOnly && <span className="board-readonly">{say('viewOnly')}</span>}
        <div className="board-header-spacer" />
        <WorkshopBar session={session} boardId={boardId} token={token} role={state.role} board={state.board} me={me.name} />
        <ConnectionBanner status={state.status} message={state.message} loaded={state.loaded} synced={state.synced} />
        <ViewToggle view={view} onChange={chooseView} />
        <LanguageSwitch />
        <PeopleList me={me} peers={state.peers} onFollow={follow} following={following} />
        {state.role === 'facilitator' && presence && (
          <button type="button" className="ls-button board-summon" onClick={presence.summon} title={say('summonTitle')}>
            {say('summon')}
          </button>
        )}
        {!readOnly && (
          <span className="board-history">
            <button type="button" onClick={actions.undo} disabled={!state.canUndo} aria-label={say('undo')}>↶</button>
            <button type="button" onClick={actions.redo} disabled={!state.canRedo} aria-label={say('redo')}>↷</button>
          </span>
        )}
        <button type="button" className="board-help" onClick={() => setHelp(true)} aria-label={say('help')}>?</button>
        <ShareMenu boardId={boardId} token={token} role={state.role} />
      </header>
      <div className="board-body">
        <main className="board-canvas">
          {followed.kind === 'follow' && (
            <div className="board-following" role="status">
              {say('following', { name: followed.name })} <button type="button" className="ls-button ls-button--small" onClick={stopFollowing}>{say('stopFollowing')}</button>
            </div>
          )}
          {state.loaded && view === 'map' ? (
            <MapView board={state.board} exposure={exposure.report} reroutePending={exposure.adaptedPending} actions={actions} editable={!readOnly} peers={state.peers}
              selection={selection} onSelectionChange={select} focus={focus} presence={presence} onUserMove={onUserMove}
              follow={followed.kind === 'follow' && !followed.slide ? followed.mapViewport : undefined} />
          ) : state.loaded ? (
            <Canvas state={state} actions={actions} exposure={exposure.report} reroutePending={exposure.adaptedPending} selection={selection} onSelectionChange={select} focus={focus} onHelp={() => setHelp(true)}>
              <ViewportSync publish={presence?.setViewport} follow={followed.kind === 'follow' && !followed.slide ? followed.viewport : undefined} onUserMove={onUserMove} />
            </Canvas>
          ) : (
            <div className="board-loading">{state.status === 'refused' ? say('refused') : say('loading')}</div>
          )}
        </main>
        {sideCollapsed ? (
          <aside className="board-side board-side--collapsed" aria-label={say('sideHidden')}>
            <button type="button" className="board-side-toggle" onClick={() => setSideCollapsed(false)} aria-label={say('showSide')} title={say('showSideTitle')}>
              «<span className="board-side-toggle__text">{say('panel')}</span>
            </button>
          </aside>
        ) : (
        <aside className="board-side">
          <nav className="board-tabs" role="tablist">
            {tabs.map((t) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
                {intl.formatMessage({ id: `views.tab.${t}` })}
                {t === 'inspect' && <CommentBadge session={session} board={state.board} selection={selection} />}
              </button>
            ))}
            <button type="button" className="board-side-toggle board-side-toggle--hide" onClick={() => setSideCollapsed(true)} aria-label={say('hideSide')} title={say('hideSideTitle')}>»</button>
          </nav>
          <div className="board-tab-body" role="tabpanel">
            {tab === 'exposure' && (
              <ExposurePanel exposure={exposure} board={state.board} onSelectNode={focusNode}
                onAddStock={state.role === 'facilitator' ? (id, mineral, t) => addStock(state.board, actions, id, mineral, t) : undefined} />
            )}
            {tab === 'levers' && <LeversPanel board={state.board} actions={actions} readOnly={readOnly} onEdit={(id) => select([id])} />}
            {tab === 'inspect' && <Inspector board={state.board} selection={selection} actions={actions} readOnly={readOnly} />}
            {tab === 'inspect' && <SelectionComments session={session} board={state.board} selection={selection} role={state.role} me={me} />}
            {tab === 'facilitator' && (
              <FacilitatorTab boardId={boardId} token={token} board={state.board} exposure={exposure.report} actions={actions} author={me.name}
                canvas={() => document.querySelector<HTMLElement>('.board-canvas .react-flow')} onPresent={(ids) => void presenter.start(ids, view)} presenting={presenter.loading} />
            )}
          </div>
        </aside>
        )}
      </div>
      {tab === 'facilitator' && presenter.error !== null && <p role="alert" className="board-present-error">{apiErrorMessage(intl, presenter.error, 'views.board.slidesFailed')}</p>}
      {presenter.presentation && (
        <PresentationView slides={presenter.presentation.slides} index={presenter.presentation.deck.index} onIndex={presenter.step} onExit={presenter.exit}
          onViewportChange={presence?.setViewport} onSummon={presence?.summon} />
      )}
      {!presenter.presentation && followed.kind === 'follow' && followed.slide && (
        <FollowedSlide boardId={boardId} token={token} name={followed.name} slide={followed.slide} viewport={followed.viewport} onStop={stopFollowing} />
      )}
      {state.lostEdits && state.lostEdits.length > 0 && <LostEditsNotice lost={state.lostEdits} onDismiss={() => session?.dismissLostEdits()} />}
      <ActivityToasts notices={state.activity} watchingLever={(id) => tab === 'levers' || selection.includes(id)} onUndo={actions.undo} onDismiss={dismissActivity} />
      {help && <HelpDialog open onClose={() => setHelp(false)} shortcuts={SHORTCUTS} />}
    </div>
  );
}
