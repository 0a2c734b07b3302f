/** Asks for the mineral and volume of a new flow after a handle is dragged to another node. */
import { useId, useState, type KeyboardEvent } from 'react';
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

/** Why a mineral key or volume is refused, or null when both are fine. */
export function flowInputError(mineral: string, volume: string): string | null {
  if (!MINERAL_KEY_PATTERN.test(mineral)) return 'The mineral is a lower-case key: letters, digits and dashes, such as "rare-earths-heavy".';
  const v = Number(volume);
  if (volume.trim() === '' || !Number.isFinite(v) || v < 0) return 'The volume is a number of tonnes per year, 0 or more.';
  return null;
}

/** A small dialog: Enter confirms, Escape cancels. */
export function ConnectDialog({ fromLabel, toLabel, minerals, initialMineral = '', onConfirm, onCancel }: ConnectDialogProps) {
  const [mineral, setMineral] = useState(initialMineral);
  const [volume, setVolume] = useState('0');
  const [tried, setTried] = useState(false);
  const ids = useId();
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
    <div className="ls-flow-dialog nodrag nopan nowheel" role="dialog" aria-label="New flow" onKeyDown={onKeyDown}>
      <h2 className="ls-flow-dialog__title">New flow</h2>
      <p className="ls-flow-dialog__route">{fromLabel} → {toLabel}</p>
      {minerals.length > 0 && (
        <div className="ls-flow-dialog__choices" role="group" aria-label="Minerals on this board">
          {minerals.map((m) => (
            <button key={m} type="button" className={`ls-chip${m === mineral ? ' ls-chip--on' : ''}`} aria-pressed={m === mineral} onClick={() => setMineral(m)}>
              <i className="ls-dot" style={{ background: mineralColor(m) }} />
              {m}
            </button>
          ))}
        </div>
      )}
      <label className="ls-field" htmlFor={`${ids}-mineral`}>Mineral</label>
      <input id={`${ids}-mineral`} className="nodrag ls-input" value={mineral} autoFocus onFocus={(e) => e.target.select()} placeholder="e.g. gallium" autoComplete="off" onChange={(e) => setMineral(e.target.value)} />
      <label className="ls-field" htmlFor={`${ids}-volume`}>Volume (t/yr)</label>
      <input id={`${ids}-volume`} className="nodrag ls-input" type="number" min={0} step="any" value={volume} onChange={(e) => setVolume(e.target.value)} />
      {tried && error !== null && <p className="ls-flow-dialog__error" role="alert">{error}</p>}
      <div className="ls-flow-dialog__actions">
        <button type="button" className="ls-button" onClick={onCancel}>Cancel</button>
        <button type="button" className="ls-button ls-button--primary" onClick={confirm} disabled={tried && error !== null}>Add flow</button>
      </div>
    </div>
  );
}
