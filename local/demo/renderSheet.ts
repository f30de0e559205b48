// Renders a stand-in sheet as the user would see it in Google Sheets: display values, number formats,
// backgrounds, font colours, bold, frozen rows, notes (as tooltips), column widths, merged cells, and the
// conditional-format rules evaluated. Rules are evaluated in the forms the add-in writes only: a custom
// formula =$P5="Mất điểm" (ARCHITECTURE.md), the solution cue =ISNUMBER(SEARCH("chưa có giải pháp",$R5)),
// and "text is exactly"; any other rule is listed
// under the table as not rendered, so the page never claims a colour it cannot compute.
// The sheet is read through the Apps Script API (the same calls the add-in would make), never its internals.
import type { CellValue } from '../../src/core/types';
import { cellA1, columnLetters, columnNumber, rangeA1 } from '../gas/spreadsheet/a1';
import { cssColor, esc, page } from './html';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface CfRule {
  ranges: { row: number; column: number; rows: number; columns: number }[];
  /** 'formula' | 'textEq' | other (not rendered). */
  kind: string;
  /** The formula or the text. */
  value: string;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  description: string;
}

export interface SheetSnapshot {
  name: string;
  rows: number;
  columns: number;
  values: CellValue[][];
  display: string[][];
  backgrounds: (string | null)[][];
  fontColors: (string | null)[][];
  bold: boolean[][];
  italic: boolean[][];
  notes: string[][];
  alignments: (string | null)[][];
  verticalAlignments: (string | null)[][];
  /** Wrap on (text breaks inside the cell); off: Sheets lets text overflow into empty cells to the right. */
  wraps: boolean[][];
  frozenRows: number;
  columnWidths: (number | null)[];
  merges: { row: number; column: number; rows: number; columns: number }[];
  rules: CfRule[];
  /** Parts of the sheet the stand-in could not give (rendered without them). */
  missing: string[];
}

/** Calls `obj[name]()` when the stand-in implements it; records the gap otherwise. */
function maybe<T>(obj: object, name: string, missing: string[], args: unknown[] = []): T | null {
  const fn = (obj as Record<string, unknown>)[name];
  if (typeof fn !== 'function') {
    if (!missing.includes(name)) missing.push(name);
    return null;
  }
  return (fn as (...a: unknown[]) => T).apply(obj, args);
}

/** Per-cell getter when the stand-in has no plural form (calls are not counted against the add-in). */
function perCell<T>(
  range: GoogleAppsScript.Spreadsheet.Range,
  name: string,
  rows: number,
  columns: number,
  fill: T,
): T[][] {
  const probe = (range.getCell(1, 1) as unknown as Record<string, unknown>)[name];
  if (typeof probe !== 'function') return grid(rows, columns, fill);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => {
      const cell = range.getCell(r + 1, c + 1) as unknown as Record<string, () => T>;
      return cell[name]() ?? fill;
    }),
  );
}

function grid<T>(rows: number, columns: number, fill: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => fill));
}

export function snapshotSheet(sheet: Sheet): SheetSnapshot {
  const missing: string[] = [];
  const rows = Math.max(1, sheet.getLastRow());
  const columns = Math.max(1, sheet.getLastColumn());
  const range = sheet.getRange(1, 1, rows, columns);
  const values = range.getValues() as CellValue[][];
  const display =
    maybe<string[][]>(range, 'getDisplayValues', missing) ??
    values.map((r) => r.map((v) => fallbackDisplay(v)));
  const backgrounds = maybe<string[][]>(range, 'getBackgrounds', missing) ?? grid(rows, columns, null);
  const fontColors = maybe<string[][]>(range, 'getFontColors', missing) ?? grid(rows, columns, null);
  const weights = maybe<string[][]>(range, 'getFontWeights', missing);
  const styles =
    maybe<string[][]>(range, 'getFontStyles', []) ??
    perCell<string>(range, 'getFontStyle', rows, columns, 'normal');
  const notes = maybe<string[][]>(range, 'getNotes', missing) ?? grid(rows, columns, '');
  const alignments =
    maybe<string[][]>(range, 'getHorizontalAlignments', []) ??
    perCell<string | null>(range, 'getHorizontalAlignment', rows, columns, null);
  const wraps = maybe<boolean[][]>(range, 'getWraps', missing) ?? grid(rows, columns, false);
  const verticalAlignments =
    maybe<string[][]>(range, 'getVerticalAlignments', []) ??
    perCell<string | null>(range, 'getVerticalAlignment', rows, columns, null);
  const frozenRows = maybe<number>(sheet, 'getFrozenRows', missing) ?? 0;
  const columnWidths: (number | null)[] = [];
  for (let c = 1; c <= columns; c++) columnWidths.push(maybe<number>(sheet, 'getColumnWidth', missing, [c]));
  const mergedRanges = maybe<GoogleAppsScript.Spreadsheet.Range[]>(range, 'getMergedRanges', missing) ?? [];
  const merges = mergedRanges.map(box);
  const rawRules =
    maybe<GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]>(
      sheet,
      'getConditionalFormatRules',
      missing,
    ) ?? [];
  return {
    name: sheet.getName(),
    rows,
    columns,
    values,
    display,
    backgrounds,
    fontColors,
    bold: weights ? weights.map((r) => r.map((w) => w === 'bold')) : grid(rows, columns, false),
    italic: styles.map((r) => r.map((s) => s === 'italic')),
    notes,
    alignments,
    verticalAlignments,
    wraps,
    frozenRows,
    columnWidths,
    merges,
    rules: rawRules.map(readRule),
    missing,
  };
}

