// "Gửi email tổng hợp tỉnh" (menu, in the province workbook): reads what the province tabs show (the ranking,
// the weak list, each commune's state), sends the province email (src/mail/provinceEmail.ts) to the
// leadership addresses of Cài đặt (the province's PAR office), at most once per month per document (the
// per-recipient progress is kept as for the commune email), then records this month's ranks and indexes in
// the snapshot tab (src/sheets/provinceSnapshot.ts), which next month's email and the ranking tab's change
// columns read by commune name. The daily trigger sends it on the
// schedule day (provinceTick, called by src/server/schedule.ts), retrying later days until it is complete.
import { buildProvinceReport, type CommuneStanding, type PreviousStanding } from '../core/provinceReport';
import type { WeakCriterion } from '../core/weakCriteria';
import { renderProvinceEmail } from '../mail/provinceEmail';
import {
  mailAppMailer,
  newProgress,
  sendPending,
  type Delivery,
  type Mailer,
  type SendProgress,
} from '../mail/send';
import { EXPORT_FIRST_ROW, EXPORT_ROWS } from '../core/exportLayout';
import { previousSnapshot, readSnapshots, writeSnapshot, type SnapshotRow } from '../sheets/provinceSnapshot';
import { sheetLinks } from '../core/sheetLinks';
import {
  blockRow,
  PROVINCE_TABS,
  RANK_STATE_COLUMN,
  RANKING_HEADERS,
  STATE_OK,
  WEAK_HEADERS,
} from '../sheets/provinceWorkbook';
import type { ActionResult } from './api';
import { localTime } from './clock';
import { withDocumentLock } from './locks';
import { UserError } from './result';
import { loadSettings } from './settingsStore';

/** Document properties: the month's send progress, and the month whose scheduled send came due. */
export const PROVINCE_KEYS = { progress: 'cchc.provinceMail', due: 'cchc.provinceMail.due' } as const;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A spreadsheet set up by "Thiết lập bảng tổng hợp tỉnh/xã" (its ranking and weak-criteria tabs). */
export function isProvinceWorkbook(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  return ss.getSheetByName(PROVINCE_TABS.ranking) !== null && ss.getSheetByName(PROVINCE_TABS.weak) !== null;
}

/** The stored progress: null when none, 'corrupt' when it cannot be read (then nobody knows who got it). */
function storedProgress(props: GoogleAppsScript.Properties.Properties): SendProgress | null | 'corrupt' {
  const raw = props.getProperty(PROVINCE_KEYS.progress);
  if (raw === null) return null;
  try {
    const p = JSON.parse(raw) as SendProgress;
    return p && typeof p.month === 'string' && Array.isArray(p.sent) ? p : 'corrupt';
  } catch {
    return 'corrupt';
  }
}

/** yyyy-MM of the last month whose province email reached everyone, or null. */
export function provinceSentMonth(): string | null {
  const stored = storedProgress(PropertiesService.getDocumentProperties());
  return stored && stored !== 'corrupt' && stored.complete ? stored.month : null;
}

export interface ProvinceSendOptions {
  /** How long to wait for the document lock (defaults to the user-action wait). */
  lockWaitMs?: number;
  mailer?: Mailer;
}

/** alreadySent and blocked send nothing; partial leaves recipients for the next run. */
export type ProvinceSendResult = ActionResult & {
  status: 'sent' | 'partial' | 'alreadySent' | 'blocked';
};

export function sendProvinceEmail(
  now: Date = new Date(),
  options: ProvinceSendOptions = {},
): ProvinceSendResult {
  const run = () => sendLocked(now, options.mailer ?? mailAppMailer());
  return options.lockWaitMs == null ? withDocumentLock(run) : withDocumentLock(run, options.lockWaitMs);
}

