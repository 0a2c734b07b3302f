/** The scenario levers of the board: switch them on and off, tune them, add and remove them; everyone sees changes at once. */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { Board } from '../../shared/board/types';
import type { BoardActions } from '../state/types';
import { AddLeverForm } from './levers/AddLeverForm';
import { ExpansionsSection } from './levers/ExpansionsSection';
import { LeverRow } from './levers/LeverRow';
import { PriceFloorsSection } from './levers/PriceFloorsSection';
import { PricesSection } from './levers/PricesSection';
import './fields/fields.css';
import './LeversPanel.css';

/** Props of LeversPanel. */
export interface LeversPanelProps {
  board: Board;
  actions: BoardActions;
  /** Viewers see the levers, disabled, and cannot add or remove. */
  readOnly: boolean;
  /** Opens a lever in the inspector (e.g. by selecting it). */
  onEdit?(id: string): void;
}

/** The list of levers with their switches and sliders, a form to add one, then expansions, price floors and market prices. */
export function LeversPanel({ board, actions, readOnly, onEdit }: LeversPanelProps) {
  const intl = useIntl();
  const m = (key: string, values?: Record<string, number>) => intl.formatMessage({ id: `panels.levers.${key}` }, values);
  const [adding, setAdding] = useState(false);
  const levers = board.scenario.disruptions;
  const on = levers.filter((l) => l.enabled).length;
  return (
    <section className="levers-panel" aria-label={m('label')}>
      <header className="levers-head">
        <h2>{m('title')}</h2>
        <span className="levers-count">{levers.length === 0 ? m('noneYet') : m('on', { on, count: levers.length })}</span>
      </header>
      {levers.length === 0 && <p className="levers-empty">{m('empty')}</p>}
      <ul className="levers-list">
        {levers.map((lever) => (
          <LeverRow key={lever.id} board={board} lever={lever} actions={actions} readOnly={readOnly} onEdit={onEdit} />
        ))}
      </ul>
      {!readOnly &&
        (adding ? (
          <AddLeverForm
            board={board}
            onAdd={(lever) => {
              actions.addLever(lever);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" className="panel-button" onClick={() => setAdding(true)}>{m('new')}</button>
        ))}
      <ExpansionsSection board={board} actions={actions} readOnly={readOnly} />
      <PriceFloorsSection board={board} actions={actions} readOnly={readOnly} />
      <PricesSection board={board} actions={actions} readOnly={readOnly} />
    </section>
  );
}
