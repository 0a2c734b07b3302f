/** Zod issues reach the person as catalog sentences in their language, never as zod's English. */
import { describe, expect, it } from 'vitest';
import { errorAt, errorsByField } from '../../../client/panels/fields/issues';
import { DisruptionSchema, NodeSchema, NoteSchema } from '../../../shared/board/schema';
import { intlIn } from '../../utils/intl';

const mine = { id: 'm', kind: 'mine', label: 'Kolwezi', country: 'CD', position: { x: 0, y: 0 } };
const check = (candidate: object, path: PropertyKey[]) => [NodeSchema.safeParse(candidate), path, candidate] as const;

describe('issue sentences', () => {
  it('say each schema rule in English and in Italian', async () => {
    const en = await intlIn('en');
    const it = await intlIn('it');
    const cases: [object, PropertyKey[], string, string][] = [
      [{ ...mine, lat: 95 }, ['lat'], 'At most 90.', 'Al massimo 90.'],
      [{ ...mine, recoveryDays: 0 }, ['recoveryDays'], 'More than 0.', 'Più di 0.'],
      [{ ...mine, capacity: { cobalt: -1 } }, ['capacity'], 'At least 0.', 'Almeno 0.'],
      [{ ...mine, label: '' }, ['label'], 'Cannot be empty.', 'Non può essere vuoto.'],
      [{ ...mine, label: 'x'.repeat(201) }, ['label'], 'At most 200 characters.', 'Al massimo 200 caratteri.'],
      [{ ...mine, lat: 'north' }, ['lat'], 'Enter a number.', 'Inserisci un numero.'],
      [{ ...mine, country: 'cn' }, ['country'], 'Country "cn" is not an upper-case ISO 3166-1 alpha-2 code or "XX".', 'Il paese "cn" non è un codice ISO 3166-1 alpha-2 in maiuscolo né "XX".'],
      [{ ...mine, capacity: { 'Bad Key': 1 } }, ['capacity'], 'Mineral "Bad Key" must be a lower-case key: a letter, then up to 39 letters, digits or "-".', 'Il minerale "Bad Key" deve essere una chiave in minuscolo: una lettera, poi fino a 39 lettere, cifre o "-".'],
      [{ ...mine, id: 'a b' }, ['id'], 'Id "a b" must be 1 to 64 characters of letters, digits, "_", ".", ":" or "-".', 'L\'id "a b" deve avere da 1 a 64 caratteri tra lettere, cifre, "_", ".", ":" o "-".'],
      [{ ...mine, kind: 'volcano' }, ['kind'], 'Choose one of the listed values.', 'Scegli uno dei valori dell\'elenco.'],
      [{ ...mine, colour: 'red' }, [], 'Unknown field: colour.', 'Campo sconosciuto: colour.'],
    ];
    for (const [candidate, path, english, italian] of cases) {
      expect(errorAt(en, ...check(candidate, path)), english).toBe(english);
      expect(errorAt(it, ...check(candidate, path)), italian).toBe(italian);
    }
    const note = { id: 'n', text: 'broken \ud800', position: { x: 0, y: 0 } };
    expect(errorAt(it, NoteSchema.safeParse(note), ['text'], note)).toBe('Il testo contiene un carattere danneggiato (un surrogato UTF-16 isolato) che non può essere salvato.');
  });

  it('by field, for the forms: every field its own sentence', async () => {
    const it = await intlIn('it');
    const lever = { id: 'd', label: 'x', enabled: true, target: { country: 'ZZ' }, minerals: ['A'], factor: 2, days: 0 };
    const errors = errorsByField(it, DisruptionSchema.safeParse(lever), lever);
    expect(errors['target.country']).toBe('Il paese "ZZ" non è un codice ISO 3166-1 alpha-2 in maiuscolo né "XX".');
    expect(errors.minerals).toBe('Il minerale "A" deve essere una chiave in minuscolo: una lettera, poi fino a 39 lettere, cifre o "-".');
    expect(errors.factor).toBe('Al massimo 1.');
    expect(errors.days).toBe('Più di 0.');
    const target = { ...lever, target: { country: 'CN', node: 'x' }, minerals: undefined, factor: 0, days: 1 };
    expect(errorsByField(it, DisruptionSchema.safeParse(target), target).target).toBe('Scegli un nodo, un flusso o un paese.');
  });
});
