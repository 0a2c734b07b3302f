/** The frame both legends share: a titled card with a close button and the board's minerals by colour. */
import type { ReactNode } from 'react';
import type { BoardEdge } from '../../shared/board/types';
import { mineralColor } from '../state/look';

/** Words of the card, already in the person's language. */
export interface LegendCardWords {
  title: string;
  close: string;
  colour: string;
  noFlows: string;
}

/** A legend card: its head, the minerals of `edges` with their colours, then `children`. */
export function LegendCard({ className, edges, words, onClose, children }: { className: string; edges: readonly BoardEdge[]; words: LegendCardWords; onClose(): void; children: ReactNode }) {
  const minerals = [...new Set(edges.map((e) => e.mineral))].sort();
  return (
    <section className={className} aria-label={words.title}>
      <header className="ls-legend__head">
        <h2 className="ls-legend__title">{words.title}</h2>
        <button type="button" className="ls-legend__close" aria-label={words.close} onClick={onClose}>×</button>
      </header>
      <h3 className="ls-legend__sub">{words.colour}</h3>
      {minerals.length === 0 ? <p className="ls-legend__row">{words.noFlows}</p> : (
        <ul className="ls-legend__minerals">
          {minerals.map((m) => <li key={m}><i className="ls-dot" style={{ background: mineralColor(m) }} /> {m}</li>)}
        </ul>
      )}
      {children}
    </section>
  );
}
