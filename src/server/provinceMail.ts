// "Gửi email tổng hợp tỉnh" (menu, in the province workbook): reads what the province tabs show (the ranking,
// the weak list, each commune's state), sends the province email (src/mail/provinceEmail.ts) to the
// leadership addresses of Cài đặt (the province's PAR office), at most once per month per document (the
// per-recipient progress is kept as for the commune email), then records this month's ranks in "Hạng tháng
// trước" so next month's email and the ranking tab show the change.
import { buildProvinceReport, type CommuneStanding, type PreviousStanding } from '../core/provinceReport';
import type { WeakCriterion } from '../core/weakCriteria';
import { renderProvinceEmail } from '../mail/provinceEmail.lazy';
import { mailAppMailer, newProgress, sendPending, type Delivery, type SendProgress } from '../mail/send';
import { PROVINCE_TABS, STATE_OK } from '../sheets/provinceWorkbook';
import type { ActionResult } from './api';
import { localTime } from './clock';
import { withDocumentLock } from './locks';
import { UserError } from './result';
import { loadSettings } from './settingsStore';

const PROGRESS_KEY = 'cchc.provinceMail';
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function sendProvinceEmail(now: Date = new Date()): ActionResult {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const ranking = ss.getSheetByName(PROVINCE_TABS.ranking);
    const weakTab = ss.getSheetByName(PROVINCE_TABS.weak);
    if (!ranking || !weakTab)
      throw new UserError('Chưa có bảng tổng hợp: chạy "Thiết lập bảng tổng hợp tỉnh/xã" trước.');
    const { settings } = loadSettings();
    if (settings.leadership.length === 0)
      throw new UserError(
        'Chưa có địa chỉ nhận (Cài đặt → email lãnh đạo): nhập email của bộ phận CCHC tỉnh.',
      );
    const { month, date } = localTime(now);
    const props = PropertiesService.getDocumentProperties();
    const stored = JSON.parse(props.getProperty(PROGRESS_KEY) ?? 'null') as SendProgress | null;
    if (stored && stored.month === month && stored.complete)
      throw new UserError(`Email tổng hợp tỉnh tháng ${month.slice(5)}/${month.slice(0, 4)} đã gửi.`);

    const rows = ranking.getRange(2, 1, Math.max(ranking.getLastRow() - 1, 1), 11).getValues();
    const communes: (CommuneStanding & { state: string })[] = [];
    const previous: PreviousStanding[] = [];
    for (const r of rows) {
      const name = String(r[2] ?? '').trim();
      if (!name) continue;
      const index = num(r[4]);
      communes.push({
        name,
        group: String(r[3] ?? ''),
        total: num(r[6]) ?? 0,
        applicableMax: num(r[7]) ?? 0,
        indexPercent: index === null ? null : index * 100,
        classification: String(r[5] ?? ''),
        areas: [],
        state: String(r[10] ?? ''),
      });
      previous.push({ name, rank: num(r[8]), indexPercent: null });
    }
    const weakRows = weakTab.getRange(2, 1, Math.max(weakTab.getLastRow() - 1, 1), 5).getValues();
    const criteria: WeakCriterion[] = weakRows
      .filter((r) => String(r[0] ?? '').trim() !== '' && num(r[2]) !== null)
      .map((r) => ({
        code: String(r[0]),
        title: '',
        communesLosing: num(r[1]) ?? 0,
        pointsLost: num(r[2]) ?? 0,
        averageShare: num(r[3]) ?? 0,
        communesApplicable: num(r[4]) ?? 0,
      }));
    const report = buildProvinceReport({
      provinceName: ss.getName(),
      asOf: date,
      communes: communes.filter((c) => c.state === STATE_OK),
      observations: [],
      errors: communes.filter((c) => c.state !== STATE_OK).map((c) => ({ name: c.name, message: c.state })),
      bands: settings.bands,
      previous,
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
      (p) => props.setProperty(PROGRESS_KEY, JSON.stringify(p)),
      mailAppMailer(),
      () => new Date().toISOString(),
    );
    if (!outcome.complete)
      return {
        ok: false,
        message: `Đã gửi ${outcome.sentNow.length}/${deliveries.length} thư; chưa gửi được: ${outcome.skipped.map((s) => `${s.to} (${s.message})`).join('; ')}. Chạy lại để gửi phần còn lại.`,
      };
    // This month's ranks become "last month's" for the next email and the ranking's change column.
    const ranks = rows.map((r) => [num(r[0]) ?? '']);
    ranking.getRange(2, 9, ranks.length, 1).setValues(ranks);
    return {
      ok: true,
      message: `Đã gửi email tổng hợp tỉnh tháng ${month.slice(5)}/${month.slice(0, 4)} tới ${deliveries.length} địa chỉ; hạng tháng này đã lưu vào cột "Hạng tháng trước".`,
    };
  });
}
