// UI strings (Vietnamese first, English second) and number/date formatting. Pure: used by the sidebar and
// available to server messages. `t(lang, key, params)` fills `{name}` placeholders with params.
import type { ColumnKey, RiskKind, RowStatus } from './types';
import type { Lang } from './format';
import { COLUMN_NAMES, STATUS_LABELS, STATUS_LABELS_EN, TERMS } from './vocabulary';
import { ROUND_SETTINGS_MESSAGES_EN, ROUND_STRINGS } from './i18nRounds';
export type { Lang } from './format';

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
  'tab.risk': 'Cần xử lý',
  'tab.data': 'Dữ liệu',
  'tab.report': 'Báo cáo',
  'tab.settings': 'Cài đặt',
  'tab.riskLong': TERMS.actionList.vi,
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
  'ov.since': 'So với số liệu tháng lưu ngày {date}: {points} điểm, {percent} điểm %.',
  'ov.sinceNoIndex': 'So với số liệu tháng lưu ngày {date}: {points} điểm.',
  'ov.noSnapshot': 'Chưa có số liệu tháng để so sánh.',
  'ov.areas': 'Điểm theo lĩnh vực',
  'ov.areaValue': '{score}/{max}',
  'ov.areaNA': STATUS_LABELS.notApplicable,
  'ov.fixFirst': 'Việc cần làm trước',
  'ov.noRisk': 'Không có tiêu chí nào cần xử lý.',
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
  'ov.setup766': 'Thiết lập Bộ chỉ số 766',
  'ov.settingUp': 'Đang tạo trang…',
  'ov.attachLabel': 'Gắn vào trang có sẵn',
  'ov.attach': 'Gắn vào trang này',
  'ov.otherTab': 'Gắn với trang khác…',
  'ov.loadingTabs': 'Đang đọc danh sách trang…',
  'ov.attaching': 'Đang gắn…',
  'ov.addSolutions': 'Thêm cột Giải pháp, Người thực hiện, Hạn khắc phục nếu bảng chưa có (bên phải bảng)',
  'ov.noTabs': '(không có trang nào)',

  'risk.filterSector': 'Ngành',
  'risk.filterKind': 'Loại việc',
  'risk.allSectors': 'Tất cả ngành',
  'risk.allKinds': 'Mọi loại',
  'risk.summary': '{count} tiêu chí · {points} điểm có thể mất',
  'risk.none': 'Không có tiêu chí nào cần xử lý.',
  'risk.noneFiltered': 'Không có mục nào khớp bộ lọc.',
  'risk.stake': '−{points} đ',
  'risk.stakeAria': 'có thể mất {points} điểm',
  'risk.deadline': 'Hạn {date}',
  'risk.noSector': TERMS.noSector.vi,
  'risk.selectHint': 'Bấm vào một mục để chọn dòng đó trong trang tính.',
  'risk.selected': 'Đã chọn dòng {row} trong trang tính.',
  'risk.rowAria': 'dòng {row}',
  'risk.solution': 'Giải pháp: {text}',
  'risk.noSolution': 'Chưa có giải pháp – bấm để nhập',
  'risk.owner': 'Người thực hiện: {owner}',
  'risk.fixBy': 'hạn khắc phục {date}',

  'data.check': 'Kiểm tra dữ liệu',
  'data.checking': 'Đang kiểm tra…',
  'data.summary': '{errors} lỗi, {warnings} cảnh báo',
  'data.none': 'Không phát hiện lỗi dữ liệu.',
  'data.error': STATUS_LABELS.error,
  'data.warning': 'Cảnh báo',
  'data.fix': 'Cách sửa: {fix}',
  'data.whole': 'Toàn bảng',
  'data.row': 'Dòng {row}',
  'data.selectHint': 'Bấm vào một lỗi để đến ô đó.',

  'import.heading': 'Bộ chỉ số chính thức',
  'import.help':
    'Dán bảng chỉ số chính thức (STT, Tiêu chí, Điểm tối đa, Hướng dẫn chấm điểm) vào một trang mới, mở trang đó rồi bấm Nhập: tiện ích lập trang tiêu chí và đọc cách chấm từ hướng dẫn.',
  'import.run': 'Nhập bộ chỉ số từ trang đang mở',
  'import.running': 'Đang nhập…',
  'import.confirm': 'Ghi vào trang mới',
  'import.cancel': 'Thôi',
  'import.reviewCount': '{count} dòng cần xem lại sau khi nhập',
  'import.reviewHint':
    'Kiểm tra cách chấm đề xuất theo hướng dẫn; sửa ô Cách chấm nếu cần rồi xóa ô Cần xem lại. Bấm một dòng để đến ô Cách chấm.',
  'import.prose': 'Hướng dẫn chấm điểm',
  'import.rule': 'Cách chấm đề xuất',
  'import.noProse': '(không có hướng dẫn)',

  'rep.reportTitle': 'Báo cáo',
  'rep.reportHelp': 'Ghi trang báo cáo tổng hợp (điểm, xếp loại, tiêu chí cần xử lý) vào bảng tính.',
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
  'rep.snapshot': 'Lưu số liệu tháng vào Lịch sử',
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
  ...ROUND_STRINGS.vi,

  'risk.kind.belowTarget': 'Dưới chỉ tiêu',
  'risk.kind.nearDeadline': 'Sắp đến hạn',
  'risk.kind.overdue': STATUS_LABELS.overdue,
  'risk.kind.noEvidence': 'Thiếu minh chứng',
  'risk.kind.deduction': 'Bị trừ điểm',
  'risk.kind.appraisalGap': 'Thẩm định thấp hơn tự chấm',
  'risk.kind.selfScoreGap': 'Tự chấm khác điểm tính',
  'risk.kind.noData': 'Chưa có số liệu',
  'risk.kind.noSolution': 'Chưa có giải pháp',
  'risk.kind.solutionOverdue': 'Giải pháp quá hạn',
  'risk.kind.error': TERMS.fixData.vi,

  'status.secured': STATUS_LABELS.secured,
  'status.atRisk': STATUS_LABELS.atRisk,
  'status.losing': STATUS_LABELS.losing,
  'status.notApplicable': STATUS_LABELS.notApplicable,
  'status.tracking': STATUS_LABELS.tracking,
  'status.error': STATUS_LABELS.error,
  'status.parent': '',
  'status.empty': '',

  ...columnMessages('vi'),

  'err.server': 'Lỗi từ máy chủ: {message}',
  'err.unknown': 'Có lỗi không rõ nguyên nhân. Hãy thử lại; nếu vẫn lỗi, tải lại bảng tính.',
  'err.done': 'Xong.',
};

