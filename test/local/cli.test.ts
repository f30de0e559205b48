// The local commands' shared option parser, --today, and how every failure reaches the user: one Vietnamese
// line on stderr, exit 2, no stack trace — for `npm run demo` and `npm run import` alike (issue 19).
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeFailure, fileSystemReason, runCommand } from '../../local/cli/main';
import { demoCommand } from '../../local/demo/command';
import { importCommand } from '../../local/import/main';
import { parseOptions, parseToday } from '../../local/cli/options';
import { InputError } from '../../local/demo/loadSheet';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(join(tmpdir(), 'cchc-cli-'));

const SPEC = {
  input: { type: 'string', short: 'i' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The message parseOptions / parseToday refuse with (they must refuse with an InputError). */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('parseOptions (one parser for demo and import)', () => {
  test('reads --name value, --name=value, -x value and flags', () => {
    expect(parseOptions(['--input', 'a.csv', '--out=b', '-h'], SPEC)).toEqual({
      input: 'a.csv',
      out: 'b',
      help: true,
    });
    expect(parseOptions(['-i', 'x y.csv'], SPEC)).toEqual({ input: 'x y.csv' });
    expect(parseOptions([], SPEC)).toEqual({});
  });

  test.each([
    [['--bogus'], /^Không có tùy chọn "--bogus"\. Các tùy chọn: --input, --out, --help/],
    [['-z'], /^Không có tùy chọn "-z"/],
    [['--input'], /^Thiếu giá trị sau --input\.$/],
    [['--input', '--out', 'x'], /^Thiếu giá trị sau --input\.$/],
    [['--input', 'a', '--input', 'b'], /^Tùy chọn --input được ghi hai lần\.$/],
    [['--help=yes'], /^Tùy chọn --help không nhận giá trị\.$/],
    [['--out='], /^Giá trị của --out đang để trống\.$/],
    [['a.csv'], /^Không hiểu "a\.csv": mỗi giá trị phải đi sau tên tùy chọn/],
  ])('%j is refused in Vietnamese', (argv, message) => {
    const text = refusal(() => parseOptions(argv, SPEC));
    expect(text).toMatch(message);
    expect(text).not.toMatch(/\n/);
  });
});

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => (m === 2 && leap(y) ? 29 : DAYS[m - 1]);
const two = (n: number) => String(n).padStart(2, '0');

describe('--today: YYYY-MM-DD or dd/mm/yyyy', () => {
  test('every real date reads the same in both forms (generated)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.boolean(),
        (y, m, d0, padded) => {
          const d = Math.min(d0, daysIn(y, m));
          const iso = `${y}-${two(m)}-${two(d)}`;
          expect(parseToday(iso)).toBe(iso);
          expect(parseToday(padded ? `${two(d)}/${two(m)}/${y}` : `${d}/${m}/${y}`)).toBe(iso);
        },
      ),
      { seed: 19, numRuns: 300 },
    );
  });

  test('impossible dates are refused, naming the month length (generated)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const over = daysIn(y, m) + 1;
        const text = refusal(() => parseToday(`${over}/${m}/${y}`));
        expect(text).toBe(
          `--today "${over}/${m}/${y}" không phải ngày có thật: tháng ${m} năm ${y} có ${daysIn(y, m)} ngày.`,
        );
        expect(() => parseToday(`${y}-${two(m)}-${over}`)).toThrow(InputError);
      }),
      { seed: 19, numRuns: 200 },
    );
  });

  test.each([
    ['31/02/2026', /tháng 2 năm 2026 có 28 ngày/],
    ['29/02/2024', null],
    ['29/02/2100', /tháng 2 năm 2100 có 28 ngày/],
    ['0/5/2024', /có 31 ngày/],
    ['15/13/2024', /tháng phải từ 1 đến 12/],
    ['2024/06/20', /viết dạng dd\/mm\/yyyy/],
    ['20-06-2024', /viết dạng dd\/mm\/yyyy/],
    ['hôm nay', /viết dạng dd\/mm\/yyyy/],
    ['20/06/24', /viết dạng dd\/mm\/yyyy/],
    ['01/01/1800', /năm 1800 nằm ngoài/],
  ])('%s', (text, message) => {
    if (message === null) expect(parseToday(text)).toBe('2024-02-29');
    else expect(refusal(() => parseToday(text))).toMatch(message);
  });
});

describe('describeFailure', () => {
  test('a user problem is one "Lỗi:" line with its exit code; anything else one line and exit 1', () => {
    expect(describeFailure(new InputError('Tệp hỏng\n  dòng 2'))).toEqual({
      line: 'Lỗi: Tệp hỏng dòng 2',
      code: 2,
    });
    const other = describeFailure(new TypeError('x is undefined\n    at foo (a.ts:1:1)'));
    expect(other.code).toBe(1);
    expect(other.line).toMatch(/^Lỗi không mong đợi: x is undefined/);
    expect(other.line).not.toMatch(/\n/);
  });
});

/** A command run in this process as its entry point runs it: the stderr lines and the exit code. */
async function inProcess(script: 'demo' | 'import', args: string[]) {
  const lines: string[] = [];
  const stdout: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => void stdout.push(a.join(' '));
  try {
    const status = await runCommand(() => (script === 'demo' ? demoCommand(args) : importCommand(args)), {
      error: (line) => lines.push(line),
      debug: () => undefined,
    });
    return { status, stderr: lines.map((l) => `${l}\n`).join(''), stdout: stdout.join('\n') };
  } finally {
    console.log = log;
  }
}

