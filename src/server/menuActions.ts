// The menu's adapter: every add-on menu item (src/server/menu.ts names them, src/index.ts declares them)
// runs its action under the one error→result policy (result.ts) and shows the result in a toast or an
// alert. Nothing here computes anything.
import type { ActionResult } from './api';
import { checkData } from './checkData';
import { problemLine } from './problems';
import { recompute } from './recompute';
import { generateReport, snapshotNow } from './reporting.lazy';
import { settle } from './result';
import { sendMonthly } from './schedule.lazy';
import { sendProvinceEmail, setupProvince } from './province.lazy';
import { attachSheet, lacksSolutionColumns, setupSample } from './setUpTab.lazy';
import { importOfficial } from './importOfficial.lazy';
import { showSidebar } from './menu';
import { runRoundAction } from './roundActions';
import { unlockQuestion } from './roundActions.lazy';

function ui(): GoogleAppsScript.Base.Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch {
    return null;
  }
}

function alert(title: string, message: string): void {
  const u = ui();
  if (u) u.alert(title, message, u.ButtonSet.OK);
}

/**
 * Runs a menu action: a toast when it succeeded and `toast` is set, else an alert with the message. The toast
 * goes through the spreadsheet the action used when it says so (one Spreadsheet call fewer).
 */
export function runFromMenu(
  title: string,
  action: () => ActionResult & { spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet },
  toast: boolean,
): void {
  const result: ReturnType<typeof action> = settle(action);
  if (result.ok && toast) {
    try {
      (result.spreadsheet ?? SpreadsheetApp.getActiveSpreadsheet()).toast(result.message, title, 10);
      return;
    } catch {
      // No spreadsheet to toast in: the alert below says it.
    }
  }
  alert(title, result.message);
}

/** Menu "Thiết lập bảng tiêu chí mẫu › Bộ chỉ số CCHC cấp xã (mẫu)". */
export function menuSetupSampleAction(): void {
  runFromMenu('Thiết lập bảng tiêu chí', () => setupSample(), false);
}

/** Menu "Thiết lập bảng tiêu chí mẫu › Bộ chỉ số 766 (Cổng DVCQG)". */
export function menuSetup766Action(): void {
  runFromMenu('Thiết lập Bộ chỉ số 766', () => setupSample(new Date(), '766'), false);
}

/** Menu "Gắn vào trang đang mở": set-up on the active tab (the user's own indicator set). */
export function menuAttachActiveSheetAction(): void {
  const title = 'Gắn vào trang đang mở';
  runFromMenu(
    title,
    () => {
      const name = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName();
      // Issue 14: a table without the solution columns is offered them, asked first.
      const u = lacksSolutionColumns(name) ? ui() : null;
      const add = !!u && u.alert(title, SOLUTION_COLUMNS_QUESTION, u.ButtonSet.YES_NO) === u.Button.YES;
      return attachSheet(name, new Date(), add);
    },
    false,
  );
}

/** The question before adding the solution columns to a commune's own table. */
export const SOLUTION_COLUMNS_QUESTION =
  'Bảng chưa có cột Giải pháp, Người thực hiện, Hạn khắc phục (ngành ghi giải pháp cho tiêu chí cần xử lý). Thêm các cột đó vào bên phải bảng? Không dời cột nào, không ghi đè ô nào đã có dữ liệu.';

/** Menu "Tính lại điểm và tô màu". */
export function menuRecomputeAction(): void {
  runFromMenu('Tính lại', () => recompute(), true);
}

/** The most problems listed in an alert; the sidebar lists all of them. */
const ALERT_PROBLEMS = 25;

/** Menu "Kiểm tra dữ liệu": the problems in a dialog. */
export function menuCheckDataAction(): void {
  runFromMenu(
    'Kiểm tra dữ liệu',
    () => {
      const state = checkData();
      if (!state.ok || state.problems.length === 0) return { ok: false, message: state.message };
      const lines = state.problems.slice(0, ALERT_PROBLEMS).map(problemLine);
      const more =
        state.problems.length > ALERT_PROBLEMS
          ? `\n… và ${state.problems.length - ALERT_PROBLEMS} vấn đề khác: mở bảng điều khiển để xem hết và chọn từng ô.`
          : '';
      return { ok: false, message: `${state.message}\n\n${lines.join('\n')}${more}` };
    },
    false,
  );
}

/** Menu "Lập trang báo cáo". */
export function menuGenerateReportAction(): void {
  runFromMenu('Lập trang báo cáo', () => ({ ok: true, message: generateReport() }), true);
}

/** Menu "Lưu số liệu tháng vào Lịch sử". */
export function menuSnapshotAction(): void {
  runFromMenu('Lưu số liệu tháng', () => ({ ok: true, message: snapshotNow().message }), true);
}

/** Menu "Gửi báo cáo tháng ngay": never resends a month already sent. */
export function menuSendNowAction(): void {
  runFromMenu('Gửi báo cáo tháng', () => sendNowOutcome(false), true);
}

/** The monthly send as an outcome: sent (or already sent) is ok. */
export function sendNowOutcome(force: boolean): ActionResult {
  const r = sendMonthly({ force: force === true });
  return { ok: r.status === 'sent' || r.status === 'alreadySent', message: r.message };
}

/**
 * Menu "Nhập bộ chỉ số chính thức": the official table pasted into the open tab becomes the criteria tab.
 * When the criteria tab already has content the user is asked (Yes: a new tab, the old one kept; No: stop).
 * Then the sidebar opens on the rows to review.
 */
export function menuImportOfficialAction(): void {
  const title = 'Nhập bộ chỉ số chính thức';
  let imported = false;
  runFromMenu(
    title,
    () => {
      const first = importOfficial('', false);
      let result = first.result;
      if (result.needsConfirm) {
        const u = ui();
        if (!u || u.alert(title, result.message, u.ButtonSet.YES_NO) !== u.Button.YES) {
          return { ok: false, message: 'Đã dừng: không ghi gì vào bảng tính.' };
        }
        result = importOfficial('', true).result;
      }
      imported = result.ok;
      return result;
    },
    false,
  );
  if (imported) {
    try {
      showSidebar();
    } catch {
      // No UI to open it in: the alert above said where the rows to review are.
    }
  }
}

/** Menu "Thiết lập bảng tổng hợp tỉnh/xã": the province workbook (src/server/provinceSetup.ts). */
export function menuSetupProvinceAction(): void {
  runFromMenu('Bảng tổng hợp tỉnh/xã', () => setupProvince(), false);
}

/** Menu "Gửi email tổng hợp tỉnh" (src/server/provinceMail.ts). */
export function menuSendProvinceEmailAction(): void {
  runFromMenu('Email tổng hợp tỉnh', () => sendProvinceEmail(), false);
}

/** Menu "Mở khóa vòng chấm": asks first, then removes only the add-in's own round locks. */
export function menuUnlockRoundsAction(): void {
  const title = 'Mở khóa vòng chấm';
  runFromMenu(
    title,
    () => {
      const u = ui();
      if (!u || u.alert(title, unlockQuestion(), u.ButtonSet.YES_NO) !== u.Button.YES) {
        return { ok: false, message: 'Đã dừng: không gỡ khóa nào.' };
      }
      return { ok: true, message: runRoundAction('unlock') };
    },
    false,
  );
}
