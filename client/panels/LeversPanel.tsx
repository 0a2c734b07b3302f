/** The scenario levers of the board: switch them on and off, tune them, add and remove them; everyone sees changes at once. */
import { useState } from 'react';
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
  const [adding, setAdding] = useState(false);
  const levers = board.scenario.disruptions;
  const on = levers.filter((l) => l.enabled).length;
  return (
    <section className="levers-panel" aria-label="Scenario levers">
      <header className="levers-head">
        <h2>Levers</h2>
        <span className="levers-count">{levers.length === 0 ? 'none yet' : `${on} of ${levers.length} on`}</span>
      </header>
      {levers.length === 0 && <p className="levers-empty">No levers yet. A lever cuts a node, an edge or a country's supply for some days.</p>}
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
          <button type="button" className="panel-button" onClick={() => setAdding(true)}>+ New lever</button>
        ))}
      <ExpansionsSection board={board} actions={actions} readOnly={readOnly} />
      <PriceFloorsSection board={board} actions={actions} readOnly={readOnly} />
      <PricesSection board={board} actions={actions} readOnly={readOnly} />
    </section>
  );
}