/** The real process (`npm run demo` runs `tsx local/demo/main.ts`). */
function spawned(script: 'demo' | 'import', args: string[]) {
  const r = spawnSync(TSX, [`local/${script}/main.ts`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const file = (name: string, content: string | Buffer) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

/** A ZIP's signature followed by garbage: jszip says "Corrupted zip: can't find end of central directory". */
const CORRUPT_ZIP = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]);

describe('every CLI error is one Vietnamese line and exit 2', () => {
  const cases: [string, 'demo' | 'import', string[], RegExp][] = [
    ['demo: unknown option', 'demo', ['--bogus'], /^Lỗi: Không có tùy chọn "--bogus"/],
    ['demo: a value without option', 'demo', ['tieu-chi.csv'], /^Lỗi: Không hiểu "tieu-chi\.csv"/],
    ['demo: missing value', 'demo', ['--input'], /^Lỗi: Thiếu giá trị sau --input\.$/],
    ['demo: impossible --today', 'demo', ['--today', '31/02/2026'], /tháng 2 năm 2026 có 28 ngày\.$/],
    ['demo: --today in another form', 'demo', ['--today', '2026.02.01'], /^Lỗi: --today "2026\.02\.01"/],
    ['demo: missing file', 'demo', ['--input', join(tmp, 'khong-co.csv')], /^Lỗi: Không tìm thấy tệp/],
    [
      'demo: corrupt XLSX',
      'demo',
      ['--input', file('hong.xlsx', CORRUPT_ZIP)],
      /^Lỗi: Không đọc được tệp XLSX .*hong\.xlsx: tệp bị hỏng/,
    ],
    [
      'demo: CSV with an unclosed quote',
      'demo',
      ['--input', file('hong.csv', 'Mã,Tiêu chí\n1,"chưa đóng\n')],
      /^Lỗi: Tệp CSV bị hỏng: có một dấu ngoặc kép/,
    ],
    [
      'demo: --settings not JSON',
      'demo',
      ['--settings', file('cai-dat.json', '{"pointsDecimals": 2,')],
      /^Lỗi: --settings: tệp .* không phải JSON hợp lệ/,
    ],
    [
      'demo: --settings with a bad value',
      'demo',
      ['--settings', file('cai-dat-2.json', '{"pointsDecimals": 9}')],
      /^Lỗi: --settings: trường "pointsDecimals" không hợp lệ/,
    ],
    ['import: unknown option', 'import', ['--today', 'x'], /^Lỗi: Không có tùy chọn "--today"/],
    ['import: no --input', 'import', [], /^Lỗi: Thiếu --input/],
    [
      'import: corrupt .docx',
      'import',
      ['--input', file('hong.docx', CORRUPT_ZIP)],
      /^Lỗi: Không đọc được tệp Word .*hong\.docx: tệp bị hỏng/,
    ],
    [
      'import: corrupt .xlsx',
      'import',
      ['--input', file('hong2.xlsx', CORRUPT_ZIP)],
      /^Lỗi: Không đọc được tệp XLSX .*: tệp bị hỏng/,
    ],
    ['import: wrong type', 'import', ['--input', file('bang.pdf', '%PDF')], /^Lỗi: Tệp .* phải là \.csv/],
  ];
  const check = (r: { status: number | null; stderr: string; stdout: string }, message: RegExp) => {
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\n$/);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    // Vietnamese, not a library's English ("Corrupted zip", "Unknown option", "Unexpected end of JSON").
    expect(lines[0]).not.toMatch(/Corrupted|Unknown option|Unexpected|central directory|\bat \S+:\d+/);
    expect(r.stdout).toBe('');
  };
  test.each(cases)('%s', async (_name, script, args, message) => {
    check(await inProcess(script, args), message);
  });
  // The entry points themselves: the process's stderr and exit status (two runs: each starts tsx).
  test('the real processes: demo with an unknown option, import with a corrupt .docx', () => {
    check(spawned('demo', ['--bogus']), /^Lỗi: Không có tùy chọn "--bogus"/);
    check(spawned('import', ['--input', join(tmp, 'hong.docx')]), /^Lỗi: Không đọc được tệp Word/);
  });
});

describe('file system failures in words (a file or a folder the user named)', () => {
  const fail = (code?: string) =>
    Object.assign(new Error(`${code ?? 'x'}: raw message`), code ? { code } : {});
  test.each([
    ['ENOENT', 'tệp', 'không tìm thấy tệp'],
    ['ENOENT', 'thư mục', 'không tìm thấy thư mục'],
    ['EACCES', 'thư mục', 'không có quyền đọc thư mục'],
    ['EPERM', 'tệp', 'không có quyền đọc tệp'],
    ['ENOTDIR', 'thư mục', 'một phần của đường dẫn là tệp, không phải thư mục'],
    ['EIO', 'tệp', 'lỗi hệ thống tệp EIO'],
  ] as const)('%s (%s): "%s"', (code, what, phrase) => {
    expect(fileSystemReason(fail(code), what)).toBe(phrase);
  });
  test('without a code: the message in one line, never a stack', () => {
    expect(fileSystemReason(new Error('bad\n  zip'), 'tệp')).toBe('nội dung không đọc được (bad zip)');
  });
});
