// Input help on the criteria sheet: the code column formatted as text (so "1.10" stays "1.10"), a yes/no
// dropdown on the results of CÓ/KHÔNG rows, a date check on the deadline column, hint-only validations
// (a help text shown when the cell is selected, never a rejection) on the rule column and on other results,
// and notes on the header cells. Warnings only: nothing here ever rejects what a user types or pastes,
// because the core reads tolerant input ("0,5", "95%", "Không áp dụng") that a strict rule would flag.
// A validation or header note the user set is never replaced.
import { NOT_APPLICABLE_TEXT, OUTPUT_FUNCTIONS, STATUS_LABELS } from '../core/vocabulary';
import type { CriteriaRow, ColumnKey } from '../core/types';
import { foldHeader } from './headers';
import type { TableLayout } from './table';

/** What a rule cell asks for in the result column, from its keyword (the core parses the details). */
export type RuleFamily = 'yesNo' | 'deadline' | 'ratio' | 'count' | 'deduct' | 'manual' | null;

const FAMILIES: [RegExp, RuleFamily][] = [
  [/^(co khong|yesno|yes no|bool)\b/, 'yesNo'],
  [/^(han|deadline)\b/, 'deadline'],
  [/^(muc|tiers?|ty le|ratio|khao sat|survey)\b/, 'ratio'],
  [/^(dem|count)\b/, 'count'],
  [/^(tru|deduct)\b/, 'deduct'],
  [/^(tu cham|manual)\b/, 'manual'],
];

/** The family of a rule cell, or null for an empty (parent) or unknown rule. */
export function ruleFamily(rule: unknown): RuleFamily {
  if (typeof rule !== 'string') return null;
  const folded = foldHeader(rule);
  for (const [re, family] of FAMILIES) if (re.test(folded)) return family;
  return null;
}

export const YES_NO_CHOICES = ['Có', 'Không', NOT_APPLICABLE_TEXT];

const RESULT_HINTS: Record<Exclude<RuleFamily, null>, string> = {
  yesNo: 'Chọn Có hoặc Không (Không áp dụng nếu nhiệm vụ không phát sinh).',
  deadline:
    'Nhập ngày hoàn thành (dd/mm/yyyy), hoặc Đúng hạn / Trễ hạn / Chưa. Để trống khi chưa có số liệu.',
  ratio: 'Nhập tỷ lệ đạt được, ví dụ 95% (hoặc Không áp dụng).',
  count: 'Nhập số lượng (số hoạt động, tin bài…).',
  deduct: 'Nhập số lần vi phạm / số việc bị trừ điểm (0 nếu không có).',
  manual: 'Nhập số điểm tự chấm, từ 0 đến Điểm tối đa.',
};

export const RULE_HINT =
  'Một quy tắc mỗi ô: CÓ/KHÔNG · HẠN(50%) · MỨC(100%: 4; 98%: 3; 95%: 2) · TỶ LỆ hoặc TỶ LỆ(98%) · ' +
  'ĐẾM(0,25) · TRỪ(0,25) · KHẢO SÁT · TỰ CHẤM. Để trống ở dòng lĩnh vực / tiêu chí có tiêu chí con.';

/** Notes on the header cells: what to type in each column. */
export const HEADER_NOTES: Partial<Record<ColumnKey, string>> = {
  code: 'Mã phân cấp: 1 (lĩnh vực), 1.1 (tiêu chí), 1.1.1 (tiêu chí thành phần); "+" điểm thưởng, "-" điểm trừ. Cột được định dạng văn bản để 1.10 giữ nguyên.',
  title: 'Tên lĩnh vực / tiêu chí / tiêu chí thành phần theo bộ chỉ số được ban hành.',
  max: 'Điểm tối đa của dòng. Dòng cha bằng tổng các dòng con; các lĩnh vực cộng lại 100. Dấu thập phân: phẩy hoặc chấm (0,5 = 0.5).',
  rule: `Cách chấm. ${RULE_HINT}`,
  target: 'Chỉ tiêu: tỷ lệ (ví dụ 98%), số lượng, "Đạt", hoặc hạn (dd/mm/yyyy) với quy tắc HẠN.',
  actual: `Kết quả thực hiện do ngành kê khai: tỷ lệ (95%), số lượng, Có/Không, ngày hoàn thành… "${NOT_APPLICABLE_TEXT}" (KAD, N/A) khi không phát sinh. Để trống khi chưa có số liệu.`,
  evidence:
    'Tài liệu kiểm chứng (số, ký hiệu văn bản, đường dẫn). Dòng tự chấm có điểm mà thiếu minh chứng sẽ được cảnh báo.',
  sector:
    'Ngành / bộ phận phụ trách (VP-TK, TP-HT, ĐC-XD, TC-KT, VH-XH, BPMC…). Nhiều ngành: ngăn cách bằng dấu phẩy.',
  deadline: 'Hạn hoàn thành (dd/mm/yyyy). Sắp đến hạn mà chưa xong sẽ được cảnh báo.',
  notes: 'Giải trình khi không đạt hoặc không có minh chứng.',
  appraised: 'Điểm hội đồng thẩm định chấm (nếu có); chênh nhiều so với điểm tự chấm sẽ được cảnh báo.',
  score: 'Do tiện ích tính bằng công thức CCHC_POINTS: không nhập tay vào cột này.',
  status: `Do tiện ích tính (${OUTPUT_FUNCTIONS.outputs.name}): ${Object.values(STATUS_LABELS).join(', ')}. Không nhập tay.`,
  reason: 'Do tiện ích tính (CCHC_REASON): lý do của trạng thái. Không nhập tay.',
};

