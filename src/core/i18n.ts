// UI strings (Vietnamese first, English second) and number/date formatting. Pure: used by the sidebar and
// available to server messages. `t(lang, key, params)` fills `{name}` placeholders with params.
import type { ColumnKey, RiskKind, RowStatus } from './types';

export type Lang = 'vi' | 'en';

const vi = {
  'app.title': 'Chỉ số CCHC',
  'app.loading': 'Đang tải dữ liệu…',
  'app.loadFailed': 'Không tải được dữ liệu.',
  'app.retry': 'Thử lại',
  'app.switchLang': 'EN',
  'app.switchLangLabel': 'Switch to English',
  'app.working': 'Đang xử lý…',
  'app.close': 'Đóng',
  'app.dismiss': 'Ẩn thông báo',
  'app.unnamedCommune': 'Xã (chưa đặt tên)',

  'tab.overview': 'Tổng quan',
  'tab.risk': 'Nguy cơ',
  'tab.data': 'Dữ liệu',
  'tab.report': 'Báo cáo',
  'tab.settings': 'Cài đặt',
  'tab.riskLong': 'Nguy cơ mất điểm',
  'tab.dataLong': 'Kiểm tra dữ liệu',
  'tab.reportLong': 'Báo cáo và email',
  'tab.tablist': 'Các mục của bảng điều khiển',

  'ov.asOf': 'Tính đến {date}',
  'ov.index': 'Chỉ số CCHC',
  'ov.points': '{total} / {max} điểm',
  'ov.pointsLabel': 'Tổng điểm trên điểm tối đa áp dụng',
  'ov.class': 'Xếp loại',
  'ov.nextClass': 'Còn thiếu {gap} điểm để đạt {label} (≥ {min}%).',
  'ov.topClass': 'Đã ở mức xếp loại cao nhất.',
  'ov.since': 'So với ảnh chụp ngày {date}: {points} điểm, {percent} điểm %.',
  'ov.sinceNoIndex': 'So với ảnh chụp ngày {date}: {points} điểm.',
  'ov.noSnapshot': 'Chưa có ảnh chụp tháng để so sánh.',
  'ov.areas': 'Điểm theo lĩnh vực',
  'ov.areaValue': '{score}/{max}',
  'ov.areaNA': 'Không áp dụng',
  'ov.fixFirst': 'Việc cần làm trước',
  'ov.noRisk': 'Không có tiêu chí nào đang có nguy cơ mất điểm.',
  'ov.seeAllRisk': 'Xem tất cả {count} mục',
  'ov.problems': 'Có {count} lỗi dữ liệu trong trang tính.',
  'ov.seeProblems': 'Xem lỗi',
  'ov.recompute': 'Tính lại và tô màu',
  'ov.recomputing': 'Đang tính lại…',
  'ov.goSend': 'Gửi tổng hợp tháng…',
  'ov.noSheetTitle': 'Chưa có trang tiêu chí',
  'ov.noSheetHelp':
    'Tạo trang mẫu với bộ chỉ số cấp xã hoặc Bộ chỉ số 766, hoặc gắn vào trang tiêu chí bạn đã có.',
  'ov.useInDocument':
    'Bảng tính này là bản sao và các cột Điểm, Trạng thái, Lý do hiện #NAME?? Hãy bật tiện ích cho bảng tính này: Tiện ích mở rộng → Tiện ích bổ sung → Quản lý tiện ích bổ sung → ⋮ bên cạnh CCHC Scorecard → Sử dụng trong tài liệu này. Công thức vẫn còn nguyên và tự tính lại.',
  'ov.setupSample': 'Thiết lập bảng tiêu chí mẫu',
  'ov.setup766': 'Thiết lập Bộ chỉ số 766 (Cổng DVCQG)',
  'ov.settingUp': 'Đang tạo trang…',
  'ov.attachLabel': 'Gắn vào trang có sẵn',
  'ov.attach': 'Gắn vào trang này',
  'ov.attaching': 'Đang gắn…',
  'ov.noTabs': '(không có trang nào)',

  'risk.filterSector': 'Ngành',
  'risk.filterKind': 'Loại nguy cơ',
  'risk.allSectors': 'Tất cả ngành',
  'risk.allKinds': 'Mọi loại',
  'risk.summary': '{count} tiêu chí · {points} điểm có thể mất',
  'risk.none': 'Không có tiêu chí nào đang có nguy cơ mất điểm.',
  'risk.noneFiltered': 'Không có mục nào khớp bộ lọc.',
  'risk.stake': '−{points} đ',
  'risk.stakeAria': 'có thể mất {points} điểm',
  'risk.deadline': 'Hạn {date}',
  'risk.noSector': 'Chưa ghi ngành',
  'risk.selectHint': 'Bấm vào một mục để chọn dòng đó trong trang tính.',
  'risk.selected': 'Đã chọn dòng {row} trong trang tính.',
  'risk.rowAria': 'dòng {row}',

  'data.check': 'Kiểm tra dữ liệu',
  'data.checking': 'Đang kiểm tra…',
  'data.summary': '{errors} lỗi, {warnings} cảnh báo',
  'data.none': 'Không phát hiện lỗi dữ liệu.',
  'data.error': 'Lỗi',
  'data.warning': 'Cảnh báo',
  'data.fix': 'Cách sửa: {fix}',
  'data.whole': 'Toàn bảng',
  'data.row': 'Dòng {row}',
  'data.selectHint': 'Bấm vào một lỗi để đến ô đó.',

  'rep.reportTitle': 'Báo cáo',
  'rep.reportHelp': 'Ghi trang báo cáo tổng hợp (điểm, xếp loại, nguy cơ) vào bảng tính.',
  'rep.generate': 'Tạo báo cáo',
  'rep.generating': 'Đang tạo báo cáo…',
  'rep.emailTitle': 'Email tổng hợp tháng',
  'rep.emailHelp': 'Gửi lãnh đạo bản tổng hợp và gửi mỗi ngành danh sách việc của ngành.',
  'rep.recipients': 'Người nhận: {leaders} lãnh đạo, {sectors} ngành có email.',
  'rep.noRecipients': 'Chưa có người nhận. Thêm email lãnh đạo và email các ngành trong Cài đặt.',
  'rep.openSettings': 'Mở Cài đặt',
  'rep.preview': 'Xem trước email',
  'rep.previewing': 'Đang soạn…',
  'rep.sendNow': 'Gửi ngay…',
  'rep.sending': 'Đang gửi…',
  'rep.confirm': 'Gửi email tổng hợp tới {count} địa chỉ ngay bây giờ?',
  'rep.confirmResend': 'Email tháng {month} đã được gửi. Gửi lại lần nữa tới {count} địa chỉ?',
  'rep.confirmBlocked':
    'Không biết ai đã nhận email tháng {month} (bản ghi gửi bị hỏng). Gửi lại cho cả {count} địa chỉ?',
  'rep.confirmSend': 'Gửi',
  'rep.resend': 'Gửi lại',
  'rep.cancel': 'Hủy',
  'rep.lastSent': 'Lần gửi gần nhất: tháng {month}.',
  'rep.lastTick': 'Lần chạy tự động gần nhất: {when}',
  'rep.lastTickNever': 'chưa có',
  'rep.neverSent': 'Chưa gửi tháng nào.',
  'rep.skipped': 'Lần trước chưa gửi được tới (hết hạn mức email trong ngày): {list}',
  'rep.schedule': 'Tự động gửi hằng tháng',
  'rep.scheduleHelp': 'Vào ngày {day} hằng tháng, khoảng {hour} giờ.',
  'rep.scheduleOn': 'Đang bật lịch gửi…',
  'rep.scheduleOff': 'Đang tắt lịch gửi…',
  'rep.snapshot': 'Lưu ảnh chụp tháng',
  'rep.snapshotting': 'Đang lưu…',
  'rep.snapshotHelp': 'Lưu điểm hiện tại vào trang lịch sử để so sánh về sau.',
  'rep.previewOf': 'Bản xem trước',
  'rep.leadership': 'Lãnh đạo',
  'rep.sectorMail': 'Ngành: {name}',
  'rep.to': 'Đến: {list}',
  'rep.noTo': 'Đến: (chưa có địa chỉ)',
  'rep.subject': 'Tiêu đề: {subject}',
  'rep.frameTitle': 'Nội dung email xem trước',
  'rep.previewReady': 'Đã soạn bản xem trước email.',

  'set.general': 'Thông tin chung',
  'set.communeName': 'Tên xã',
  'set.year': 'Năm đánh giá',
  'set.sheet': 'Trang tiêu chí',
  'set.nearDays': 'Cảnh báo trước hạn (ngày)',
  'set.pointsDecimals': 'Làm tròn điểm từng tiêu chí (số chữ số thập phân)',
  'set.pointsDecimalsHelp':
    'Để trống: không làm tròn. Bộ chỉ số 766 làm tròn 2 chữ số (nửa lên) trước khi cộng, như Cổng DVCQG.',
  'set.bands': 'Mức xếp loại',
  'set.bandsHelp': 'Từ cao xuống thấp; ngưỡng là % tối thiểu, mức cuối bắt đầu từ 0.',
  'set.bandLabel': 'Xếp loại',
  'set.bandMin': 'Từ (%)',
  'set.addBand': 'Thêm mức',
  'set.sectors': 'Danh bạ ngành',
  'set.sectorName': 'Ngành',
  'set.sectorHead': 'Người phụ trách',
  'set.sectorEmail': 'Email',
  'set.addSector': 'Thêm ngành',
  'set.leadership': 'Lãnh đạo nhận email',
  'set.leaderEmail': 'Email lãnh đạo {n}',
  'set.addLeader': 'Thêm email',
  'set.schedule': 'Lịch gửi hằng tháng',
  'set.scheduleDay': 'Ngày trong tháng (1–28)',
  'set.scheduleHour': 'Giờ (0–23)',
  'set.language': 'Ngôn ngữ',
  'set.langVi': 'Tiếng Việt',
  'set.langEn': 'English',
  'set.remove': 'Xóa',
  'set.removeAria': 'Xóa {what}',
  'set.save': 'Lưu cài đặt',
  'set.saving': 'Đang lưu…',
  'set.reset': 'Hoàn tác',
  'set.dirty': 'Có thay đổi chưa lưu.',
  'set.invalid': 'Chưa lưu: {count} ô cần sửa (xem ghi chú đỏ bên dưới mỗi ô).',
  'set.notNumber': 'Hãy nhập một số.',
  'set.notInteger': 'Hãy nhập một số nguyên.',
  'set.invalidValue': 'Giá trị không hợp lệ.',
  'set.warning': 'Cảnh báo: {message}',

  'risk.kind.belowTarget': 'Dưới chỉ tiêu',
  'risk.kind.nearDeadline': 'Sắp đến hạn',
  'risk.kind.overdue': 'Quá hạn',
  'risk.kind.noEvidence': 'Thiếu minh chứng',
  'risk.kind.deduction': 'Bị trừ điểm',
  'risk.kind.appraisalGap': 'Thẩm định thấp hơn tự chấm',
  'risk.kind.noData': 'Chưa có số liệu',
  'risk.kind.error': 'Lỗi dữ liệu',

  'status.secured': 'Đạt',
  'status.atRisk': 'Nguy cơ',
  'status.losing': 'Mất điểm',
  'status.notApplicable': 'Không áp dụng',
  'status.tracking': 'Theo dõi',
  'status.error': 'Lỗi',
  'status.parent': '',
  'status.empty': '',

  'col.code': 'Mã',
  'col.title': 'Tiêu chí',
  'col.max': 'Điểm tối đa',
  'col.rule': 'Cách chấm',
  'col.target': 'Chỉ tiêu',
  'col.actual': 'Kết quả',
  'col.evidence': 'Minh chứng',
  'col.sector': 'Ngành',
  'col.deadline': 'Hạn',
  'col.notes': 'Giải trình',
  'col.appraised': 'Điểm thẩm định',
  'col.score': 'Điểm',
  'col.status': 'Trạng thái',
  'col.reason': 'Lý do',

  'err.server': 'Lỗi từ máy chủ: {message}',
  'err.unknown': 'Có lỗi không rõ nguyên nhân. Hãy thử lại; nếu vẫn lỗi, tải lại bảng tính.',
  'err.done': 'Xong.',
};

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'app.title': 'PAR Index',
  'app.loading': 'Loading…',
  'app.loadFailed': 'Could not load the data.',
  'app.retry': 'Try again',
  'app.switchLang': 'VI',
  'app.switchLangLabel': 'Chuyển sang tiếng Việt',
  'app.working': 'Working…',
  'app.close': 'Close',
  'app.dismiss': 'Dismiss message',
  'app.unnamedCommune': 'Commune (no name yet)',

  'tab.overview': 'Overview',
  'tab.risk': 'At risk',
  'tab.data': 'Data',
  'tab.report': 'Report',
  'tab.settings': 'Settings',
  'tab.riskLong': 'Points at risk',
  'tab.dataLong': 'Data check',
  'tab.reportLong': 'Report and email',
  'tab.tablist': 'Dashboard sections',

  'ov.asOf': 'As of {date}',
  'ov.index': 'PAR index',
  'ov.points': '{total} / {max} points',
  'ov.pointsLabel': 'Total points of the applicable maximum',
  'ov.class': 'Class',
  'ov.nextClass': '{gap} more points to reach {label} (≥ {min}%).',
  'ov.topClass': 'Already in the highest class.',
  'ov.since': 'Since the snapshot of {date}: {points} points, {percent} percentage points.',
  'ov.sinceNoIndex': 'Since the snapshot of {date}: {points} points.',
  'ov.noSnapshot': 'No monthly snapshot to compare with yet.',
  'ov.areas': 'Points by area',
  'ov.areaValue': '{score}/{max}',
  'ov.areaNA': 'Not applicable',
  'ov.fixFirst': 'Fix first',
  'ov.noRisk': 'No criterion is at risk of losing points.',
  'ov.seeAllRisk': 'See all {count}',
  'ov.problems': 'Data problems in the sheet: {count}.',
  'ov.seeProblems': 'See problems',
  'ov.recompute': 'Recompute and highlight',
  'ov.recomputing': 'Recomputing…',
  'ov.goSend': 'Send the monthly summary…',
  'ov.noSheetTitle': 'No criteria sheet yet',
  'ov.noSheetHelp':
    'Create a sample sheet with the commune indicator set, or attach to a criteria tab you already have.',
  'ov.useInDocument':
    'Is this spreadsheet a copy whose Điểm, Trạng thái and Lý do columns show #NAME?? Enable the add-on in it: Extensions → Add-ons → Manage add-ons → ⋮ next to CCHC Scorecard → Use in this document. The formulas are still there and compute again.',
  'ov.setupSample': 'Set up the sample criteria table',
  'ov.setup766': 'Set up the 766 index (national portal)',
  'ov.settingUp': 'Creating the sheet…',
  'ov.attachLabel': 'Attach to an existing tab',
  'ov.attach': 'Attach to this tab',
  'ov.attaching': 'Attaching…',
  'ov.noTabs': '(no tabs)',

  'risk.filterSector': 'Sector',
  'risk.filterKind': 'Kind of risk',
  'risk.allSectors': 'All sectors',
  'risk.allKinds': 'All kinds',
  'risk.summary': '{count} criteria · {points} points at stake',
  'risk.none': 'No criterion is at risk of losing points.',
  'risk.noneFiltered': 'Nothing matches the filters.',
  'risk.stake': '−{points} pt',
  'risk.stakeAria': '{points} points at stake',
  'risk.deadline': 'Due {date}',
  'risk.noSector': 'No sector',
  'risk.selectHint': 'Click an item to select its row in the sheet.',
  'risk.selected': 'Selected row {row} in the sheet.',
  'risk.rowAria': 'row {row}',

  'data.check': 'Check the data',
  'data.checking': 'Checking…',
  'data.summary': '{errors} errors, {warnings} warnings',
  'data.none': 'No data problems found.',
  'data.error': 'Error',
  'data.warning': 'Warning',
  'data.fix': 'Fix: {fix}',
  'data.whole': 'Whole table',
  'data.row': 'Row {row}',
  'data.selectHint': 'Click a problem to go to its cell.',

  'rep.reportTitle': 'Report',
  'rep.reportHelp': 'Writes a summary report tab (points, class, risks) into the spreadsheet.',
  'rep.generate': 'Generate the report',
  'rep.generating': 'Generating…',
  'rep.emailTitle': 'Monthly summary email',
  'rep.emailHelp': 'Sends the leadership the summary and each sector its own to-do list.',
  'rep.recipients': 'Recipients: {leaders} leaders, {sectors} sectors with an email.',
  'rep.noRecipients': 'No recipients yet. Add leadership and sector emails in Settings.',
  'rep.openSettings': 'Open Settings',
  'rep.preview': 'Preview the email',
  'rep.previewing': 'Preparing…',
  'rep.sendNow': 'Send now…',
  'rep.sending': 'Sending…',
  'rep.confirm': 'Send the summary email to {count} addresses now?',
  'rep.confirmResend': 'The email for {month} was already sent. Send it again to {count} addresses?',
  'rep.confirmBlocked':
    'Nobody knows who already got the email for {month} (its send record is damaged). Send it to all {count} addresses?',
  'rep.confirmSend': 'Send',
  'rep.resend': 'Send again',
  'rep.cancel': 'Cancel',
  'rep.lastSent': 'Last sent: {month}.',
  'rep.lastTick': 'Last automatic run: {when}',
  'rep.lastTickNever': 'none yet',
  'rep.neverSent': 'Not sent yet.',
  'rep.skipped': 'Not reached last time (daily email quota ran out): {list}',
  'rep.schedule': 'Send automatically every month',
  'rep.scheduleHelp': 'On day {day} of each month, around {hour}:00.',
  'rep.scheduleOn': 'Turning the schedule on…',
  'rep.scheduleOff': 'Turning the schedule off…',
  'rep.snapshot': 'Save a monthly snapshot',
  'rep.snapshotting': 'Saving…',
  'rep.snapshotHelp': 'Stores the current points in the history tab for later comparison.',
  'rep.previewOf': 'Preview',
  'rep.leadership': 'Leadership',
  'rep.sectorMail': 'Sector: {name}',
  'rep.to': 'To: {list}',
  'rep.noTo': 'To: (no address yet)',
  'rep.subject': 'Subject: {subject}',
  'rep.frameTitle': 'Email preview content',
  'rep.previewReady': 'The email preview is ready.',

  'set.general': 'General',
  'set.communeName': 'Commune name',
  'set.year': 'Assessment year',
  'set.sheet': 'Criteria tab',
  'set.nearDays': 'Warn before deadline (days)',
  'set.pointsDecimals': 'Round each criterion’s points (decimal places)',
  'set.pointsDecimalsHelp':
    'Empty: no rounding. The 766 index rounds to 2 places (half up) before summing, as the national portal does.',
  'set.bands': 'Class bands',
  'set.bandsHelp': 'Highest first; the threshold is the minimum %, the last band starts at 0.',
  'set.bandLabel': 'Class',
  'set.bandMin': 'From (%)',
  'set.addBand': 'Add a band',
  'set.sectors': 'Sector directory',
  'set.sectorName': 'Sector',
  'set.sectorHead': 'Head',
  'set.sectorEmail': 'Email',
  'set.addSector': 'Add a sector',
  'set.leadership': 'Leadership recipients',
  'set.leaderEmail': 'Leader email {n}',
  'set.addLeader': 'Add an email',
  'set.schedule': 'Monthly schedule',
  'set.scheduleDay': 'Day of month (1–28)',
  'set.scheduleHour': 'Hour (0–23)',
  'set.language': 'Language',
  'set.langVi': 'Tiếng Việt',
  'set.langEn': 'English',
  'set.remove': 'Remove',
  'set.removeAria': 'Remove {what}',
  'set.save': 'Save settings',
  'set.saving': 'Saving…',
  'set.reset': 'Undo changes',
  'set.dirty': 'Unsaved changes.',
  'set.invalid': 'Not saved: {count} fields need fixing (see the red notes under them).',
  'set.notNumber': 'Enter a number.',
  'set.notInteger': 'Enter a whole number.',
  'set.invalidValue': 'Invalid value.',
  'set.warning': 'Warning: {message}',

  'risk.kind.belowTarget': 'Below target',
  'risk.kind.nearDeadline': 'Deadline near',
  'risk.kind.overdue': 'Overdue',
  'risk.kind.noEvidence': 'No evidence',
  'risk.kind.deduction': 'Deduction recorded',
  'risk.kind.appraisalGap': 'Appraisal below self-score',
  'risk.kind.noData': 'No data yet',
  'risk.kind.error': 'Data error',

  'status.secured': 'Secured',
  'status.atRisk': 'At risk',
  'status.losing': 'Losing points',
  'status.notApplicable': 'Not applicable',
  'status.tracking': 'Tracking only',
  'status.error': 'Error',
  'status.parent': '',
  'status.empty': '',

  'col.code': 'Code',
  'col.title': 'Criterion',
  'col.max': 'Max',
  'col.rule': 'Rule',
  'col.target': 'Target',
  'col.actual': 'Actual',
  'col.evidence': 'Evidence',
  'col.sector': 'Sector',
  'col.deadline': 'Deadline',
  'col.notes': 'Notes',
  'col.appraised': 'Appraised',
  'col.score': 'Score',
  'col.status': 'Status',
  'col.reason': 'Reason',

  'err.server': 'Server error: {message}',
  'err.unknown': 'Something went wrong. Try again; if it persists, reload the spreadsheet.',
  'err.done': 'Done.',
};

