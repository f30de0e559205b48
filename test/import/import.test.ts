import { beforeAll, describe, test, expect } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../../local/import/main';
import { InputError } from '../../local/demo/loadSheet';
import { parseCsv } from '../../local/demo/readCsv';
import { runDemo } from '../../local/demo/run';
import { scoreRule } from '../../src/core/rules';
import { APPENDIX, writeAppendixCsv, writeAppendixDocx, writeAppendixXlsx } from './appendix';
import { valuesFor } from './corpus';

const tmp = mkdtempSync(join(tmpdir(), 'cchc-import-'));
const files = {
  csv: join(tmp, 'phu-luc.csv'),
  xlsx: join(tmp, 'phu-luc.xlsx'),
  docx: join(tmp, 'phu-luc.docx'),
};

beforeAll(async () => {
  writeAppendixCsv(files.csv);
  await writeAppendixXlsx(files.xlsx);
  await writeAppendixDocx(files.docx);
});

const HEADER =
  'Mã,Tiêu chí,Điểm tối đa,Cách chấm,Hướng dẫn chấm điểm,Cần xem lại,Tài liệu kiểm chứng,Kết quả';

const sameByScoring = (a: string, b: string, max: number) =>
  valuesFor(a).every(
    (v) => JSON.stringify(scoreRule(a, max, v, '')) === JSON.stringify(scoreRule(b, max, v, '')),
  );

describe.each(Object.keys(files) as (keyof typeof files)[])(
  'npm run import on the appendix as %s',
  (kind) => {
    let csvText = '';
    let rows: string[][] = [];
    const out = join(tmp, `out-${kind}`);
    beforeAll(async () => {
      await runImport(files[kind], out);
      csvText = readFileSync(join(out, 'criteria.csv'), 'utf8');
      rows = parseCsv(csvText.replace(/^\uFEFF/, ''), ',');
    });

    test('criteria.csv: UTF-8 with BOM, comma-delimited, the contract headers, decimal comma', () => {
      expect(csvText.startsWith('\uFEFF')).toBe(true);
      expect(csvText.split('\r\n')[0]).toBe(`\uFEFF${HEADER}`);
      const kiemTra = rows.find((r) => r[0] === '1.2')!;
      expect(kiemTra[2]).toBe('0,5');
      expect(rows.find((r) => r[0] === '1')![2]).toBe('3,5');
    });

    test('every row: the code from STT, the rule (compared by scoring), review only where needed, prose kept', () => {
      const body = rows.slice(1).filter((r) => r[0] !== '');
      expect(body.map((r) => r[0])).toEqual(APPENDIX.map((a) => a.code));
      APPENDIX.forEach((a, i) => {
        const [code, title, max, rule, prose, review] = body[i];
        expect({ code, title }).toEqual({ code: a.code, title: a.title });
        expect(Number(max.replace(',', '.'))).toBe(a.max);
        if (a.rule === null) expect(rule).toBe('');
        else expect({ code, same: sameByScoring(a.rule, rule, a.max) }).toEqual({ code, same: true });
        expect({ code, review: review !== '' }).toEqual({ code, review: a.review });
        expect(prose).toBe(a.prose.join('\n'));
      });
      // The evidence merged over criterion 3 stays on its first row (as Sheets keeps a merged cell's value).
      expect(body.find((r) => r[0] === '1.3')![6]).toBe('Tin, bài; kế hoạch tuyên truyền');
      expect(body.find((r) => r[0] === '1.3.1')![6]).toBe('');
    });

    test('import.html lists each row with prose, rule, confidence and why, all text escaped', () => {
      const html = readFileSync(join(out, 'import.html'), 'utf8');
      expect(html).toContain('Mức độ hài lòng của người dân &lt;b&gt;&amp; doanh nghiệp&lt;/b&gt;');
      expect(html).not.toContain('<b>&');
      expect(html).toContain('MỨC(100%: 1; 80%: 0,5)');
      expect(html).toContain('class="review"');
      expect(html).toMatch(/8 tiêu chí: 6 đọc được cách chấm, 2 cần xem lại/);
    });
  },
);

describe('criteria.csv loads straight into the demo', () => {
  test('the demo scores the imported table: areas from the roman numerals, no data errors', async () => {
    const out = join(tmp, 'out-csv');
    await runImport(files.docx, out);
    // A commune fills in a few results, as it would in the sheet.
    const csv = readFileSync(join(out, 'criteria.csv'), 'utf8')
      .split('\r\n')
      .map((line) =>
        line.startsWith('1.1,') ? `${line}Đúng hạn` : line.startsWith('1.2,') ? `${line}Có` : line,
      )
      .join('\r\n');
    writeFileSync(join(out, 'filled.csv'), csv);
    const demo = await runDemo({ input: join(out, 'filled.csv'), out: join(tmp, 'demo'), print: () => {} });
    expect(demo.summary.errors).toEqual([]);
    expect(demo.summary.areas.map((a) => [a.code, a.max])).toEqual([
      ['1', 3.5],
      ['2', 6],
    ]);
    expect(demo.summary.total).toBe(1.5);
  });
});

describe('refusals', () => {
  test('running STT numbers are refused with the fix', async () => {
    const path = join(tmp, 'running.csv');
    writeFileSync(
      path,
      'STT,Tiêu chí,Điểm tối đa,Hướng dẫn chấm điểm\n1,A,1,Có: 1 điểm\n2,B,1,Có: 1 điểm\n3,C,1,Có: 1 điểm\n',
    );
    await expect(runImport(path, join(tmp, 'r'))).rejects.toThrow(/chỉ có số thứ tự chạy.*ghi số La Mã/);
  });

  test('a file with no official table says which headers it needs', async () => {
    const path = join(tmp, 'none.csv');
    writeFileSync(path, 'a,b\n1,2\n');
    const error = await runImport(path, join(tmp, 'n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/cần một hàng tiêu đề có các cột "STT".*"Hướng dẫn chấm điểm"/);
  });

  test('the command: exit 2 with one line for a bad file, 0 and the files for a good one', () => {
    const bad = spawnSync('npx', ['tsx', 'local/import/main.ts', '--input', join(tmp, 'missing.docx')], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^Lỗi: Không tìm thấy tệp .*missing\.docx\.$/);
    const good = spawnSync(
      'npx',
      ['tsx', 'local/import/main.ts', '--input', files.docx, '--out', join(tmp, 'cli')],
      {
        encoding: 'utf8',
      },
    );
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/Đã nhập 8 tiêu chí \(3 dòng cha\): 6 đọc được cách chấm, 2 cần xem lại/);
    expect(readFileSync(join(tmp, 'cli', 'criteria.csv'), 'utf8').startsWith(`\uFEFF${HEADER}`)).toBe(true);
  });
});
