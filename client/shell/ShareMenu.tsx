/** The Share button and its panel (loaded when first opened, see SharePanel): Escape and a click outside close it. */
import { useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Role } from '../state/types';
import { lazyPart } from './lazy-part';
import type { SharePanelProps } from './SharePanel';
import './shell.css';

/** Props of ShareMenu. */
export interface ShareMenuProps {
  boardId: string;
  token: string;
  role: Role;
}

/** The panel, in its own chunk: the links and their fetchers are not needed to draw the board. */
const SharePanel = lazyPart<SharePanelProps>(async () => (await import('./SharePanel')).SharePanel);

/** The share menu. */
export function ShareMenu({ boardId, token, role }: ShareMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id: `shell.share.${id}` });

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onPointer);
    };
  }, [open]);

  return (
    <div className="ls-shell ls-share" ref={root}>
      <button ref={button} type="button" className="ls-button ls-button--primary" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen((o) => !o)}>
        {t('button')}
      </button>
      {open && (
        <div id={panelId} className="ls-popover ls-share__panel" role="region" aria-label={t('panel')}>
          <SharePanel boardId={boardId} token={token} role={role} />
        </div>
      )}
    </div>
  );
}