function sendLocked(now: Date, mailer: Mailer): ProvinceSendResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ranking = ss.getSheetByName(PROVINCE_TABS.ranking);
  const weakTab = ss.getSheetByName(PROVINCE_TABS.weak);
  if (!ranking || !weakTab)
    throw new UserError('Chưa có bảng tổng hợp: chạy "Thiết lập bảng tổng hợp tỉnh/xã" trước.');
  const { settings } = loadSettings();
  if (settings.leadership.length === 0)
    throw new UserError('Chưa có địa chỉ nhận (Cài đặt → email lãnh đạo): nhập email của bộ phận CCHC tỉnh.');
  const { month, date } = localTime(now);
  const monthVi = `${month.slice(5)}/${month.slice(0, 4)}`;
  const props = PropertiesService.getDocumentProperties();
  const read = storedProgress(props);
  // Fail safe, as for the commune email: when the record may be lost, anyone may already have the mail.
  if (read === 'corrupt')
    return {
      ok: false,
      status: 'blocked',
      message: `Bản ghi tiến độ gửi email tổng hợp tỉnh bị hỏng, nên không biết ai đã nhận thư; để không ai nhận hai lần, tiện ích không gửi. Xóa thuộc tính "${PROVINCE_KEYS.progress}" của tài liệu nếu chắc chắn cần gửi.`,
    };
  const stored = read;
  if (stored && stored.month === month && stored.complete)
    return { ok: false, status: 'alreadySent', message: `Email tổng hợp tỉnh tháng ${monthVi} đã gửi.` };

  const rows = ranking
    .getRange(2, 1, Math.max(ranking.getLastRow() - 1, 1), RANKING_HEADERS.length)
    .getValues();
  const communes: (CommuneStanding & { state: string })[] = [];
  // Last month's standings: the snapshot an earlier month's email took (matched by name in the core).
  const snapshot = previousSnapshot(readSnapshots(ss), month);
  const previous: PreviousStanding[] = (snapshot?.rows ?? []).map((p) => ({
    name: p.name,
    rank: p.rank,
    indexPercent: p.index === null ? null : p.index * 100,
  }));
  const taken: SnapshotRow[] = [];
  // Ranking row i is list row i (set-up writes both from the list): each commune's spreadsheet URL.
  const list = ss.getSheetByName(PROVINCE_TABS.list);
  const listed = list ? Math.min(rows.length, list.getLastRow() - 1) : 0;
  const urls = listed > 0 ? list!.getRange(2, 2, listed, 1).getValues() : [];
  rows.forEach((r, i) => {
    const name = String(r[2] ?? '').trim();
    if (!name) return;
    const index = num(r[4]);
    communes.push({
      name,
      group: String(r[3] ?? ''),
      total: num(r[6]) ?? 0,
      applicableMax: num(r[7]) ?? 0,
      indexPercent: index === null ? null : index * 100,
      classification: String(r[5] ?? ''),
      areas: [],
      state: String(r[RANK_STATE_COLUMN - 1] ?? ''),
      url: String(urls[i]?.[0] ?? '').trim(),
    });
    // Rank and index as the ranking tab shows them (both empty for a commune it does not rank).
    taken.push({ name, rank: num(r[0]), index });
  });
  const criteria = readWeakTab(ss, weakTab, rows);
  const report = buildProvinceReport({
    provinceName: ss.getName(),
    asOf: date,
    communes: communes.filter((c) => c.state === STATE_OK),
    observations: [],
    errors: communes
      .filter((c) => c.state !== STATE_OK)
      .map((c) => ({ name: c.name, message: c.state, url: c.url })),
    bands: settings.bands,
    previous,
    rankingUrl: sheetLinks(ss.getId(), ranking.getSheetId(), PROVINCE_TABS.ranking, 'A').tab,
  });
  report.criteria = criteria;
  report.weakest = criteria.slice(0, 10);
  const email = renderProvinceEmail(report, month);
  const deliveries: Delivery[] = settings.leadership.map((to) => ({
    key: `P|${to}`,
    to,
    sector: null,
    subject: email.subject,
    html: email.html,
    text: email.text,
  }));
  const progress = stored && stored.month === month ? stored : newProgress(month, 1, now.toISOString());
  const outcome = sendPending(
    deliveries,
    progress,
    (p) => props.setProperty(PROVINCE_KEYS.progress, JSON.stringify(p)),
    mailer,
    () => new Date().toISOString(),
  );
  if (!outcome.complete)
    return {
      ok: false,
      status: 'partial',
      message: `Email tổng hợp tỉnh tháng ${monthVi}: đã gửi ${outcome.sentNow.length}/${deliveries.length} thư; chưa gửi được: ${outcome.skipped.map((s) => `${s.to} (${s.message})`).join('; ')}. Chạy lại (hoặc chờ lần chạy tự động hôm sau) để gửi phần còn lại.`,
    };
  // This month's standings become "last month's" for the next email and the ranking's change columns.
  writeSnapshot(ss, { month, rows: taken });
  return {
    ok: true,
    status: 'sent',
    message: `Đã gửi email tổng hợp tỉnh tháng ${monthVi} tới ${deliveries.length} địa chỉ; hạng và chỉ số tháng này đã lưu (cột "Hạng tháng trước" và "Thay đổi chỉ số" của trang "${PROVINCE_TABS.ranking}" so với chúng).`,
  };
}

