// The demo command: its options (the parser shared with `npm run import`) → runDemo / runProvince.
// Exit codes: 0 outputs written (even when the sheet has data errors: they are listed), 2 the input or an
// option cannot be used (one Vietnamese line says why), 1 anything unexpected (one line too).
import { resolve } from 'node:path';
import { parseOptions, parseToday } from '../cli/options';
import { InputError } from './loadSheet';
import { runProvince } from './province';
import { runDemo } from './run';
import { readSettingsFile } from './settingsFile';

const USAGE = `Cách dùng / usage:
  npm run demo -- [--input TỆP.csv|TỆP.xlsx] [--out THƯ_MỤC] [--today dd/mm/yyyy] [--settings TỆP.json]
  npm run demo -- --province THƯ_MỤC_XÃ [--out THƯ_MỤC] [--today dd/mm/yyyy] [--settings TỆP.json]

  --input   trang tiêu chí tải từ Google Sheets (CSV UTF-8 hoặc XLSX); mặc định: bộ chỉ số mẫu + kết quả mẫu
  --out     thư mục kết quả (mặc định: out/); tệp của lần chạy trước trong đó được xóa, tệp khác giữ nguyên
  --province  mỗi tệp .csv/.xlsx trong thư mục là bảng tiêu chí của một xã (tên xã = tên tệp):
            ghi ranking.json, ranking.html, province-email.html
  --today   ngày tính (hạn, "tính đến ngày"), dd/mm/yyyy hoặc YYYY-MM-DD; mặc định: 20/06/2024 cho bộ mẫu,
            hôm nay cho tệp
  --settings  tệp JSON với một phần cài đặt như trong Cài đặt, ví dụ {"pointsDecimals": 2, "communeName": "Xã A"}
  CHROMIUM_PATH=…  trình duyệt Chromium để chụp out/sidebar.png (mặc định /usr/bin/chromium)`;

const DEMO_OPTIONS = {
  input: { type: 'string', short: 'i' },
  out: { type: 'string', short: 'o' },
  today: { type: 'string' },
  province: { type: 'string' },
  settings: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `npm run demo -- ARGS`: the exit code (failures throw; runCommand turns them into one line). */
export async function demoCommand(argv: readonly string[]): Promise<number> {
  const values = parseOptions(argv, DEMO_OPTIONS);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // npm runs scripts from the package root; paths the user typed are relative to where they typed them.
  const base = process.env.INIT_CWD ?? process.cwd();
  const today = values.today === undefined ? undefined : parseToday(values.today);
  const settingsPath = values.settings === undefined ? undefined : resolve(base, values.settings);
  const settings = settingsPath === undefined ? undefined : readSettingsFile(settingsPath);
  const out = values.out === undefined ? 'out' : resolve(base, values.out);
  if (values.province !== undefined) {
    if (values.input !== undefined) throw new InputError('Dùng --input hoặc --province, không dùng cả hai.');
    await runProvince({ dir: resolve(base, values.province), out, today, settings, settingsPath });
    return 0;
  }
  const input = values.input === undefined ? undefined : resolve(base, values.input);
  await runDemo({ input, out, today, settings, settingsPath });
  return 0;
}
