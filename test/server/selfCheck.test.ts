// "Kiểm tra môi trường" (issue 12) runs on the stand-in through the built bundle's menu entry, under the
// stand-in's default behaviours and with every undocumented switch flipped: each line says what the add-in
// assumed, what was observed and whether it held; the report is printed (what a first real user would see).
import { describe, expect, test } from '@jest/globals';
import type { StandInOptions } from '../../local/gas/index';
import { selfCheckText } from '../../src/server/selfCheckReport';
import { TZ } from '../support/env';
import { distEnv } from '../support/distEnv';

const NOW = new Date(2024, 5, 15, 10, 0);

function selfCheck(options: Omit<StandInOptions, 'now'> = {}, schedule = false) {
  const env = distEnv(NOW, options);
  env.call('menuSetupSample()');
  if (schedule) env.call('sidebarSetSchedule(true)');
  env.call('menuSelfCheck()');
  const dialog = env.standIn.ui.dialogs.at(-1)!;
  const tab = env.standIn.sheet('Kiểm tra môi trường').getDataRange().getValues();
  return { env, dialog, tab };
}

const byLabel = (tab: unknown[][], label: string) => tab.find((r) => String(r[0]).startsWith(label))!;

describe('Kiểm tra môi trường on the stand-in', () => {
  test('default behaviours: a tab and a dialog, every line with assumption, observation and verdict', () => {
    const { env, dialog, tab } = selfCheck({}, true);
    expect(dialog.title).toBe('Kiểm tra môi trường');
    const header = tab.findIndex((r) => r[0] === 'Kiểm tra');
    const end = tab.findIndex((r, i) => i > header && r[0] === '');
    const rows = tab.slice(header + 1, end);
    expect(rows.map((r) => r[0])).toEqual([
      'Ô lỗi (#N/A, #DIV/0!) trong vùng truyền vào hàm tùy chỉnh',
      'Múi giờ',
      'Khóa tài liệu',
      'Thuộc tính tài liệu',
      'Trình kích hoạt hằng ngày',
      'Hạn mức gửi thư',
      'Dấu thập phân và cú pháp công thức',
      'Tên trang và chữ hoa/thường',
      'Chữ bắt đầu bằng + - @ ghi bằng setValues',
    ]);
    expect(rows.every((r) => r[3] === 'Đúng')).toBe(true);
    expect(String(byLabel(tab, 'Ô lỗi')[2])).toContain('hàm nhận: chữ:#N/A | chữ:#DIV/0! | số:1');
    expect(String(byLabel(tab, 'Ô lỗi')[2])).toContain('chữ:#LỖI! | chữ:#LỖI! | số:1');
    expect(String(byLabel(tab, 'Trình kích hoạt')[2])).toContain('getUserTriggers(bảng tính): 1, có lịch');
    // The dialog escapes what it shows and says the same.
    expect(dialog.html).toContain('Đúng');
    expect(dialog.html).not.toMatch(/<script/i);
    const text = env.standIn.logs.find((l) => l.includes('Kiểm tra môi trường'))!;
    process.stdout.write(`\n── Kiểm tra môi trường (stand-in, default behaviours) ──\n${text}\n`);
  });

  test('every undocumented behaviour flipped: observations change, the add-in still copes', () => {
    const { env, tab } = selfCheck(
      {
        timeZone: 'Asia/Tokyo',
        sheetNameLookup: 'ignoreCase',
        scriptTimeZone: TZ,
        behaviours: {
          errorArguments: 'propagate',
          userTriggersListClock: false,
          signedTextBecomesFormula: true,
        },
      },
      true,
    );
    expect(String(byLabel(tab, 'Ô lỗi')[2])).toContain('cả công thức hiện #N/A');
    expect(byLabel(tab, 'Ô lỗi')[3]).toBe('Đúng');
    expect(String(byLabel(tab, 'Múi giờ')[2])).toContain(`bảng tính Asia/Tokyo, script ${TZ}`);
    expect(byLabel(tab, 'Múi giờ')[3]).toBe('Đúng');
    expect(String(byLabel(tab, 'Trình kích hoạt')[2])).toContain(
      'getUserTriggers(bảng tính): 0, không có lịch của tiện ích; getProjectTriggers(): 1, có lịch',
    );
    expect(byLabel(tab, 'Trình kích hoạt')[3]).toBe('Đúng');
    expect(String(byLabel(tab, 'Tên trang')[2])).toContain('KHÔNG phân biệt');
    expect(String(byLabel(tab, 'Chữ bắt đầu')[2])).toContain('Sheets đổi "+84 912 345 678", "-abc"');
    expect(byLabel(tab, 'Chữ bắt đầu')[3]).toBe('Đúng');
    const text = env.standIn.logs.find((l) => l.includes('Kiểm tra môi trường'))!;
    process.stdout.write(`\n── Kiểm tra môi trường (stand-in, every switch flipped) ──\n${text}\n`);
  });

  test('what does not hold is said so: no schedule, a busy lock, no mail quota', () => {
    const { tab } = (() => {
      const env = distEnv(NOW, { mailQuota: 0 });
      env.call('menuSetupSample()');
      env.standIn.locks.holdDocumentLock();
      env.call('menuSelfCheck()');
      return { tab: env.standIn.sheet('Kiểm tra môi trường').getDataRange().getValues() };
    })();
    expect(byLabel(tab, 'Trình kích hoạt')[3]).toBe('Chưa rõ');
    expect(byLabel(tab, 'Khóa tài liệu')[3]).toBe('KHÁC');
    expect(String(byLabel(tab, 'Khóa tài liệu')[2])).toContain('đang bận');
    expect(byLabel(tab, 'Hạn mức gửi thư')[3]).toBe('Đúng'); // no recipients configured: 0 needed
    expect(String(tab[1]![0])).toMatch(/KHÁC/);
  });

  test('the text report lists every line with its verdict', () => {
    const text = selfCheckText([
      { label: 'A', assumed: 'x', observed: 'y', held: true },
      { label: 'B', assumed: 'x', observed: 'z', held: false },
      { label: 'C', assumed: 'x', observed: 'w', held: null },
    ]);
    expect(text).toBe(
      '[Đúng] A\n  Tiện ích giả định: x\n  Thực tế: y\n[KHÁC] B\n  Tiện ích giả định: x\n  Thực tế: z\n[Chưa rõ] C\n  Tiện ích giả định: x\n  Thực tế: w',
    );
  });
});
