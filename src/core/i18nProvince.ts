// The sidebar's province card strings (issue 17), Vietnamese and English, beside i18n.ts (which is at the
// size a file may have) and filled the same way: `{name}` placeholders replaced by params.
import type { Lang } from './format';
import type { Params } from './i18n';

export type ProvinceKey = keyof typeof PROVINCE_VI;

export function provinceText(lang: Lang, key: ProvinceKey, params?: Params): string {
  const template = (lang === 'en' ? PROVINCE_EN : PROVINCE_VI)[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const PROVINCE_VI = {
  'prov.title': 'Bảng tổng hợp tỉnh/xã',
  'prov.help':
    'Ở tỉnh: xếp hạng các xã, phường và tìm tiêu chí dễ mất điểm từ bảng tính của từng xã (IMPORTRANGE). Lần đầu tạo trang "Danh sách xã" để nhập tên, đường dẫn và nhóm.',
  'prov.setup': 'Thiết lập bảng tổng hợp tỉnh/xã',
  'prov.refresh': 'Cập nhật theo danh sách xã',
  'prov.settingUp': 'Đang thiết lập bảng tổng hợp…',
  'prov.listOnly':
    'Đã có trang "Danh sách xã" ({count} xã/phường): nhập đủ tên, đường dẫn bảng tính và nhóm, rồi bấm thiết lập.',
  'prov.counts': '{ready}/{count} xã/phường đã xếp hạng.',
  'prov.waitingTitle': 'Chưa dùng được ({count}):',
  'prov.allowHint':
    'Xã báo "Chưa đọc được": mở trang "Dữ liệu xã" (Xem → Hiện trang), bấm ô #REF! của xã đó và chọn "Cho phép truy cập".',
  'prov.send': 'Gửi email tổng hợp tỉnh',
  'prov.sending': 'Đang gửi email tổng hợp tỉnh…',
  'prov.sent': 'Email tổng hợp tỉnh đã gửi tháng {month}.',
  'prov.notSent': 'Chưa gửi email tổng hợp tỉnh tháng này.',
  'prov.recipients': 'Người nhận: email lãnh đạo trong Cài đặt ({count} địa chỉ).',
  'prov.schedule': 'Tự động gửi email tổng hợp tỉnh hằng tháng',
};

const PROVINCE_EN: Record<keyof typeof PROVINCE_VI, string> = {
  'prov.title': 'Province workbook',
  'prov.help':
    'For the province: rank the communes and find the criteria that lose most points, from each commune\'s spreadsheet (IMPORTRANGE). The first run creates the "Danh sách xã" tab for names, links and groups.',
  'prov.setup': 'Set up the province workbook',
  'prov.refresh': 'Update for the commune list',
  'prov.settingUp': 'Setting up the province workbook…',
  'prov.listOnly':
    'The "Danh sách xã" tab is there ({count} communes): fill in names, spreadsheet links and groups, then set up.',
  'prov.counts': '{ready}/{count} communes ranked.',
  'prov.waitingTitle': 'Not usable yet ({count}):',
  'prov.allowHint':
    'A commune "not read yet": open the "Dữ liệu xã" tab (View → Hidden sheets), click its #REF! cell and choose "Allow access".',
  'prov.send': 'Send the province email',
  'prov.sending': 'Sending the province email…',
  'prov.sent': 'Province email sent for {month}.',
  'prov.notSent': 'The province email has not been sent this month.',
  'prov.recipients': 'Recipients: the leadership emails in Settings ({count}).',
  'prov.schedule': 'Send the province email automatically every month',
};
