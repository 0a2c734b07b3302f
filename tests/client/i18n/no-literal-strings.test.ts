/**
 * No component writes words a person reads as literals: they come from the catalogs. The files still to be
 * moved to the catalogs are listed in PENDING; the list can only shrink (a listed file that is clean fails too).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiterals } from './literal-strings';

const ROOT = join(import.meta.dirname, '../../..');

/** Components not yet moved to the catalogs (paths from the repository root). */
const PENDING = new Set<string>([

]);

function components(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return components(path);
    return name.endsWith('.tsx') ? [relative(ROOT, path)] : [];
  });
}

const files = components(join(ROOT, 'client'));

describe('user-facing strings', () => {
  it('the checker finds JSX text, labelling attributes and strings shown as children', () => {
    const found = findLiterals('x.tsx', `const A = () => <div title="Close the panel" className="big-box">Hello there{ok ? 'Saved' : null}{' '}{n}</div>;`);
    expect(found.map((f) => f.text)).toEqual(['Close the panel', 'Hello there', 'Saved']);
    expect(findLiterals('y.tsx', `const B = () => <p aria-label={intl.formatMessage({ id: 'a.b' })}>{intl.formatMessage({ id: 'a.c' })} · {count}</p>;`)).toEqual([]);
  });

  it('come from the catalogs in every component', () => {
    const offending = files.filter((f) => !PENDING.has(f)).flatMap((f) => findLiterals(f, readFileSync(join(ROOT, f), 'utf8')).map((l) => `${f}:${l.line} "${l.text}"`));
    expect(offending).toEqual([]);
  });

  it('PENDING lists only files that still have literals', () => {
    const clean = [...PENDING].filter((f) => !files.includes(f) || findLiterals(f, readFileSync(join(ROOT, f), 'utf8')).length === 0);
    expect(clean).toEqual([]);
  });
});
