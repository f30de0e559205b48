// npm run demo -- [--input FILE.csv|FILE.xlsx] [--out DIR] [--today YYYY-MM-DD] [--settings FILE.json]
// Exit codes: 0 outputs written (even when the sheet has data errors: they are listed), 2 the input or an
// option cannot be used (message says why), 1 anything unexpected.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runProvince } from './province';
import { InputError, runDemo } from './run';
import { readSettingsFile } from './settingsFile';

const USAGE = `Cách dùng / usage:
  npm run demo -- [--input TỆP.csv|TỆP.xlsx] [--out THƯ_MỤC] [--today YYYY-MM-DD] [--settings TỆP.json]
  npm run demo -- --province THƯ_MỤC_XÃ [--out THƯ_MỤC] [--today YYYY-MM-DD] [--settings TỆP.json]

  --input   trang tiêu chí tải từ Google Sheets (CSV UTF-8 hoặc XLSX); mặc định: bộ chỉ số mẫu + kết quả mẫu
  --out     thư mục kết quả (mặc định: out/)
  --province  mỗi tệp .csv/.xlsx trong thư mục là bảng tiêu chí của một xã (tên xã = tên tệp):
            ghi ranking.json, ranking.html, province-email.html
  --today   ngày tính (hạn, "tính đến ngày"); mặc định: 20/06/2024 cho bộ mẫu, hôm nay cho tệp
  --settings  tệp JSON với một phần cài đặt như trong Cài đặt, ví dụ {"pointsDecimals": 2, "communeName": "Xã A"}`;

async function main(): Promise<number> {
  let values: {
    input?: string;
    out?: string;
    today?: string;
    province?: string;
    settings?: string;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        input: { type: 'string', short: 'i' },
        out: { type: 'string', short: 'o' },
        today: { type: 'string' },
        province: { type: 'string' },
        settings: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`Lỗi tham số: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    // npm runs scripts from the package root; paths the user typed are relative to where they typed them.
    const base = process.env.INIT_CWD ?? process.cwd();
    const settings =
      values.settings === undefined ? undefined : readSettingsFile(resolve(base, values.settings));
    if (values.province !== undefined) {
      if (values.input !== undefined)
        throw new InputError('Dùng --input hoặc --province, không dùng cả hai.');
      await runProvince({
        dir: resolve(base, values.province),
        out: values.out === undefined ? 'out' : resolve(base, values.out),
        today: values.today,
        settings,
      });
      return 0;
    }
    await runDemo({
      input: values.input === undefined ? undefined : resolve(base, values.input),
      out: values.out === undefined ? 'out' : resolve(base, values.out),
      today: values.today,
      settings,
    });
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      // One line, whatever a library put in the message.
      console.error(`Lỗi: ${error.message.replace(/\s*\n\s*/g, ' ')}`);
      return error.exitCode;
    }
    console.error('Lỗi không mong đợi (unexpected error):');
    console.error(error);
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
