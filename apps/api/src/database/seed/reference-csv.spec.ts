import { describe, expect, it } from '@jest/globals';
import { parseCodeList, parseCsv, ReferenceDataError } from './reference-csv.js';

describe('parseCsv', () => {
  it('reads rows by header, keeping quoted commas and trimming cells', () => {
    const text = 'code,name\nQHG," NHS Bedfordshire, Luton and Milton Keynes ICB "\nRJ1,GUY\'S\n';
    expect(parseCsv(text, 'x.csv', ['code', 'name'])).toEqual([
      { code: 'QHG', name: 'NHS Bedfordshire, Luton and Milton Keynes ICB' },
      { code: 'RJ1', name: "GUY'S" },
    ]);
  });

  it('ignores a byte-order mark and blank lines', () => {
    expect(parseCsv('\uFEFFcode\r\nY56\r\n\r\n', 'x.csv', ['code'])).toEqual([{ code: 'Y56' }]);
  });

  it('names the file and every missing column', () => {
    expect(() => parseCsv('code\nY56\n', 'regions.csv', ['code', 'name', 'ons'])).toThrow(
      new ReferenceDataError(['regions.csv: missing column(s) name, ons']),
    );
  });

  it('checks the header even when the file has no rows', () => {
    expect(() => parseCsv('code\n', 'empty.csv', ['name'])).toThrow(/empty.csv: missing column\(s\) name/);
  });

  it('names the file when a row has the wrong number of cells', () => {
    expect(() => parseCsv('a,b\n1,2,3\n', 'bad.csv', ['a'])).toThrow(/bad.csv/);
  });
});

describe('parseCodeList', () => {
  it('reads semicolon-separated ODS codes with the part of an ICB each refers to', () => {
    expect(parseCodeList('QH8;QJG (North East Essex part); QM7 (West Essex part)')).toEqual([
      { code: 'QH8', part: null },
      { code: 'QJG', part: 'North East Essex part' },
      { code: 'QM7', part: 'West Essex part' },
    ]);
  });

  it('gives nothing for an empty cell and rejects what is not a code', () => {
    expect(parseCodeList('')).toEqual([]);
    expect(() => parseCodeList('QHG;not a code')).toThrow(/not a code/);
  });
});
