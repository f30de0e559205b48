// "Kiểm tra môi trường": run once on a real Google account, it probes what the add-in assumes where
// Google's documentation is silent or ambiguous, and reports each assumption with what was observed and
// whether it held, in a tab and a dialog (selfCheckReport.ts). The stand-in runs it in tests under each of
// its switches (local/gas/context.ts). What cannot be probed from a menu run (a timer run of the published
// add-on, a collaborator without the add-on) is listed with exact steps in docs/verify-on-google.md.
import { SHEETS_ERROR_MARK } from '../core/values';
import { asTextCell } from '../sheets/report';
import { loadSettings } from './settingsStore';
import { findTrigger, readScheduleRecord, spreadsheetIdOf } from './scheduleTrigger';
import { timeZone } from './clock';
import { markOwnTab, ownTabPlace, tabList } from '../sheets/tabs';

export const SELF_CHECK_SHEET = 'Kiểm tra môi trường';
/** Where the probe cells sit on the tab (below the report). */
export const PROBE_ROW = 30;
/** The marker an input-range error becomes when the add-in's formulas wrap the range in IFERROR. */
const ERROR_MARK = SHEETS_ERROR_MARK;

export interface CheckLine {
  label: string;
  /** What the add-in assumed (or how it copes either way). */
  assumed: string;
  /** What this account showed. */
  observed: string;
  /** true: held; false: did not hold (the add-in needs the fix named in `observed`); null: not determined. */
  held: boolean | null;
}

/** Text a user may type that Sheets could take for a formula. */
const SIGNED = ['+84 912 345 678', '-abc', '@x'];

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const LOADING = /^loading/i;

function line(label: string, assumed: string, observed: string, held: boolean | null): CheckLine {
  return { label, assumed, observed, held };
}

/** One check: `probe` returns [observed, held]; a thrown error is an observation that did not hold. */
function check(label: string, assumed: string, probe: () => [string, boolean | null]): CheckLine {
  try {
    const [observed, held] = probe();
    return line(label, assumed, observed, held);
  } catch (error) {
    return line(label, assumed, `lỗi: ${error instanceof Error ? error.message : String(error)}`, false);
  }
}

/** Writes the probe cells; formulas use the US syntax the add-in writes everywhere (commas). */
function writeProbes(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const r = PROBE_ROW;
  sheet.getRange(r - 1, 1).setValue('Ô thử của "Kiểm tra môi trường" (có thể xóa cả trang này sau khi xem):');
  sheet.getRange(r, 1, 4, 1).setFormulas([['=NA()'], ['=1/0'], ['=1'], ['=DATE(2024,6,15)']]);
  sheet
    .getRange(r, 2, 1, 4)
    .setFormulas([
      [
        `=CCHC_PROBE(A${r}:A${r + 2})`,
        `=ARRAYFORMULA(CCHC_PROBE(IFERROR(A${r}:A${r + 2},"${ERROR_MARK}")))`,
        `=CCHC_PROBE(A${r + 3})`,
        '=SUM(1,2)',
      ],
    ]);
  sheet.getRange(r + 1, 6, 1, 3).setValues([SIGNED]);
  sheet.getRange(r + 2, 6, 1, 3).setValues([SIGNED.map((s) => asTextCell(s) as string)]);
}

/** Reads the probe results, waiting (a little) while Sheets still shows "Loading…" for custom functions. */
function readProbes(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[] {
  let values: unknown[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    SpreadsheetApp.flush();
    values = sheet.getRange(PROBE_ROW, 2, 1, 4).getValues()[0] ?? [];
    if (!values.slice(0, 3).some((v) => LOADING.test(text(v)))) break;
    Utilities.sleep(1500);
  }
  return values;
}

/**
 * The add-in's own self-check tab, created and marked when missing. A commune's tab that happens to carry
 * the name (in any case) is never cleared: the check goes to `Kiểm tra môi trường (CCHC)` instead.
 */
export function selfCheckSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  create: boolean,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  const place = ownTabPlace(tabList(ss), 'selfCheck', SELF_CHECK_SHEET);
  if (place.sheet || !create) return place.sheet;
  const sheet = ss.insertSheet(place.name);
  markOwnTab(sheet, 'selfCheck');
  return sheet;
}

