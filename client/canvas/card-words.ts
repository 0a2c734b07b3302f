/** A node card's words in one language, made once per IntlShape (a board draws up to 2,000 cards). */
import type { IntlShape } from 'react-intl';
import { NODE_KINDS, type NodeKind } from '../../shared/board/types';
import { formatsFor } from '../i18n/format';
import { canvasWords } from './format';

/** The fixed words and the fill-ins of a card. */
export interface CardWords {
  kind: Record<NodeKind, string>;
  covered: string;
  shortfallTitle: string;
  recoveryTitle: string;
  bottleneck: string;
  /** "short 25%". */
  short(share: number): string;
  /** "recovers in 30 d". */
  recovers(days: number): string;
  /** "worst survive 12 d". */
  survives(days: number): string;
  /** "+3 more". */
  more(count: number): string;
  /** The card's tooltip when it is critical. */
  critical(kind: NodeKind, share: number): string;
}

const HOLE = '\uE000';
const cache = new WeakMap<IntlShape, CardWords>();

/** The card words of `intl`'s language. */
export function cardWords(intl: IntlShape): CardWords {
  const known = cache.get(intl);
  if (known) return known;
  const f = formatsFor(intl);
  const t = (id: string) => intl.formatMessage({ id: `canvas.node.${id}` });
  const split = (text: string) => text.split(HOLE) as [string, string];
  const [shortA, shortB] = split(intl.formatMessage({ id: 'canvas.node.short' }, { share: HOLE }));
  const critical = Object.fromEntries(NODE_KINDS.map((k) => [k, split(intl.formatMessage({ id: 'canvas.node.critical' }, { kind: canvasWords(intl).kind[k], share: HOLE }))])) as Record<NodeKind, [string, string]>;
  // Day counts and "more" are plural messages: one formatted string per number, kept.
  const counted = (id: string, arg: string) => {
    const seen = new Map<number, string>();
    return (n: number) => {
      const v = Math.round(n);
      let text = seen.get(v);
      if (text === undefined) seen.set(v, (text = intl.formatMessage({ id: `canvas.node.${id}` }, { [arg]: v })));
      return text;
    };
  };
  const words: CardWords = {
    kind: canvasWords(intl).kind,
    covered: t('covered'),
    shortfallTitle: t('shortfallTitle'),
    recoveryTitle: t('recoveryTitle'),
    bottleneck: t('bottleneck'),
    short: (share) => `${shortA}${f.percent(share)}${shortB}`,
    recovers: counted('recovers', 'days'),
    survives: counted('survives', 'days'),
    more: counted('more', 'count'),
    critical: (kind, share) => `${critical[kind][0]}${f.percent(share)}${critical[kind][1]}`,
  };
  cache.set(intl, words);
  return words;
}
