/** Board templates: the seed boards and a blank board. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOARD_VERSION, type Board } from '../../shared/board/types';
import { validateBoard } from '../../shared/board/validate';

/** Names a board can be created from. */
export const TEMPLATES = ['africa-corridors', 'arctic', 'allied-refiners', 'blank'] as const;
/** One of TEMPLATES. */
export type TemplateName = (typeof TEMPLATES)[number];

const SEEDS_DIR = join(import.meta.dirname, '../../seeds');

/** The board file of a template (seed files are validated on every read: a broken seed is a server bug). */
export function templateBoard(name: TemplateName): Board {
  if (name === 'blank') {
    const scenario = { name: 'Baseline', disruptions: [], expansions: [], priceFloors: [] };
    return { format: 'lodestone.board', version: BOARD_VERSION, title: 'Untitled board', nodes: [], edges: [], scenario, notes: [] };
  }
  const result = validateBoard(JSON.parse(readFileSync(join(SEEDS_DIR, `${name}.json`), 'utf8')));
  if (!result.ok) throw new Error(`seed ${name} is invalid: ${result.problems[0].path} ${result.problems[0].message}`);
  return result.board;
}
