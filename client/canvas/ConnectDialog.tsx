/** Asks for the mineral and volume of a new flow after a handle is dragged to another node. */
import { useId, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { MINERAL_KEY_PATTERN } from '../../shared/board/types';
import { mineralColor } from '../state/look';

/** Props of the new-flow dialog. */
export interface ConnectDialogProps {
  fromLabel: string;
  toLabel: string;
  /** Minerals already on the board, offered as one-click choices. */
  minerals: string[];
  initialMineral?: string;
  onConfirm(mineral: string, volume: number): void;
  onCancel(): void;
}

/** Which input is refused (the mineral key or the volume), or null when both are fine. */
export function flowInputError(mineral: string, volume: string): 'badMineral' | 'badVolume' | null {
  if (!MINERAL_KEY_PATTERN.test(mineral)) return 'badMineral';
  const v = Number(volume);
  if (volume.trim() === '' || !Number.isFinite(v) || v < 0) return 'badVolume';
  return null;
}

/** A small dialog: Enter confirms, Escape cancels. */
export function ConnectDialog({ fromLabel, toLabel, minerals, initialMineral = '', onConfirm, onCancel }: ConnectDialogProps) {
  const [mineral, setMineral] = useState(initialMineral);
  const [volume, setVolume] = useState('0');
  const [tried, setTried] = useState(false);
  const ids = useId();
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id: `canvas.connect.${id}` });
  const error = flowInputError(mineral.trim(), volume);
  const confirm = () => {
    setTried(true);
    if (error === null) onConfirm(mineral.trim(), Number(volume));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      confirm();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <div className="ls-flow-dialog nodrag nopan nowheel" role="dialog" aria-label={t('title')} onKeyDown={onKeyDown}>
      <h2 className="ls-flow-dialog__title">{t('title')}</h2>
      <p className="ls-flow-dialog__route">{fromLabel} → {toLabel}</p>
      {minerals.length > 0 && (
        <div className="ls-flow-dialog__choices" role="group" aria-label={t('minerals')}>
          {minerals.map((m) => (
            <button key={m} type="button" className={`ls-chip${m === mineral ? ' ls-chip--on' : ''}`} aria-pressed={m === mineral} onClick={() => setMineral(m)}>
              <i className="ls-dot" style={{ background: mineralColor(m) }} />
              {m}
            </button>
          ))}
        </div>
      )}
      <label className="ls-field" htmlFor={`${ids}-mineral`}>{t('mineral')}</label>
      <input id={`${ids}-mineral`} className="nodrag ls-input" value={mineral} autoFocus onFocus={(e) => e.target.select()} placeholder={t('mineralPlaceholder')} autoComplete="off" onChange={(e) => setMineral(e.target.value)} />
      <label className="ls-field" htmlFor={`${ids}-volume`}>{t('volume')}</label>
      <input id={`${ids}-volume`} className="nodrag ls-input" type="number" min={0} step="any" value={volume} onChange={(e) => setVolume(e.target.value)} />
      {tried && error !== null && <p className="ls-flow-dialog__error" role="alert">{t(error)}</p>}
      <div className="ls-flow-dialog__actions">
        <button type="button" className="ls-button" onClick={onCancel}>{t('cancel')}</button>
        <button type="button" className="ls-button ls-button--primary" onClick={confirm} disabled={tried && error !== null}>{t('add')}</button>
      </div>
    </div>
  );
}
