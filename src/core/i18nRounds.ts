// UI strings of the rounds and their locks (issue 14), Vietnamese and English, spread into i18n.ts's tables.
import { COLUMN_NAMES } from './vocabulary';

export const ROUND_STRINGS = {
  vi: {
    'set.rounds': 'Vòng chấm và khóa',
    'set.roundsHelp':
      'Ngày cuối của từng vòng (dd/mm/yyyy, để trống nếu chưa có). Sau ngày đó tiện ích khóa các cột của vòng: tự chấm khóa Kết quả, Minh chứng, Điểm tự chấm; các vòng sau khóa cột của mình.',
    'set.roundSelf': 'Tự chấm đến',
    'set.roundA1': 'Thẩm định lần 1',
    'set.roundExpl': 'Giải trình đến',
    'set.roundA2': 'Thẩm định lần 2',
    'set.lockWarningOnly': 'Chỉ cảnh báo khi sửa ô đã khóa (không chặn)',
    'set.lockEditors': 'Người vẫn được sửa sau khi khóa',
    'set.lockEditorsHelp': 'Chủ bảng tính và người khóa luôn sửa được.',
    'set.addEditor': 'Thêm người',
    'ov.appraised':
      'Theo {round}: chỉ số {index}, tổng {total} điểm (chỉ số chính thức vẫn là chỉ số tính theo cách chấm).',
    'lock.title': 'Khóa vòng chấm',
    'lock.current': 'Đang ở vòng {round} (đến {date}).',
    'lock.none': 'Chưa đặt ngày vòng chấm (Cài đặt → Vòng chấm và khóa).',
    'lock.locked': 'Đã khóa: {round} (hết hạn {date})',
    'lock.unlocked': 'Đã mở khóa: {round} (hết hạn {date})',
    'lock.unlock': 'Mở khóa',
    'lock.unlocking': 'Đang mở khóa…',
    'lock.relock': 'Khóa lại',
    'lock.relocking': 'Đang khóa…',
    'lock.ask':
      'Gỡ mọi vùng khóa vòng chấm do tiện ích tạo? Các vùng bảo vệ khác của xã giữ nguyên; việc mở khóa được ghi vào trang Nhật ký khóa.',
    'lock.confirm': 'Gỡ khóa',
    'lock.cancel': 'Thôi',
    'round.selfScore': 'Tự chấm',
    'round.appraisal1': 'Thẩm định lần 1',
    'round.explanation': 'Giải trình',
    'round.appraisal2': 'Thẩm định lần 2',
    'col.appraisal1': COLUMN_NAMES.appraisal1.vi,
    'col.appraisal2': COLUMN_NAMES.appraisal2.vi,
  },
  en: {
    'set.rounds': 'Rounds and locks',
    'set.roundsHelp':
      'The last day of each round (dd/mm/yyyy, empty when not set). After it the add-in locks the round’s columns: self-scoring locks Result, Evidence and Self-score; later rounds lock their own columns.',
    'set.roundSelf': 'Self-scoring until',
    'set.roundA1': 'Appraisal, round 1',
    'set.roundExpl': 'Explanations until',
    'set.roundA2': 'Appraisal, round 2',
    'set.lockWarningOnly': 'Only warn when a locked cell is edited (do not block)',
    'set.lockEditors': 'Who may still edit after a lock',
    'set.lockEditorsHelp': 'The spreadsheet’s owner and whoever locks can always edit.',
    'set.addEditor': 'Add a person',
    'ov.appraised':
      'By the {round}: index {index}, total {total} points (the index above, computed from the rules, stays the one).',
    'lock.title': 'Round locks',
    'lock.current': 'Current round: {round} (until {date}).',
    'lock.none': 'No round dates yet (Settings → Rounds and locks).',
    'lock.locked': 'Locked: {round} (ended {date})',
    'lock.unlocked': 'Unlocked: {round} (ended {date})',
    'lock.unlock': 'Unlock',
    'lock.unlocking': 'Unlocking…',
    'lock.relock': 'Lock again',
    'lock.relocking': 'Locking…',
    'lock.ask':
      'Remove every round lock the add-in created? The commune’s other protections stay; the unlock is recorded in the audit tab.',
    'lock.confirm': 'Remove the locks',
    'lock.cancel': 'Cancel',
    'round.selfScore': 'Self-scoring',
    'round.appraisal1': 'Appraisal, round 1',
    'round.explanation': 'Explanations',
    'round.appraisal2': 'Appraisal, round 2',
    'col.appraisal1': COLUMN_NAMES.appraisal1.en,
    'col.appraisal2': COLUMN_NAMES.appraisal2.en,
  },
};

/** English versions of the rounds' settings messages (settings.ts). */
export const ROUND_SETTINGS_MESSAGES_EN: Record<string, string> = {
  'Ngày phải là dd/mm/yyyy': 'Invalid date (dd/mm/yyyy expected)',
  'Các ngày phải theo thứ tự các vòng':
    'The dates must be in order: self-scoring ≤ appraisal 1 ≤ explanations ≤ appraisal 2',
};