/**
 * The weak list as the tab shows it (src/sheets/provinceWorkbook.ts: WEAK_HEADERS), each column found by
 * its header so a tab of the previous round's layout (no Tiêu chí column: set-up not run again) still
 * reads; there the titles come from the first commune the workbook reads, as they did then.
 */
function readWeakTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  weakTab: GoogleAppsScript.Spreadsheet.Sheet,
  ranking: unknown[][],
): WeakCriterion[] {
  const [header, ...body] = weakTab
    .getRange(1, 1, Math.max(weakTab.getLastRow(), 2), WEAK_HEADERS.length)
    .getValues();
  const at = (k: number) => header.findIndex((h) => String(h).trim() === WEAK_HEADERS[k]);
  const [code, title, losing, lost, share, applicable] = WEAK_HEADERS.map((_, k) => at(k));
  const titles = title < 0 ? firstCommuneTitles(ss, ranking) : null;
  return body
    .filter((r) => String(r[code] ?? '').trim() !== '' && num(r[lost]) !== null)
    .map((r) => ({
      code: String(r[code]),
      title: titles ? (titles.get(String(r[code])) ?? '') : String(r[title] ?? ''),
      communesLosing: num(r[losing]) ?? 0,
      pointsLost: num(r[lost]) ?? 0,
      averageShare: num(r[share]) ?? 0,
      communesApplicable: num(r[applicable]) ?? 0,
    }));
}

/** Criterion titles by code from the first commune the workbook reads (the previous round's layout). */
function firstCommuneTitles(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  ranking: unknown[][],
): Map<string, string> {
  const titles = new Map<string, string>();
  const first = ranking.findIndex((r) => String(r[RANK_STATE_COLUMN - 1] ?? '') === STATE_OK);
  const data = ss.getSheetByName(PROVINCE_TABS.data);
  if (first < 0 || !data) return titles;
  const rows = data.getRange(blockRow(first) + EXPORT_FIRST_ROW - 1, 1, EXPORT_ROWS, 2).getValues();
  for (const [code, title] of rows) if (String(code) !== '') titles.set(String(code), String(title));
  return titles;
}

/**
 * The daily trigger's province part: on the schedule day, or a later day while that month's send is
 * unfinished, the province email, exactly once per month (sendProvinceEmail re-checks under the lock). The
 * month is marked due before trying, so a failed or partial run is retried by the next days.
 */
export function provinceTick(
  now: Date,
  scheduleDay: number,
  step: (name: string, fn: () => void) => void,
  notes: string[],
  options: ProvinceSendOptions,
): void {
  const props = PropertiesService.getDocumentProperties();
  const { month, day } = localTime(now);
  const stored = storedProgress(props);
  if (stored !== 'corrupt' && stored?.month === month && stored.complete) return;
  if (day !== scheduleDay && props.getProperty(PROVINCE_KEYS.due) !== month) return;
  props.setProperty(PROVINCE_KEYS.due, month);
  step('Gửi email tổng hợp tỉnh', () => {
    const result = sendProvinceEmail(now, options);
    notes.push(result.message);
    if (result.status === 'sent' || result.status === 'alreadySent') props.deleteProperty(PROVINCE_KEYS.due);
    if (result.status === 'blocked') throw new UserError(result.message);
  });
}