const DEADLINE_HINT = 'Nhập hạn hoàn thành dạng ngày (dd/mm/yyyy).';

/** True for no validation or one of ours (known by its help text); any other is the user's and stays. */
function replaceable(v: GoogleAppsScript.Spreadsheet.DataValidation | null): boolean {
  if (!v) return true;
  const text = v.getHelpText();
  return text === RULE_HINT || text === DEADLINE_HINT || Object.values(RESULT_HINTS).includes(text);
}

/** Sets the validation of each cell of a one-column range, keeping the user's own validations. */
function setKeepingUsers(
  range: GoogleAppsScript.Spreadsheet.Range,
  wanted: (i: number) => GoogleAppsScript.Spreadsheet.DataValidation | null,
): void {
  range.setDataValidations(range.getDataValidations().map(([v], i) => [replaceable(v) ? wanted(i) : v]));
}

function hint(text: string): GoogleAppsScript.Spreadsheet.DataValidation {
  // "=TRUE" never fails: Sheets only shows the help text when the cell is selected.
  return SpreadsheetApp.newDataValidation()
    .requireFormulaSatisfied('=TRUE')
    .setAllowInvalid(true)
    .setHelpText(text)
    .build();
}

/** Validation of one result cell, by its rule. */
function resultValidation(family: RuleFamily): GoogleAppsScript.Spreadsheet.DataValidation | null {
  if (family === null) return null;
  if (family === 'yesNo') {
    return SpreadsheetApp.newDataValidation()
      .requireValueInList(YES_NO_CHOICES, true)
      .setAllowInvalid(true)
      .setHelpText(RESULT_HINTS.yesNo)
      .build();
  }
  return hint(RESULT_HINTS[family]);
}

/**
 * Applies formats, validations and header notes. Spreadsheet calls are constant in the number of rows
 * (one builder per rule family, one batch setter per column). User notes on header cells are kept.
 */
export function applyInputHelp(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  layout: TableLayout,
  rows: CriteriaRow[],
): void {
  const { columns, firstDataRow } = layout;
  const count = Math.max(rows.length, 1);
  const maxRows = sheet.getMaxRows();

  // The whole code column below the header, so rows typed later keep "1.10" as text too.
  if (columns.code !== undefined && maxRows >= firstDataRow) {
    sheet.getRange(firstDataRow, columns.code, maxRows - firstDataRow + 1, 1).setNumberFormat('@');
  }
  // Validations on input cells are ours to set only where the cell has none or one of ours: a dropdown
  // the commune put on its own columns stays.
  if (columns.rule !== undefined) {
    const rule = hint(RULE_HINT);
    setKeepingUsers(sheet.getRange(firstDataRow, columns.rule, count, 1), () => rule);
  }
  if (columns.actual !== undefined) {
    const built = new Map<RuleFamily, GoogleAppsScript.Spreadsheet.DataValidation | null>();
    setKeepingUsers(sheet.getRange(firstDataRow, columns.actual, count, 1), (i) => {
      const family = rows[i] ? ruleFamily(rows[i].rule) : null;
      if (!built.has(family)) built.set(family, resultValidation(family));
      return built.get(family) ?? null;
    });
  }
  if (columns.deadline !== undefined) {
    const date = SpreadsheetApp.newDataValidation()
      .requireDate()
      .setAllowInvalid(true)
      .setHelpText(DEADLINE_HINT)
      .build();
    setKeepingUsers(sheet.getRange(firstDataRow, columns.deadline, count, 1), () => date);
  }

  // Header notes: ours where the cell has no note or one of ours; a note the user wrote stays.
  const width = Math.max(...(Object.values(columns) as number[]));
  const header = sheet.getRange(layout.headerRow, 1, 1, width);
  const current = header.getNotes()[0];
  const OUR_NOTES = new Set(Object.values(HEADER_NOTES));
  const notes = current.map((note) => note);
  let changed = false;
  for (const key of Object.keys(columns) as ColumnKey[]) {
    const c = columns[key]!;
    const ours = HEADER_NOTES[key];
    if (!ours) continue;
    if ((current[c - 1] === '' || OUR_NOTES.has(current[c - 1])) && current[c - 1] !== ours) {
      notes[c - 1] = ours;
      changed = true;
    }
  }
  if (changed) header.setNotes([notes]);
}
