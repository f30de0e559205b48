// The per-area heat map of the ranking tab: three boolean conditional-format bands over the shares
// (below 50% red, below 80% amber, from 80% green), the colours of src/core/heatColor.ts's scale.
import { HEAT_POINTS } from '../core/heatColor';

export function heatColorStops(): { below: number | null; color: string }[] {
  return [
    { below: 0.5, color: HEAT_POINTS[0].color },
    { below: 0.8, color: HEAT_POINTS[1].color },
    { below: null, color: HEAT_POINTS[2].color },
  ];
}

/** Rules for `range`, in order (the first matching rule wins in Sheets). */
export function heatMapRules(
  range: GoogleAppsScript.Spreadsheet.Range,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  return heatColorStops().map((s) => {
    const b = SpreadsheetApp.newConditionalFormatRule();
    const cond = s.below === null ? b.whenNumberGreaterThanOrEqualTo(0.8) : b.whenNumberLessThan(s.below);
    return cond.setBackground(s.color).setRanges([range]).build();
  });
}
