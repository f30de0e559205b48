// Sector names (src/core/sectors.ts): which directory sectors a row's sector cell belongs to.
import { describe, test, expect } from '@jest/globals';
import { SectorResolver, splitSectorCell } from '../../src/core/sectors';

const DIRECTORY = [
  { name: 'BPMC', head: 'Chị Lan', email: 'bpmc@xa.vn' },
  { name: 'Tư pháp – Hộ tịch (TP-HT)', head: 'Anh Minh', email: 'tp@xa.vn' },
  { name: 'đc-xd', head: 'Anh Hùng', email: '' },
];

describe('sector ownership', () => {
  test('a cell with several names belongs to each, matched without case, diacritics or punctuation', () => {
    const r = new SectorResolver(DIRECTORY, ['bpmc, TP-HT; ĐC-XD']);
    expect(r.resolve('bpmc, TP-HT; ĐC-XD')).toEqual({
      sectors: ['BPMC', 'Tư pháp – Hộ tịch (TP-HT)', 'đc-xd'],
      shared: false,
    });
    expect(r.resolve('tu phap - ho tich')).toEqual({ sectors: ['Tư pháp – Hộ tịch (TP-HT)'], shared: false });
    expect(r.unknown).toEqual([]);
  });

  test('"all sectors" / "tất cả" belongs to every known sector; "—" to none; "/" is part of a name', () => {
    const r = new SectorResolver(DIRECTORY, ['Công an xã', 'CT/PCT']);
    expect(r.resolve('all sectors')).toEqual({
      sectors: [...DIRECTORY.map((d) => d.name), 'Công an xã', 'CT/PCT'],
      shared: true,
    });
    expect(r.resolve('Tất cả').shared).toBe(true);
    expect(r.resolve('CT/PCT, tất cả các ngành').sectors).toContain('CT/PCT');
    expect(r.resolve('—')).toEqual({ sectors: [], shared: false });
    expect(splitSectorCell('CT/PCT')).toEqual(['CT/PCT']);
    expect(r.unknown).toEqual(['Công an xã', 'CT/PCT']);
  });

  test('a name with a note, "VP-TK (Nội vụ)", is the sector VP-TK', () => {
    const r = new SectorResolver([], ['VP-TK (Nội vụ)', 'VP-TK']);
    expect(r.names).toEqual(['VP-TK']);
    expect(r.resolve('VP-TK (Nội vụ)').sectors).toEqual(['VP-TK']);
  });
});
