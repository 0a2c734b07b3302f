/** Keyboard shortcuts and a short how-to, in a modal dialog. */
import { Fragment } from 'react';
import { Modal } from './Modal';
import './shell.css';

/** One row of the shortcut table. */
export interface Shortcut {
  keys: string;
  action: string;
}

/** Props of HelpDialog. */
export interface HelpDialogProps {
  open: boolean;
  onClose(): void;
  shortcuts: Shortcut[];
}

/** Each key of a combination ("Ctrl+Shift+Z") in its own keycap; a lone "+" stays a key. */
function Keys({ keys }: { keys: string }) {
  const alternatives = keys.split(' / ');
  return (
    <span className="ls-keys">
      {alternatives.map((combo, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="ls-muted"> or </span>}
          {(combo.length > 1 ? combo.split(/\+(?=.)/) : [combo]).map((key, j) => (
            <kbd key={j} className="ls-kbd">{key}</kbd>
          ))}
        </Fragment>
      ))}
    </span>
  );
}

/** The help dialog; nothing is rendered while closed. */
export function HelpDialog({ open, onClose, shortcuts }: HelpDialogProps) {
  if (!open) return null;
  return (
    <Modal label="Keyboard shortcuts" onClose={onClose} className="ls-help">
      <div className="ls-dialog__header">
        <h2 className="ls-dialog__title">Help</h2>
        <button type="button" className="ls-button ls-button--quiet ls-button--small" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
      <h3 className="ls-help__heading">How to</h3>
      <ul className="ls-help__howto">
        <li>Add mines, refiners, corridors, stockpiles, recyclers and consumers from the <strong>palette</strong>.</li>
        <li>Drag from a node’s <strong>right handle</strong> to another node to create a flow, then set its mineral and volume.</li>
        <li>Pull scenario levers (export stops, cuts, disruptions) in the <strong>Levers</strong> panel.</li>
        <li>Watch origin shares, concentration, shortfall and stockpile days change in the <strong>Exposure</strong> panel.</li>
      </ul>
      <h3 className="ls-help__heading">Keyboard shortcuts</h3>
      {shortcuts.length === 0 ? (
        <p className="ls-muted">No shortcuts on this page.</p>
      ) : (
        <table className="ls-help__table">
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {shortcuts.map((shortcut) => (
              <tr key={`${shortcut.keys}|${shortcut.action}`}>
                <td>
                  <Keys keys={shortcut.keys} />
                </td>
                <td>{shortcut.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
