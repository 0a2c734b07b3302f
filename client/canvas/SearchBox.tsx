/** The canvas search box: finds a node by label, country or tag; Enter or a click flies to it and selects it. */
import { forwardRef, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import type { BoardNode } from '../../shared/board/types';
import { KindIcon } from '../state/Icon';
// The matching and the country table load after the canvas is drawn (their own chunk: the board page's first scripts stay small).
type Search = typeof import('./node-search');

/** What the canvas can do with the box. */
export interface SearchBoxHandle {
  focus(): void;
}

/** Props of SearchBox. */
export interface SearchBoxProps {
  nodes: readonly BoardNode[];
  onPick(id: string): void;
}

/** A combobox over the board's nodes. */
export const SearchBox = forwardRef<SearchBoxHandle, SearchBoxProps>(function SearchBox({ nodes, onPick }, ref) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id: `canvas.search.${id}` }, values);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  useImperativeHandle(ref, () => ({ focus: () => { input.current?.focus(); input.current?.select(); } }), []);
  const [search, setSearch] = useState<Search | null>(null);
  useEffect(() => {
    let live = true;
    void import('./node-search').then((module) => live && setSearch(module));
    return () => {
      live = false;
    };
  }, []);
  const matches = useMemo(() => (search ? search.searchNodes(nodes, query, { locale: intl.locale }) : []), [search, nodes, query, intl.locale]);
  const shown = open && query.trim() !== '';
  const pick = (id: string) => {
    onPick(id);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (matches.length > 0) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const m = matches[Math.min(active, matches.length - 1)];
      if (m) pick(m.node.id);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setQuery('');
      setOpen(false);
      input.current?.blur();
    }
  };
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="ls-search">
      <input
        ref={input}
        type="search"
        className="ls-input ls-search__input"
        role="combobox"
        aria-label={t('label')}
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && matches.length > 0 ? optionId(Math.min(active, matches.length - 1)) : undefined}
        placeholder={t('placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {shown && (
        <ul id={listId} role="listbox" aria-label={t('results')} className="ls-search__list">
          {matches.length === 0 && <li className="ls-search__none" role="presentation">{search ? t('none', { query: query.trim() }) : t('loading')}</li>}
          {matches.map((m, i) => (
            <li
              key={m.node.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === Math.min(active, matches.length - 1)}
              className="ls-search__option"
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m.node.id);
              }}
            >
              <KindIcon kind={m.node.kind} />
              <span className="ls-search__label">{m.node.label}</span>
              <span className="ls-search__where">
                <span className="ls-country-chip">{m.node.country}</span> {search?.countryLabel(m.node.country, intl.locale)}{m.matched.startsWith('tag: ') ? ` · ${t('tag', { tag: m.matched.slice(5) })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
