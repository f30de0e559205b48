// Error cells in the inputs (issue 12, point 4): one broken VLOOKUP (#N/A) in Kết quả, a typed #N/A, a
// =1/0 in Điểm tối đa. Whether Sheets hands an error cell inside a range to a custom function as text or
// makes the whole formula show the error is not documented, so the add-in guards every input range
// (IFERROR inside ARRAYFORMULA). Under both behaviours of the stand-in: only those rows are errors, with a
// message naming row and column; every other row scores, the row colours and the summary block stay.
import { describe, expect, test } from '@jest/globals';
import type { SidebarData } from '../../src/server/api';
import { distEnv } from '../support/distEnv';
import { expectSheetMatchesCore, typeResults } from '../support/env';

const NOW = new Date(2024, 5, 15, 10, 0);

describe.each(['text', 'propagate'] as const)(
  'error cells in the inputs (Sheets passes errors: %s)',
  (mode) => {
    test('only the broken rows are errors; every other row, the colours and the block still compute', () => {
      const { standIn, call } = distEnv(NOW, { behaviours: { errorArguments: mode } });
      standIn.install(globalThis); // the helpers below read the sheet with src/ code
      call('menuSetupSample()');
      typeResults(standIn);
      const sheet = standIn.sheet('Tiêu chí');
      sheet.getRange('F8').setFormula('=NA()'); // a broken lookup
      sheet.getRange('F9').setValue('#N/A'); // typed
      sheet.getRange('C10').setFormula('=1/0'); // a broken max
      standIn.recalculate();

      // The sheet's own formulas agree with the core row by row (points, status and reason texts).
      const e = expectSheetMatchesCore(standIn, 'Tiêu chí', NOW, expect as never);
      const out = sheet.getRange('O5:Q78').getValues();
      const errorRows = out.map((r, i) => (r[1] === 'Lỗi' ? i + 5 : 0)).filter(Boolean);
      expect(errorRows).toEqual(expect.arrayContaining([8, 9, 10]));
      expect(String(sheet.getRange('O8').getValue())).toMatch(/^Lỗi: Kết quả đang báo lỗi của Sheets/);
      expect(String(sheet.getRange('O10').getValue())).toMatch(/^Lỗi: Điểm tối đa/);
      // Every other leaf has a number or a status; nothing shows an error code.
      expect(out.flat().filter((v) => /^#/.test(String(v)))).toEqual([]);
      expect(out.filter((r) => typeof r[0] === 'number').length).toBeGreaterThan(50);
      // Colours are still there (row 7 secured: green) and the block shows figures.
      expect(standIn.formatAt("'Tiêu chí'!B7").background).toBe('#d9ead3');
      expect(standIn.formatAt("'Tiêu chí'!B8").fontColor).toBe('#cc0000');
      const block = sheet.getRange('S7:T12').getValues().flat();
      expect(block.filter((v) => /^#/.test(String(v)))).toEqual([]);
      expect(typeof sheet.getRange('T7').getValue()).toBe('number');
      expect(sheet.getRange('T7').getValue()).toBeCloseTo(e.total, 6);
      // The sidebar lists the three problems with the cell to click.
      const data = call<SidebarData>('sidebarLoad()');
      const cells = data.problems.filter((p) => p.severity === 'error').map((p) => p.a1);
      expect(cells).toEqual(expect.arrayContaining(['F8', 'F9', 'C10']));
    });
  },
);
