/** Picks the update journal for a file: mapped (no syscall per append) where it can be, write(2) otherwise. */
import { statSync } from 'node:fs';
import { journalMapping } from './journal-mapping';
import { MappedJournal } from './mapped-journal';
import { UpdateJournal, type Journal } from './update-journal';

/** How appends reach the journal file. */
export type JournalKind = 'mapped' | 'write';

/** Whether `file` is a regular file or does not exist yet (a device such as /dev/full cannot be mapped as a file). */
function mappable(file: string): boolean {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat === undefined || stat.isFile();
}

/** Opens the journal at `file`: mapped when the addon built and the file is a regular one, else with write(2). */
export function openJournal(file: string): { journal: Journal; kind: JournalKind } {
  const addon = journalMapping();
  if (addon && mappable(file)) return { journal: new MappedJournal(file, addon), kind: 'mapped' };
  return { journal: new UpdateJournal(file), kind: 'write' };
}
