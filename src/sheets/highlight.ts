// Live row colours: one conditional-format rule per status label, each a whole-row custom formula of the
// exact form `=$P5="Mất điểm"` (absolute status column, relative first data row; the stand-in's HTML
// renderer evaluates that form). Sheets then colours rows as the status formulas recompute, with no script.
// The user's own rules are kept: ours are recognised by that formula form, filtered out and appended again.
// The solution cue (issue 14) comes first among ours, on the Giải pháp (and Hạn khắc phục) cells only:
// `=ISNUMBER(SEARCH("chưa có giải pháp",$R5))` on the Lý do column, so the cue follows exactly the reason
// the core wrote (one truth) and, being first, wins over the row colour in that one cell.
import { NO_SOLUTION_REASON, SOLUTION_OVERDUE_REASON } from '../core/risk';
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

/** The solution cue: a lavender cell (distinct from the row colours) where the sector still owes a solution. */
export const SOLUTION_CUE = { background: '#d9d2e9', fontColor: '#351c75' };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LABELS = HIGHLIGHT_STYLES.map((s) => escape(s.label)).join('|');
const OUR_FORMULA = new RegExp(`^=\\$[A-Z]{1,3}[0-9]+="(${LABELS})"$`);
const CUE_FORMULA = new RegExp(
  `^=ISNUMBER\\(SEARCH\\("(${escape(NO_SOLUTION_REASON)}|${escape(SOLUTION_OVERDUE_REASON)})",\\$[A-Z]{1,3}[0-9]+\\)\\)$`,
);

/** True for a custom formula this add-in writes (any status column, any first row). */
export function isOurFormula(formula: unknown): boolean {
  if (typeof formula !== 'string') return false;
  const f = formula.trim();
  return OUR_FORMULA.test(f) || CUE_FORMULA.test(f);
}

/** The custom formula of a solution cue: the row's Lý do holds the reason. */
export function cueFormula(reasonColumn: number, firstDataRow: number, reason: string): string {
  return `=ISNUMBER(SEARCH("${reason}",$${columnLetter(reasonColumn)}${firstDataRow}))`;
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
  /** The Lý do column, and the solution columns when the table has them (the solution cue). */
  reasonColumn?: number;
  solutionColumn?: number;
  solutionDueColumn?: number;
}

/** One of our rules: its formula, where it applies, its colours. */
interface OurRule {
  formula: string;
  a1: string;
  background: string | null;
  fontColor: string | null;
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

/** Our rules for `area` in priority order: the solution cues first (one cell each), then the row colours. */
function ourRules(area: HighlightArea): OurRule[] {
  const out: OurRule[] = [];
  const column = (c: number) => `${columnLetter(c)}${area.firstRow}:${columnLetter(c)}${area.lastRow}`;
  if (area.reasonColumn !== undefined && area.solutionColumn !== undefined) {
    const cue = (reason: string, c: number) =>
      out.push({
        formula: cueFormula(area.reasonColumn!, area.firstRow, reason),
        a1: column(c),
        ...SOLUTION_CUE,
      });
    cue(NO_SOLUTION_REASON, area.solutionColumn);
    cue(SOLUTION_OVERDUE_REASON, area.solutionDueColumn ?? area.solutionColumn);
  }
  const a1 = areaA1(area);
  for (const s of HIGHLIGHT_STYLES)
    out.push({
      formula: statusFormula(area.statusColumn, area.firstRow, s.label),
      a1,
      background: s.background,
      fontColor: s.fontColor,
    });
  return out;
}

/** Our rules for `area`, as formula@range (a new style in a new version rewrites them: see markKey). */
function wantedRules(area: HighlightArea): string[] {
  return ourRules(area).map((r) => `${r.formula}@${r.a1}`);
}

function markKey(area: HighlightArea): string {
  return ourRules(area)
    .map((r) => `${r.formula}@${r.a1}#${r.background ?? ''}/${r.fontColor ?? ''}`)
    .join('|');
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

  const ranges = new Map<string, GoogleAppsScript.Spreadsheet.Range>();
  const rangeOf = (a1: string) => {
    let r = ranges.get(a1);
    if (r === undefined) ranges.set(a1, (r = sheet.getRange(a1)));
    return r;
  };
  const ours = ourRules(area).map((s) => {
    let builder = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(s.formula)
      .setRanges([rangeOf(s.a1)]);
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