export type MessageKey = keyof typeof vi;

/** The sidebar's column names: the vocabulary's, one per column key ("col.actual" → "Kết quả"). */
function columnMessages(lang: 'vi' | 'en'): Record<`col.${ColumnKey}`, string> {
  const out = {} as Record<`col.${ColumnKey}`, string>;
  for (const k of Object.keys(COLUMN_NAMES) as ColumnKey[]) out[`col.${k}`] = COLUMN_NAMES[k][lang];
  return out;
}

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
  'tab.risk': 'Action',
  'tab.data': 'Data',
  'tab.report': 'Report',
  'tab.settings': 'Settings',
  'tab.riskLong': TERMS.actionList.en,
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
  'ov.since': 'Since the monthly figures of {date}: {points} points, {percent} percentage points.',
  'ov.sinceNoIndex': 'Since the monthly figures of {date}: {points} points.',
  'ov.noSnapshot': 'No monthly figures to compare with yet.',
  'ov.areas': 'Points by area',
  'ov.areaValue': '{score}/{max}',
  'ov.areaNA': STATUS_LABELS_EN.notApplicable,
  'ov.fixFirst': 'Fix first',
  'ov.noRisk': 'No criterion needs action.',
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
  'ov.otherTab': 'Attach another tab…',
  'ov.loadingTabs': 'Reading the tab list…',
  'ov.attaching': 'Attaching…',
  'ov.addSolutions': 'Add the Solution, Assignee and Fix-by columns if the table lacks them (at its right)',
  'ov.noTabs': '(no tabs)',

  'risk.filterSector': 'Sector',
  'risk.filterKind': 'Kind',
  'risk.allSectors': 'All sectors',
  'risk.allKinds': 'All kinds',
  'risk.summary': '{count} criteria · {points} points at stake',
  'risk.none': 'No criterion needs action.',
  'risk.noneFiltered': 'Nothing matches the filters.',
  'risk.stake': '−{points} pt',
  'risk.stakeAria': '{points} points at stake',
  'risk.deadline': 'Due {date}',
  'risk.noSector': TERMS.noSector.en,
  'risk.selectHint': 'Click an item to select its row in the sheet.',
  'risk.selected': 'Selected row {row} in the sheet.',
  'risk.rowAria': 'row {row}',
  'risk.solution': 'Solution: {text}',
  'risk.noSolution': 'No solution yet – click to type one',
  'risk.owner': 'Assignee: {owner}',
  'risk.fixBy': 'fix by {date}',

  'data.check': 'Check the data',
  'data.checking': 'Checking…',
  'data.summary': '{errors} errors, {warnings} warnings',
  'data.none': 'No data problems found.',
  'data.error': STATUS_LABELS_EN.error,
  'data.warning': 'Warning',
  'data.fix': 'Fix: {fix}',
  'data.whole': 'Whole table',
  'data.row': 'Row {row}',
  'data.selectHint': 'Click a problem to go to its cell.',

  'import.heading': 'Official indicator set',
  'import.help':
    'Paste the official table (STT, criterion, max points, scoring guidance) into a new tab, open it and press Import: the add-in builds the criteria tab and reads each rule from the guidance.',
  'import.run': 'Import the set from the open tab',
  'import.running': 'Importing…',
  'import.confirm': 'Write to a new tab',
  'import.cancel': 'Cancel',
  'import.reviewCount': '{count} rows to review after the import',
  'import.reviewHint':
    'Check each proposed rule against the guidance; fix the Cách chấm cell if needed, then clear Cần xem lại. Click a row to go to its rule cell.',
  'import.prose': 'Official guidance',
  'import.rule': 'Proposed rule',
  'import.noProse': '(no guidance)',

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
  'rep.snapshot': 'Save the monthly figures to History',
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
  ...ROUND_STRINGS.en,

  'risk.kind.belowTarget': 'Below target',
  'risk.kind.nearDeadline': 'Deadline near',
  'risk.kind.overdue': STATUS_LABELS_EN.overdue,
  'risk.kind.noEvidence': 'No evidence',
  'risk.kind.deduction': 'Deduction recorded',
  'risk.kind.appraisalGap': 'Appraisal below self-score',
  'risk.kind.selfScoreGap': 'Self-score differs from the computed points',
  'risk.kind.noData': 'No data yet',
  'risk.kind.noSolution': 'No solution yet',
  'risk.kind.solutionOverdue': 'Solution overdue',
  'risk.kind.error': TERMS.fixData.en,

  'status.secured': STATUS_LABELS_EN.secured,
  'status.atRisk': STATUS_LABELS_EN.atRisk,
  'status.losing': STATUS_LABELS_EN.losing,
  'status.notApplicable': STATUS_LABELS_EN.notApplicable,
  'status.tracking': STATUS_LABELS_EN.tracking,
  'status.error': STATUS_LABELS_EN.error,
  'status.parent': '',
  'status.empty': '',

  ...columnMessages('en'),

  'err.server': 'Server error: {message}',
  'err.unknown': 'Something went wrong. Try again; if it persists, reload the spreadsheet.',
  'err.done': 'Done.',
};

export const TABLES: Record<Lang, Record<MessageKey, string>> = { vi, en };

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
  'selfScoreGap',
  'noData',
  'noSolution',
  'solutionOverdue',
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
  ...ROUND_SETTINGS_MESSAGES_EN,
};

/**
 * A settings validation message for display. The validator's wrong-type message ("Invalid input", zod's
 * wording, kept so stored results read the same) is English developer text: it becomes a plain "invalid
 * value" in the user's language.
 */
export function settingsMessage(lang: Lang, message: string): string {
  if (/^(Too (small|big)|Invalid|Expected)/i.test(message)) return t(lang, 'set.invalidValue');
  if (lang === 'en') return SETTINGS_MESSAGES_EN[message] ?? message;
  return message;
}

// Numbers, percents, changes, dates and months: the one formatting module (the sidebar imports them here).
export { formatDate, formatDelta, formatMonth, formatNumber, formatPercent, formatPoints } from './format';

/** Reads a number typed by a person: "1,5", "1.5", " 80 ", "80%". null when it is not a number. */
export function parseNumberInput(text: string): number | null {
  const s = text.trim().replace(/%$/, '').trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}
