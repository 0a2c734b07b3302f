/** parseCsv / writeCsv: RFC 4180 quoting, line ends, byte order mark, and parse(write(x)) = x. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, parseCsv, writeCsv } from '../../../shared/csv/csv';

const rows = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`not parsed: ${parsed.error.message}`);
  return parsed.rows;
};

describe('parseCsv', () => {
  it('splits fields on commas and records on CRLF, LF or a lone CR', () => {
    expect(rows('a,b\r\nc,d\ne,f\rg,h')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('does not start a record after the final line end', () => {
    expect(rows('a,b\r\n')).toEqual([['a', 'b']]);
    expect(rows('')).toEqual([]);
  });

  it('reads quoted fields with commas, line breaks and doubled quotes', () => {
    expect(rows('"a, b","say ""hi""","two\r\nlines"\r\nx')).toEqual([['a, b', 'say "hi"', 'two\r\nlines'], ['x']]);
  });

  it('keeps empty fields, trailing ones included', () => {
    expect(rows(',a,,\r\n""')).toEqual([['', 'a', '', ''], ['']]);
  });

  it('counts a blank line as a record so row numbers match a spreadsheet', () => {
    expect(rows('h\r\n\r\nv\r\n')).toEqual([['h'], [''], ['v']]);
  });

  it('drops a leading byte order mark', () => {
    expect(rows(`${BOM}id,kind\r\n`)).toEqual([['id', 'kind']]);
  });

  it('keeps a stray quote inside an unquoted field, as spreadsheets do', () => {
    expect(rows('5" pipe,x')).toEqual([['5" pipe', 'x']]);
  });

  it('names the row of a quoted field that is never closed', () => {
    const parsed = parseCsv('a\r\nb\r\n"open,\r\nstill open');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toEqual({ row: 3, message: 'A quoted field is never closed: a " is missing.' });
  });

  it('refuses text after a closing quote', () => {
    const parsed = parseCsv('ok\r\n"a"b,c');
    expect(!parsed.ok && parsed.error.row).toBe(2);
    expect(!parsed.ok && parsed.error.message).toMatch(/only a comma or the end of the line/);
  });
});

describe('writeCsv', () => {
  it('quotes only fields that need it and ends every record with CRLF', () => {
    expect(writeCsv([['id', 'label'], ['a', 'Kolwezi, DRC'], ['b', 'the "big" one'], ['c', 'two\nlines']])).toBe(
      'id,label\r\na,"Kolwezi, DRC"\r\nb,"the ""big"" one"\r\nc,"two\nlines"\r\n',
    );
  });

  it('writes a record of one empty field as "" so it is not a blank line', () => {
    expect(writeCsv([[''], ['', '']])).toBe('""\r\n,\r\n');
  });

  it('starts with a byte order mark when asked (for Excel)', () => {
    expect(writeCsv([['a']], { bom: true })).toBe(`${BOM}a\r\n`);
  });

  it('csvField leaves plain text alone', () => {
    expect(csvField('cobalt=120;copper=30')).toBe('cobalt=120;copper=30');
  });
});

describe('round trip', () => {
  const field = fc.oneof(fc.string(), fc.constantFrom('', '"', ',', '\r\n', '\n', '\r', '""', ' a , b ', '\uFEFF'), fc.string({ unit: 'binary' }));

  it('parse(write(rows)) = rows for any records of at least one field', () => {
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (records) => {
        expect(rows(writeCsv(records))).toEqual(records);
        expect(rows(writeCsv(records, { bom: true }))).toEqual(records);
      }),
      { numRuns: 500 },
    );
  });
});
