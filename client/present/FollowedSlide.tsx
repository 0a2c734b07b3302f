/** A followed presenter's slide, full screen: fetched from the server while they present it. */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { apiErrorMessage } from '../api/error-message';
import type { Presenting, ViewCenter } from '../../shared/presence/presence';
import { PresentationView } from '../views/lazy-parts';
import type { Slide } from './PresentationView';
import { getSlide } from '../snapshots/snapshot-api';
import { inView } from './slides';

/** Props of FollowedSlide. */
export interface FollowedSlideProps {
  boardId: string;
  token: string;
  name: string;
  slide: Presenting;
  viewport: ViewCenter | null;
  onStop(): void;
}

const RETRY_MS = 600;
const NO_OP = () => undefined;

/** Shows the presenter's current slide; a sentence while it loads or when it cannot be read. */
export function FollowedSlide({ boardId, token, name, slide, viewport, onStop }: FollowedSlideProps) {
  const intl = useIntl();
  const [cache, setCache] = useState<ReadonlyMap<string, Slide>>(new Map());
  const [shown, setShown] = useState<{ slide: Slide; at: Presenting } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = slide.snapshotId;
  const cached = cache.get(id);
  // Until the next slide arrives, the last one stays on screen (no flash of a loading page between slides).
  useEffect(() => {
    if (cached) setShown({ slide: cached, at: slide });
  }, [cached, slide.snapshotId, slide.index, slide.count]);
  useEffect(() => {
    if (cache.has(id)) return;
    const abort = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    setError(null);
    // The awareness that announced the slide may reach us before the server that answers has it: one retry.
    const load = (attempt: number) =>
      getSlide(boardId, token, id, abort.signal, intl).then(
        (detail) => setCache((before) => new Map(before).set(id, detail)),
        (e: Error) => {
          if (abort.signal.aborted) return;
          if (attempt === 0) retry = setTimeout(() => void load(1), RETRY_MS);
          else setError(apiErrorMessage(intl, e, 'snapshots.timeline.loadFailed'));
        },
      );
    void load(0);
    return () => {
      abort.abort();
      clearTimeout(retry);
    };
    // The cache is read, not watched: a fetched slide must not start another fetch.
  }, [boardId, token, id, intl]);

  if (!shown || (error && !cached)) {
    return (
      <div className="ls-shell ls-fac-present" role="dialog" aria-modal="true" aria-label={intl.formatMessage({ id: 'present.slide.label' })}>
        <main className="ls-fac-present__body ls-fac-present__wait">
          <p role={error ? 'alert' : 'status'}>{error ?? intl.formatMessage({ id: 'present.follow.loading' }, { name })}</p>
          <button type="button" className="ls-button" onClick={onStop}>{intl.formatMessage({ id: 'present.slide.stopFollowing' })}</button>
        </main>
      </div>
    );
  }
  return (
    <PresentationView slides={[inView(shown.slide, shown.at.view ?? 'canvas')]} index={0} onIndex={NO_OP} onExit={onStop} followingName={name}
      follow={viewport} position={{ index: shown.at.index, count: shown.at.count }} />
  );
}
