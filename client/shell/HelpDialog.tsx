/** Keyboard shortcuts and a short how-to, in a modal dialog. */
import { Fragment, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Modal } from './Modal';
import './shell.css';

/** One row of the shortcut table: its keys ("Ctrl+Shift+Z / Ctrl+Y") and the id of what it does (`shell.shortcut.<action>`; `shell.shortcut.<action>.keys` words keys that are gestures). */
export interface Shortcut {
  keys: string;
  action: string;
}

const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

/** Props of HelpDialog. */
export interface HelpDialogProps {
  open: boolean;
  onClose(): void;
  shortcuts: Shortcut[];
}

/** Each key of a combination ("Ctrl+Shift+Z") in its own keycap, named as the person's keyboard names it (`shell.key.<key>`); a lone "+" stays a key. */
function Keys({ keys }: { keys: string }) {
  const intl = useIntl();
  const alternatives = keys.split(' / ');
  return (
    <span className="ls-keys">
      {alternatives.map((combo, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="ls-muted"> {intl.formatMessage({ id: 'shell.help.or' })} </span>}
          {(combo.length > 1 ? combo.split(/\+(?=.)/) : [combo]).map((key, j) => (
            <kbd key={j} className="ls-kbd">{`shell.key.${key}` in intl.messages ? intl.formatMessage({ id: `shell.key.${key}` }) : key}</kbd>
          ))}
        </Fragment>
      ))}
    </span>
  );
}

/** The help dialog; nothing is rendered while closed. */
export function HelpDialog({ open, onClose, shortcuts }: HelpDialogProps) {
  const intl = useIntl();
  if (!open) return null;
  const t = (id: string) => intl.formatMessage({ id: `shell.help.${id}` });
  const keysOf = ({ keys, action }: Shortcut) => (`shell.shortcut.${action}.keys` in intl.messages ? intl.formatMessage({ id: `shell.shortcut.${action}.keys` }) : keys);
  return (
    <Modal label={t('shortcuts')} onClose={onClose} className="ls-help">
      <div className="ls-dialog__header">
        <h2 className="ls-dialog__title">{t('title')}</h2>
        <button type="button" className="ls-button ls-button--quiet ls-button--small" onClick={onClose} data-autofocus>
          {t('close')}
        </button>
      </div>
      <h3 className="ls-help__heading">{t('howTo')}</h3>
      <ul className="ls-help__howto">
        {['palette', 'flow', 'levers', 'exposure'].map((step) => (
          <li key={step}><FormattedMessage id={`shell.help.howTo.${step}`} values={{ b: strong }} /></li>
        ))}
      </ul>
      <h3 className="ls-help__heading">{t('shortcuts')}</h3>
      {shortcuts.length === 0 ? (
        <p className="ls-muted">{t('none')}</p>
      ) : (
        <table className="ls-help__table">
          <thead>
            <tr>
              <th scope="col">{t('keys')}</th>
              <th scope="col">{t('action')}</th>
            </tr>
          </thead>
          <tbody>
            {shortcuts.map((shortcut) => (
              <tr key={`${shortcut.keys}|${shortcut.action}`}>
                <td>
                  <Keys keys={keysOf(shortcut)} />
                </td>
                <td>{intl.formatMessage({ id: `shell.shortcut.${shortcut.action}` })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
