// The simple triggers (src/server/triggers.ts): onEdit and onOpen.
import { describe, test, expect } from '@jest/globals';
import { env, NOW } from '../support/env';
import { setupSample } from '../../src/server/setUpTab';
import { canUseDocument, onEditRecompute } from '../../src/server/triggers';
import { recompute } from '../../src/server/recompute';

type StandIn = ReturnType<typeof env>;

function editEvent(standIn: StandIn, a1: string) {
  const sheet = standIn.sheet('Tiêu chí');
  return {
    range: sheet.getRange(a1),
    source: standIn.globals.SpreadsheetApp.getActiveSpreadsheet(),
  } as never;
}

describe('simple triggers', () => {
  test('onEdit: cheap inside the table, recompute when the table grows; never throws', () => {
    const standIn = env();
    setupSample(NOW);
    standIn.calls.reset();
    expect(onEditRecompute(editEvent(standIn, 'F12'), NOW)).toBe(false);
    expect(onEditRecompute(editEvent(standIn, 'S20'), NOW)).toBe(false);
    const cheap = standIn.calls.byMethod();
    expect(Object.keys(cheap).filter((k) => /getValues|setValues|getFormulas/.test(k))).toEqual([]);
    const sheet = standIn.sheet('Tiêu chí');
    sheet.getRange('A79:F79').setValues([['9', 'Mới', 1, 'CÓ/KHÔNG', '', 'Có']]);
    expect(onEditRecompute(editEvent(standIn, 'A79:F79'), NOW)).toBe(true);
    expect(sheet.getRange('O5').getFormula()).toContain('$A$79');
    // Rows deleted at the end shrink the formulas' ranges (Sheets adjusts them); an edit just below
    // the new reach is growth again.
    const l5 = sheet.getRange('O5').getFormula();
    sheet.getRange('O5').setFormula(l5.replace(/\$79/g, '$70'));
    expect(onEditRecompute(editEvent(standIn, 'F71'), NOW)).toBe(true);
    expect(sheet.getRange('O5').getFormula()).toBe(l5);
    // An input range wrapped in another function (IFERROR…) still gives the reach: an edit inside is cheap.
    sheet.getRange('O5').setFormula(l5.replace('($A$5:$A$79', '(IFERROR($A$5:$A$79,"")'));
    standIn.calls.reset();
    expect(onEditRecompute(editEvent(standIn, 'F30'), NOW)).toBe(false);
    expect(Object.keys(standIn.calls.byMethod()).filter((k) => /getValues|setValues/.test(k))).toEqual([]);
    sheet.getRange('O5').setFormula(l5);
    // Another tab: ignored.
    const other = standIn.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Khác');
    expect(onEditRecompute({ range: other.getRange('A1') } as never, NOW)).toBe(false);
    expect(onEditRecompute(undefined, NOW)).toBe(false);
    expect(onEditRecompute({} as never, NOW)).toBe(false);
    expect(
      onEditRecompute(
        {
          range: {
            getSheet: () => {
              throw new Error('limited');
            },
          },
        } as never,
        NOW,
      ),
    ).toBe(false);
  });

  test('onOpen only reads the document when authorised', () => {
    env();
    expect(canUseDocument({ authMode: ScriptApp.AuthMode.NONE })).toBe(false);
    expect(canUseDocument({ authMode: ScriptApp.AuthMode.LIMITED })).toBe(true);
    expect(canUseDocument(undefined)).toBe(true);
  });
});
