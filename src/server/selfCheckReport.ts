// The self-check's report (selfCheck.ts): the lines at the top of the "Kiểm tra môi trường" tab and in a
// dialog, each with what the add-in assumed, what this account showed and whether it held; also as plain
// text for the execution log and the stand-in's printout.
import { escapeHtml } from '../mail/render';
import { asTextCell } from '../sheets/report';
import type { ActionResult } from './api';
import { localTime } from './clock';
import { runSelfCheck, selfCheckSheet, type CheckLine } from './selfCheck';

const VERDICT = (held: boolean | null) => (held === true ? 'Đúng' : held === false ? 'KHÁC' : 'Chưa rõ');

/** The report as text: one block per line. */
export function selfCheckText(lines: CheckLine[]): string {
  return lines
    .map(
      (l) => `[${VERDICT(l.held)}] ${l.label}\n  Tiện ích giả định: ${l.assumed}\n  Thực tế: ${l.observed}`,
    )
    .join('\n');
}

function summary(lines: CheckLine[]): string {
  const off = lines.filter((l) => l.held === false).length;
  const open = lines.filter((l) => l.held === null).length;
  return (
    `${lines.length - off - open}/${lines.length} điều tiện ích giả định đúng trên tài khoản này` +
    (off ? `; ${off} điều KHÁC` : '') +
    (open ? `; ${open} chưa rõ` : '') +
    '. Các bước kiểm tra bằng tay còn lại: docs/verify-on-google.md.'
  );
}

function writeTab(lines: CheckLine[], stamp: string): void {
  const sheet = selfCheckSheet(SpreadsheetApp.getActiveSpreadsheet(), false);
  if (!sheet) return;
  const rows = [
    [`Kiểm tra môi trường: ${stamp}`, '', '', ''],
    [summary(lines), '', '', ''],
    ['Kiểm tra', 'Tiện ích giả định', 'Thực tế trên tài khoản này', 'Kết quả'],
    ...lines.map((l) => [l.label, l.assumed, l.observed, VERDICT(l.held)]),
  ];
  sheet.getRange(1, 1, rows.length, 4).setValues(rows.map((r) => r.map((v) => asTextCell(v) as string)));
  sheet.getRange(3, 1, 1, 4).setFontWeight('bold');
  sheet.setColumnWidths(1, 4, 260);
  sheet.getRange(1, 1, rows.length, 4).setWrap(true);
}

function dialogHtml(lines: CheckLine[]): string {
  const row = (l: CheckLine) =>
    `<tr><td>${escapeHtml(l.label)}</td><td>${escapeHtml(l.assumed)}</td><td>${escapeHtml(l.observed)}</td>` +
    `<td style="color:${l.held === false ? '#c00' : l.held ? '#080' : '#a60'}"><b>${VERDICT(l.held)}</b></td></tr>`;
  return (
    `<div style="font:13px Arial,sans-serif"><p>${escapeHtml(summary(lines))}</p>` +
    '<table border="1" cellpadding="4" style="border-collapse:collapse">' +
    '<tr><th>Kiểm tra</th><th>Tiện ích giả định</th><th>Thực tế</th><th>Kết quả</th></tr>' +
    `${lines.map(row).join('')}</table></div>`
  );
}

/** Menu "Kiểm tra môi trường": probes, writes the tab, shows the dialog, logs the text. */
export function selfCheckAction(now: Date = new Date()): ActionResult & { lines: CheckLine[] } {
  const lines = runSelfCheck();
  writeTab(lines, localTime(now).stamp);
  console.log(`[CCHC] Kiểm tra môi trường\n${selfCheckText(lines)}`);
  try {
    const html = HtmlService.createHtmlOutput(dialogHtml(lines)).setWidth(900).setHeight(600);
    SpreadsheetApp.getUi().showModalDialog(html, 'Kiểm tra môi trường');
  } catch {
    // No UI (a test or a script run): the tab and the log hold the report.
  }
  return { ok: lines.every((l) => l.held !== false), message: summary(lines), lines };
}