function box(r: GoogleAppsScript.Spreadsheet.Range): CfRule['ranges'][number] {
  return { row: r.getRow(), column: r.getColumn(), rows: r.getNumRows(), columns: r.getNumColumns() };
}

function readRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): CfRule {
  const ranges = rule.getRanges().map(box);
  const where = ranges.map((r) => rangeA1(r.row, r.column, r.rows, r.columns)).join(', ');
  const condition = rule.getBooleanCondition();
  if (!condition) {
    return {
      ranges,
      kind: 'gradient',
      value: '',
      background: null,
      fontColor: null,
      bold: null,
      description: `${where}: thang màu (gradient)`,
    };
  }
  const type = String(condition.getCriteriaType());
  const args = condition.getCriteriaValues().map((v) => String(v));
  const background = condition.getBackground() ?? null;
  const fontColor = condition.getFontColor() ?? null;
  const bold = typeof condition.getBold === 'function' ? condition.getBold() : null;
  const kind = type === 'CUSTOM_FORMULA' ? 'formula' : type === 'TEXT_EQUAL_TO' ? 'textEq' : type;
  return {
    ranges,
    kind,
    value: args[0] ?? '',
    background,
    fontColor,
    bold,
    description: `${where}: ${type}(${args.join('; ')})`,
  };
}

/** Sheets' "=" on text ignores case. */
function sameText(a: CellValue, b: string): boolean {
  if (a === null || a === undefined) return b === '';
  return String(a).toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');
}

// =$P5="Mất điểm" (also =$P$5=…): a column-absolute reference compared with a text literal.
const FORMULA_FORM = /^=\s*\$([A-Z]{1,3})(\$?)(\d+)\s*=\s*"((?:[^"]|"")*)"\s*$/i;
// =ISNUMBER(SEARCH("text",$R5)): the cell holds the text, ignoring case (Sheets' SEARCH).
const SEARCH_FORM =
  /^=\s*ISNUMBER\(\s*SEARCH\(\s*"((?:[^"]|"")*)"\s*[,;]\s*\$([A-Z]{1,3})(\$?)(\d+)\s*\)\s*\)\s*$/i;

export interface RuleEvaluator {
  /** Format for the cell (1-based), or null; first matching rule wins, as in Sheets. */
  at(
    row: number,
    column: number,
  ): { background: string | null; fontColor: string | null; bold: boolean | null } | null;
  notRendered: string[];
}