const TABLES: Record<Lang, Record<MessageKey, string>> = { vi, en };

export type Params = Record<string, string | number>;

/** The UI string for `key` in `lang`, with `{name}` placeholders replaced by params. */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  const template = (TABLES[lang] ?? vi)[key] ?? vi[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export const RISK_KINDS: RiskKind[] = [
  'overdue',
  'nearDeadline',
  'belowTarget',
  'noEvidence',
  'deduction',
  'appraisalGap',
  'noData',
  'error',
];

export function riskLabel(lang: Lang, kind: RiskKind): string {
  return t(lang, `risk.kind.${kind}` as MessageKey);
}

export function statusLabel(lang: Lang, status: RowStatus): string {
  return t(lang, `status.${status}` as MessageKey);
}

export function columnLabel(lang: Lang, column: ColumnKey): string {
  return t(lang, `col.${column}` as MessageKey);
}

// English versions of the Vietnamese validation messages in settings.ts; unknown messages pass through.
const SETTINGS_MESSAGES_EN: Record<string, string> = {
  'Email không hợp lệ': 'Invalid email address',
  'Tên xếp loại không được để trống': 'The class name must not be empty',
  'Ngưỡng phải từ 0': 'The threshold must be at least 0',
  'Ngưỡng không vượt quá 100': 'The threshold must not exceed 100',
  'Tên ngành không được để trống': 'The sector name must not be empty',
  'Tên trang tiêu chí không được để trống': 'The criteria tab name must not be empty',
  'Số ngày phải từ 0': 'The number of days must be at least 0',
  'Số ngày không vượt quá 365': 'The number of days must not exceed 365',
  'Cần ít nhất hai mức xếp loại': 'At least two class bands are needed',
  'Ngày gửi từ 1 đến 28': 'The day must be from 1 to 28',
  'Giờ gửi từ 0 đến 23': 'The hour must be from 0 to 23',
  'Số chữ số làm tròn phải là số nguyên': 'The decimal places must be a whole number',
  'Số chữ số làm tròn từ 0 đến 4': 'The decimal places must be from 0 to 4',
  'Các ngưỡng xếp loại phải giảm dần, không trùng nhau, và mức thấp nhất bắt đầu từ 0':
    'Thresholds must decrease, must not overlap, and the lowest band must start at 0',
  'Tên ngành bị trùng': 'Duplicate sector name',
};

/**
 * A settings validation message for display. zod's own fallbacks ("Too small: …", "Invalid input: …") are
 * English developer text: they become a plain "invalid value" in the user's language.
 */
export function settingsMessage(lang: Lang, message: string): string {
  if (/^(Too (small|big)|Invalid|Expected)/i.test(message)) return t(lang, 'set.invalidValue');
  if (lang === 'en') return SETTINGS_MESSAGES_EN[message] ?? message;
  return message;
}

/**
 * A number for people: Vietnamese "1.234,5", English "1,234.5". At most `maxDecimals` decimals, trailing
 * zeros dropped. Non-finite → "–".
 */
export function formatNumber(lang: Lang, value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return '–';
  const factor = Math.pow(10, maxDecimals);
  const rounded = Math.round(Math.abs(value) * factor + 1e-9) / factor;
  const negative = value < 0 && rounded !== 0;
  let [whole, frac = ''] = rounded.toFixed(maxDecimals).split('.');
  frac = frac.replace(/0+$/, '');
  const group = lang === 'vi' ? '.' : ',';
  const decimal = lang === 'vi' ? ',' : '.';
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (negative ? '−' : '') + whole + (frac ? decimal + frac : '');
}

/** A percentage 0–100 with one decimal: "78,4%". */
export function formatPercent(lang: Lang, percent: number, maxDecimals = 1): string {
  return `${formatNumber(lang, percent, maxDecimals)}%`;
}

/** A change with its sign: "+2,5", "−1", "0". */
export function formatDelta(lang: Lang, value: number, maxDecimals = 2): string {
  const text = formatNumber(lang, value, maxDecimals);
  return value > 0 && text !== '0' ? `+${text}` : text;
}

/** yyyy-mm-dd (or a full ISO string) → dd/mm/yyyy; anything else is returned as given. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "2026-11" → "11/2026". */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

/** Reads a number typed by a person: "1,5", "1.5", " 80 ", "80%". null when it is not a number. */
export function parseNumberInput(text: string): number | null {
  const s = text.trim().replace(/%$/, '').trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}