export function runSelfCheck(): CheckLine[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = selfCheckSheet(ss, true)!;
  sheet.clear();
  writeProbes(sheet);
  const [plain, wrapped, date, sum] = readProbes(sheet).map(text);
  const lines: CheckLine[] = [];

  const errLabel = 'Ô lỗi (#N/A, #DIV/0!) trong vùng truyền vào hàm tùy chỉnh';
  const errAssumed = `Đúng với cả hai cách Sheets có thể làm: lỗi đến hàm dưới dạng chữ, hoặc cả công thức hiện lỗi; vì vậy công thức của tiện ích bọc vùng nhập liệu bằng IFERROR(…,"${ERROR_MARK}").`;
  if ([plain, wrapped].some((v) => LOADING.test(v))) {
    lines.push(
      line(
        errLabel,
        errAssumed,
        'Sheets chưa tính xong ô thử: chạy lại Kiểm tra môi trường sau ít giây.',
        null,
      ),
    );
  } else {
    const passes = plain.startsWith('#') ? `cả công thức hiện ${plain} (lỗi lan ra)` : `hàm nhận: ${plain}`;
    const wrappedOk = wrapped === `chữ:${ERROR_MARK} | chữ:${ERROR_MARK} | số:1`;
    lines.push(line(errLabel, errAssumed, `${passes}; khi bọc IFERROR hàm nhận: ${wrapped}`, wrappedOk));
  }

  lines.push(
    check('Múi giờ', 'Ngày trong ô được đọc theo múi giờ của bảng tính, dù script dùng múi giờ khác.', () => [
      `bảng tính ${ss.getSpreadsheetTimeZone()}, script ${timeZone()}; ô =DATE(2024,6,15) đến hàm là ${date || '(trống)'}`,
      LOADING.test(date) ? null : date.startsWith('ngày:2024-06-15'),
    ]),
    check('Khóa tài liệu', 'LockService.getDocumentLock() có và khóa được khi chạy từ menu.', () => {
      const lock = LockService.getDocumentLock();
      const locked = lock ? lock.tryLock(5000) : false;
      if (lock && locked) lock.releaseLock();
      return [lock ? (locked ? 'có, khóa được' : 'có, nhưng đang bận') : 'null', locked];
    }),
    check('Thuộc tính tài liệu', 'PropertiesService.getDocumentProperties() có khi chạy từ menu.', () => {
      const props = PropertiesService.getDocumentProperties();
      return [props ? `có (${props.getKeys().length} khóa)` : 'null', props !== null];
    }),
    check(
      'Trình kích hoạt hằng ngày',
      'Tìm được theo mã riêng (uniqueId) trong ít nhất một danh sách.',
      () => {
        const id = spreadsheetIdOf(ss);
        const record = readScheduleRecord(id);
        const lists: [string, GoogleAppsScript.Script.Trigger[]][] = [
          ['getUserTriggers(bảng tính)', ScriptApp.getUserTriggers(ss)],
          ['getProjectTriggers()', ScriptApp.getProjectTriggers()],
        ];
        const shown = lists.map(
          ([name, list]) =>
            `${name}: ${list.length}${record ? (list.some((t) => t.getUniqueId() === record.triggerId) ? ', có lịch của tiện ích' : ', không có lịch của tiện ích') : ''}`,
        );
        if (!record)
          return [`lịch chưa bật (${shown.join('; ')}): bật lịch trong thanh bên rồi chạy lại`, null];
        return [shown.join('; '), findTrigger(ss, id) !== null];
      },
    ),
    check('Hạn mức gửi thư', 'Đủ cho mọi người nhận của thư tháng (lãnh đạo + các ngành).', () => {
      const quota = MailApp.getRemainingDailyQuota();
      const { settings } = loadSettings();
      const wanted = settings.leadership.length + settings.sectors.filter((x) => x.email).length;
      return [`còn ${quota} người nhận hôm nay; thư tháng cần ${wanted}`, quota >= wanted];
    }),
    check(
      'Dấu thập phân và cú pháp công thức',
      'Công thức tiện ích ghi theo cú pháp Mỹ (dấu phẩy ngăn đối số) chạy với mọi ngôn ngữ bảng tính; người dùng gõ 0,5 hay 0.5 đều được.',
      () => {
        const shown = sheet
          .getRange(PROBE_ROW + 6, 1)
          .setValue(0.5)
          .getDisplayValue();
        return [
          `ngôn ngữ ${ss.getSpreadsheetLocale()}; 0.5 hiển thị "${shown}"; =SUM(1,2) cho ${sum}`,
          sum === '3',
        ];
      },
    ),
    check(
      'Tên trang và chữ hoa/thường',
      'Tiện ích tìm trang tiêu chí theo đúng tên trong Cài đặt; đúng dù getSheetByName có phân biệt hoa/thường hay không.',
      () => [
        ss.getSheetByName(SELF_CHECK_SHEET.toUpperCase())
          ? 'getSheetByName KHÔNG phân biệt chữ hoa/thường'
          : 'getSheetByName phân biệt chữ hoa/thường',
        true,
      ],
    ),
    check(
      'Chữ bắt đầu bằng + - @ ghi bằng setValues',
      "Tiện ích thêm dấu ' trước chữ bắt đầu bằng = + - @, nên chữ được giữ nguyên.",
      () => {
        const range = sheet.getRange(PROBE_ROW + 1, 6, 2, 3);
        const formulas = range.getFormulas();
        const values = range.getValues();
        const kept = (r: number, j: number) => formulas[r]![j] === '' && text(values[r]![j]) === SIGNED[j];
        const changed = SIGNED.filter((_, j) => !kept(0, j));
        const escaped = SIGNED.every((_, j) => kept(1, j));
        return [
          `không có dấu ': ${changed.length ? `Sheets đổi ${changed.map((x) => `"${x}"`).join(', ')}` : 'giữ nguyên'}; có dấu ': ${escaped ? 'giữ nguyên' : 'vẫn bị đổi'}`,
          escaped,
        ];
      },
    ),
  );
  return lines;
}