export function ruleEvaluator(s: SheetSnapshot): RuleEvaluator {
  const notRendered: string[] = [];
  type Test = (row: number, column: number, top: number) => boolean;
  const compiled: { rule: CfRule; test: Test }[] = [];
  for (const rule of s.rules) {
    if (rule.kind === 'formula' && SEARCH_FORM.test(rule.value)) {
      const m = SEARCH_FORM.exec(rule.value)!;
      const text = m[1].replace(/""/g, '"').toLocaleLowerCase('vi');
      const refCol = columnNumber(m[2]);
      const absoluteRow = m[3] === '$';
      const refRow = Number(m[4]);
      compiled.push({
        rule,
        test: (row, _column, top) => {
          const r = absoluteRow ? refRow : refRow + (row - top);
          const v = s.values[r - 1]?.[refCol - 1];
          return String(v ?? '')
            .toLocaleLowerCase('vi')
            .includes(text);
        },
      });
    } else if (rule.kind === 'formula') {
      const m = FORMULA_FORM.exec(rule.value);
      if (!m) {
        notRendered.push(rule.description);
        continue;
      }
      const refCol = columnNumber(m[1]);
      const absoluteRow = m[2] === '$';
      const refRow = Number(m[3]);
      const text = m[4].replace(/""/g, '"');
      compiled.push({
        rule,
        test: (row, _column, top) => {
          const r = absoluteRow ? refRow : refRow + (row - top);
          return sameText(s.values[r - 1]?.[refCol - 1], text);
        },
      });
    } else if (rule.kind === 'textEq') {
      compiled.push({ rule, test: (row, column) => sameText(s.values[row - 1]?.[column - 1], rule.value) });
    } else {
      notRendered.push(rule.description);
    }
  }
  return {
    notRendered,
    at(row, column) {
      for (const { rule, test } of compiled) {
        for (const r of rule.ranges) {
          if (row < r.row || row >= r.row + r.rows || column < r.column || column >= r.column + r.columns)
            continue;
          if (test(row, column, r.row))
            return { background: rule.background, fontColor: rule.fontColor, bold: rule.bold };
        }
      }
      return null;
    },
  };
}

/** Without getDisplayValues: dates as dd/mm/yyyy, numbers with a decimal comma (Vietnamese locale). */
function fallbackDisplay(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(v.getDate())}/${p(v.getMonth() + 1)}/${v.getFullYear()}`;
  }
  if (typeof v === 'number') return String(Math.round(v * 1e10) / 1e10).replace('.', ',');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export const SHEET_CSS = `
