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
  'client/compare/CompareView.tsx',
  'client/compare/DeltaTable.tsx',
  'client/compare/DiffList.tsx',
  'client/compare/MineralDeltas.tsx',
  'client/export/ExportMenu.tsx',
  'client/import/BoardFileImport.tsx',
  'client/import/CsvImport.tsx',
  'client/main.tsx',
  'client/panels/ExposurePanel.tsx',
  'client/panels/Inspector.tsx',
  'client/panels/LeversPanel.tsx',
  'client/panels/exposure/ConsumerCard.tsx',
  'client/panels/exposure/ConsumerCritical.tsx',
  'client/panels/exposure/CriticalNodes.tsx',
  'client/panels/exposure/CrmaDashboard.tsx',
  'client/panels/exposure/OriginBarsChart.tsx',
  'client/panels/exposure/PriceFloorCosts.tsx',
  'client/panels/exposure/StressTest.tsx',
  'client/panels/exposure/SummaryStrip.tsx',
  'client/panels/fields/CountryField.tsx',
  'client/panels/fields/MineralPicker.tsx',
  'client/panels/fields/TargetFields.tsx',
  'client/panels/inspector/AmountRows.tsx',
  'client/panels/inspector/EdgeEditor.tsx',
  'client/panels/inspector/LeverEditor.tsx',
  'client/panels/inspector/NodeEditor.tsx',
  'client/panels/levers/AddLeverForm.tsx',
  'client/panels/levers/ExpansionsSection.tsx',
  'client/panels/levers/LeverRow.tsx',
  'client/panels/levers/PriceFloorsSection.tsx',
  'client/panels/levers/PricesSection.tsx',
  'client/present/FollowedSlide.tsx',
  'client/present/PresentSetup.tsx',
  'client/present/PresentationView.tsx',
  'client/shell/ActivityToasts.tsx',
  'client/shell/BoardLists.tsx',
  'client/shell/ConnectionBanner.tsx',
  'client/shell/CopyField.tsx',
  'client/shell/CreateKeyField.tsx',
  'client/shell/ErrorBoundary.tsx',
  'client/shell/HelpDialog.tsx',
  'client/shell/IdentityDialog.tsx',
  'client/shell/ImportForm.tsx',
  'client/shell/Landing.tsx',
  'client/shell/LostEditsNotice.tsx',
  'client/shell/NewBoardForm.tsx',
  'client/shell/OpenLinkForm.tsx',
  'client/shell/PeopleList.tsx',
  'client/shell/ShareMenu.tsx',
  'client/snapshots/SnapshotItem.tsx',
  'client/snapshots/SnapshotTimeline.tsx',
  'client/snapshots/StaticBoard.tsx',
  'client/views/BoardPage.tsx',
  'client/views/BoardTitle.tsx',
  'client/views/FacilitatorTab.tsx',
  'client/views/SeedSummary.tsx',
  'client/views/lazy-parts.tsx',
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
