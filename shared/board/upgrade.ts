/** Boards kept from before version 2 (snapshots saved by an older server) read as version 2 boards. */
import { BOARD_VERSION, type Board } from './types';

/** A stored board with the current version and the scenario lists a version 1 board lacks (none); other fields as stored. */
export function asCurrentVersion(board: Board): Board {
  const scenario: Partial<Board['scenario']> = board.scenario ?? {};
  return {
    ...board,
    version: BOARD_VERSION,
    scenario: { ...scenario, expansions: scenario.expansions ?? [], priceFloors: scenario.priceFloors ?? [] } as Board['scenario'],
  };
}