.grid-wrap { overflow: auto; max-height: calc(100vh - 120px); border: 1px solid #c0c0c0; }
table.grid { border-collapse: separate; border-spacing: 0; table-layout: fixed; font-size: 12px; }
table.grid td, table.grid th { border-right: 1px solid #e2e2e2; border-bottom: 1px solid #e2e2e2; padding: 2px 4px;
  vertical-align: bottom; overflow: hidden; white-space: pre; background: #fff; }
table.grid td.wrap { white-space: pre-wrap; overflow-wrap: anywhere; }
table.grid td.spill { overflow: visible; }
table.grid td.spill span.ov { display: block; overflow: hidden; position: relative; z-index: 1; }
table.grid th { background: #f8f9fa; color: #5f6368; font-weight: normal; text-align: center; }
table.grid th.rn { width: 40px; position: sticky; left: 0; z-index: 2; }
table.grid thead { position: sticky; top: 0; z-index: 3; }
table.grid tr.frozen-last > * { border-bottom: 3px solid #bdc1c6; }
td.num { text-align: right; } td.bool { text-align: center; }
td.note { position: relative; } td.note::after { content: ""; position: absolute; top: 0; right: 0;
  border-style: solid; border-width: 0 6px 6px 0; border-color: transparent #000 transparent transparent; }
.tabs { margin-top: 8px; display: flex; gap: 2px; font-size: 12px; }
.tabs span { padding: 4px 12px; background: #f1f3f4; border-radius: 0 0 4px 4px; color: #5f6368; }
.tabs span.active { background: #fff; color: #188038; font-weight: bold; border: 1px solid #dadce0; border-top: 0; }
.notes { margin-top: 12px; color: #5f6368; font-size: 12px; }
`;

/** The table markup for one sheet (no page wrapper), so report.html can reuse it. */
export function sheetTable(s: SheetSnapshot): { html: string; notRendered: string[] } {
  const cf = ruleEvaluator(s);
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; columns: number }>();
  for (const m of s.merges) {
    spans.set(`${m.row}:${m.column}`, { rows: m.rows, columns: m.columns });
    for (let r = m.row; r < m.row + m.rows; r++) {
      for (let c = m.column; c < m.column + m.columns; c++)
        if (r !== m.row || c !== m.column) covered.add(`${r}:${c}`);
    }
  }
  const widths = s.columnWidths.map((w) => Math.max(20, Math.min(600, w ?? 100)));
  const cols = widths.map((w) => `<col style="width:${w}px">`).join('');
  const tableWidth = 40 + widths.reduce((a, b) => a + b, 0);
  const head = `<tr><th class="rn"></th>${Array.from({ length: s.columns }, (_, i) => `<th>${columnLetters(i + 1)}</th>`).join('')}</tr>`;
  const body: string[] = [];
  const frozen: string[] = [];
  for (let r = 1; r <= s.rows; r++) {
    const cells: string[] = [];
    for (let c = 1; c <= s.columns; c++) {
      const key = `${r}:${c}`;
      if (covered.has(key)) continue;
      const value = s.values[r - 1]?.[c - 1];
      const text = s.display[r - 1]?.[c - 1] ?? '';
      const styles: string[] = [];
      const hit = cf.at(r, c);
      const bg = cssColor(hit?.background) ?? cssColor(s.backgrounds[r - 1]?.[c - 1]);
      const fg = cssColor(hit?.fontColor) ?? cssColor(s.fontColors[r - 1]?.[c - 1]);
      if (bg && bg !== '#ffffff') styles.push(`background:${bg}`);
      if (fg && fg !== '#000000') styles.push(`color:${fg}`);
      if (hit?.bold ?? s.bold[r - 1]?.[c - 1]) styles.push('font-weight:bold');
      if (s.italic[r - 1]?.[c - 1]) styles.push('font-style:italic');
      const align = (s.alignments[r - 1]?.[c - 1] ?? '').replace(/^general-/, '');
      if (align === 'left' || align === 'center' || align === 'right') styles.push(`text-align:${align}`);
      const valign = s.verticalAlignments[r - 1]?.[c - 1];
      if (valign === 'top' || valign === 'middle') styles.push(`vertical-align:${valign}`);
      const classes: string[] = [];
      if (typeof value === 'number' || value instanceof Date) classes.push('num');
      if (typeof value === 'boolean') classes.push('bool');
      const note = s.notes[r - 1]?.[c - 1] ?? '';
      if (note) classes.push('note');
      // Unwrapped text overflows into the empty cells to its right and stops at the first non-empty one.
      let spill = 0;
      if (s.wraps[r - 1]?.[c - 1]) classes.push('wrap');
      else if (text !== '' && typeof value === 'string' && !spans.has(key)) {
        for (
          let n = c + 1;
          n <= s.columns && !(s.display[r - 1]?.[n - 1] ?? '') && !covered.has(`${r}:${n}`);
          n++
        )
          spill += widths[n - 1];
        if (spill > 0) classes.push('spill');
      }
      const span = spans.get(key);
      const attrs = [
        classes.length ? `class="${classes.join(' ')}"` : '',
        styles.length ? `style="${esc(styles.join(';'))}"` : '',
        note ? `title="${esc(note)}"` : '',
        span && span.rows > 1 ? `rowspan="${span.rows}"` : '',
        span && span.columns > 1 ? `colspan="${span.columns}"` : '',
        `data-cell="${cellA1(r, c)}"`,
      ]
        .filter(Boolean)
        .join(' ');
      const content =
        spill > 0
          ? `<span class="ov" style="width:${widths[c - 1] + spill - 8}px">${esc(text)}</span>`
          : esc(text);
      cells.push(`<td ${attrs}>${content}</td>`);
    }
    const rowHead = `<th class="rn">${r}</th>`;
    const cls = r === s.frozenRows ? ' class="frozen-last"' : '';
    (r <= s.frozenRows ? frozen : body).push(`<tr${cls}>${rowHead}${cells.join('')}</tr>`);
  }
  const html = `<div class="grid-wrap"><table class="grid" style="width:${tableWidth}px"><colgroup><col style="width:40px">${cols}</colgroup>
<thead>${head}
${frozen.join('\n')}</thead>
<tbody>
${body.join('\n')}
</tbody></table></div>`;
  return { html, notRendered: cf.notRendered };
}

export function renderSheetPage(
  s: SheetSnapshot,
  opts: { title: string; subtitle: string; tabs: string[] },
): string {
  const { html, notRendered } = sheetTable(s);
  const tabs = opts.tabs
    .map((t) => `<span${t === s.name ? ' class="active"' : ''}>${esc(t)}</span>`)
    .join('');
  const notes: string[] = [];
  if (notRendered.length) {
    notes.push(
      `<p>Quy tắc định dạng có điều kiện chưa hiển thị được (not rendered):</p><ul>${notRendered.map((d) => `<li>${esc(d)}</li>`).join('')}</ul>`,
    );
  }
  if (s.missing.length) notes.push(`<p>Bản mô phỏng chưa cung cấp: ${esc(s.missing.join(', '))}.</p>`);
  const body = `<h1>${esc(opts.title)}</h1>
<p class="meta">${esc(opts.subtitle)}</p>
${html}
<div class="tabs">${tabs}</div>
${notes.length ? `<div class="notes">${notes.join('')}</div>` : ''}`;
  return page(opts.title, body, SHEET_CSS);
}
