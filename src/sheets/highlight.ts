// Live row colours: one conditional-format rule per status label, each a whole-row custom formula of the
// exact form `=$P5="Mất điểm"` (absolute status column, relative first data row; the stand-in's HTML
// renderer evaluates that form). Sheets then colours rows as the status formulas recompute, with no script.
// The user's own rules are kept: ours are recognised by that formula form, filtered out and appended again.
import { STATUS_LABELS, type StatusLabelKey } from '../core/vocabulary';
import { columnLetter } from './headers';

interface RuleStyle {
  /** Which status label the rule matches (the label text itself comes from the vocabulary). */
  key: StatusLabelKey;
  label: string;
  background: string | null;
  fontColor: string | null;
}

/** Our rules in priority order (Sheets applies the first matching rule). */
export const HIGHLIGHT_STYLES: RuleStyle[] = [
  { key: 'losing', label: STATUS_LABELS.losing, background: '#f4c7c3', fontColor: null },
  { key: 'overdue', label: STATUS_LABELS.overdue, background: '#f4c7c3', fontColor: null },
  { key: 'atRisk', label: STATUS_LABELS.atRisk, background: '#fce8b2', fontColor: null },
  { key: 'secured', label: STATUS_LABELS.secured, background: '#d9ead3', fontColor: null },
  { key: 'notApplicable', label: STATUS_LABELS.notApplicable, background: '#eeeeee', fontColor: '#757575' },
  { key: 'tracking', label: STATUS_LABELS.tracking, background: '#eeeeee', fontColor: '#757575' },
  { key: 'error', label: STATUS_LABELS.error, background: null, fontColor: '#cc0000' },
];

const LABELS = HIGHLIGHT_STYLES.map((s) => s.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const OUR_FORMULA = new RegExp(`^=\\$[A-Z]{1,3}[0-9]+="(${LABELS})"$`);

/** True for a custom formula this add-in writes (any status column, any first row). */
export function isOurFormula(formula: unknown): boolean {
  return typeof formula === 'string' && OUR_FORMULA.test(formula.trim());
}

/** The custom formula of one status rule. */
export function statusFormula(statusColumn: number, firstDataRow: number, label: string): string {
  return `=$${columnLetter(statusColumn)}${firstDataRow}="${label}"`;
}

/** Where to colour: whole table rows, from the first table column to the last output column. */
export interface HighlightArea {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  statusColumn: number;
}

function areaA1(area: HighlightArea): string {
  return `${columnLetter(area.firstColumn)}${area.firstRow}:${columnLetter(area.lastColumn)}${area.lastRow}`;
}

function ourFormulaOf(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string | null {
  const condition = rule.getBooleanCondition();
  if (!condition) return null;
  const values = condition.getCriteriaValues();
  const formula = values && values.length ? values[0] : null;
  return isOurFormula(formula) ? String(formula).trim() : null;
}

/**
 * What our last write (or check) left: the rules we want, as one string, and how many rules the tab then
 * held. The caller stores it (document properties) and passes it back, so the steady path reads the rule
 * list once and looks at no rule.
 */
export interface HighlightMark {
  key: string;
  count: number;
}

/** Our rules for `area`, styles included (a new style in a new version rewrites them). */
function wantedRules(area: HighlightArea): string[] {
  const a1 = areaA1(area);
  return HIGHLIGHT_STYLES.map((s) => `${statusFormula(area.statusColumn, area.firstRow, s.label)}@${a1}`);
}

function markKey(area: HighlightArea): string {
  const wanted = wantedRules(area);
  return HIGHLIGHT_STYLES.map((s, i) => `${wanted[i]}#${s.background ?? ''}/${s.fontColor ?? ''}`).join('|');
}

export interface HighlightResult {
  /** True when the rules were written. */
  wrote: boolean;
  /** To store and pass back next time. */
  mark: HighlightMark;
}

/**
 * Makes our conditional-format rules on `sheet` the ones `area` needs: user rules kept, ours after them.
 * Spreadsheet calls: 1 get; with a `known` mark that still fits (same wanted rules, same number of rules on
 * the tab) nothing more. Otherwise every rule is inspected (4 calls each) and the list is set again only
 * when ours are missing, stale, or not last.
 *
 * Residual case of the mark (documented, accepted): an edit in the Sheets UI that keeps the number of rules
 * (recolouring or rewriting one of ours, deleting one of ours and adding one of the user's, reordering) is
 * not seen by the count; it is repaired by the next full check (set-up, the daily trigger, on open) or by
 * any change that moves the count, the table's area or the status column.
 */
export function applyHighlight(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  area: HighlightArea,
  known?: HighlightMark | null,
): HighlightResult {
  const existing = sheet.getConditionalFormatRules();
  const key = markKey(area);
  if (known && known.key === key && known.count === existing.length) return { wrote: false, mark: known };

  const user: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  const oursNow: string[] = [];
  let oursAtEnd = true;
  for (const rule of existing) {
    const formula = ourFormulaOf(rule);
    if (formula === null) {
      user.push(rule);
      // A user rule after one of ours: ours are no longer last (user rules must keep priority).
      if (oursNow.length) oursAtEnd = false;
    } else
      oursNow.push(
        `${formula}@${rule
          .getRanges()
          .map((r) => r.getA1Notation())
          .join(',')}`,
      );
  }
  const wanted = wantedRules(area);
  // Ours already in place, in order, after every user rule: nothing to write.
  if (oursAtEnd && oursNow.length === wanted.length && oursNow.every((s, i) => s === wanted[i])) {
    return { wrote: false, mark: { key, count: existing.length } };
  }

  const range = sheet.getRange(areaA1(area));
  const ours = HIGHLIGHT_STYLES.map((s) => {
    let builder = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(statusFormula(area.statusColumn, area.firstRow, s.label))
      .setRanges([range]);
    if (s.background) builder = builder.setBackground(s.background);
    if (s.fontColor) builder = builder.setFontColor(s.fontColor);
    return builder.build();
  });
  sheet.setConditionalFormatRules([...user, ...ours]);
  return { wrote: true, mark: { key, count: user.length + ours.length } };
}

/** Removes only our rules (user rules stay). */
export function removeHighlight(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const existing = sheet.getConditionalFormatRules();
  const user = existing.filter((r) => ourFormulaOf(r) === null);
  if (user.length !== existing.length) sheet.setConditionalFormatRules(user);
}
