// Issue 14, "Done means": a demo run on a sheet with a Giải pháp column reports the at-risk rows without a
// solution. The fixture (test/data/giai-phap.csv) is a commune's own sheet; every expected value below is
// worked out by hand from it, as of 20/06/2024.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Summary } from '../../local/demo/summary';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const OUT = mkdtempSync(join(tmpdir(), 'cchc-solutions-'));
const INPUT = join(ROOT, 'test', 'data', 'giai-phap.csv');

let run: { status: number | null; stdout: string; stderr: string };
let s: Summary;

beforeAll(async () => {
  run = await new Promise((resolve, reject) => {
    const child = spawn(
      TSX,
      ['local/demo/main.ts', '--input', INPUT, '--out', OUT, '--today', '2024-06-20'],
      {
        cwd: ROOT,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  s = JSON.parse(readFileSync(join(OUT, 'summary.json'), 'utf8')) as Summary;
}, 120000);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const item = (code: string) => s.atRisk.find((r) => r.code === code)!;

describe('the demo on a sheet with a Giải pháp column', () => {
  test('it runs, and the sheet formulas and the server agree', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(s.crossCheck).toEqual([]);
    expect(s.atRisk.map((r) => r.code).sort()).toEqual(['1.2', '1.3', '1.4', '2.1', '2.2', '3.1']);
  });

  test('the rows needing action without a solution carry "chưa có giải pháp", and only they', () => {
    const without = s.atRisk.filter((r) => r.reasons.includes('chưa có giải pháp')).map((r) => r.code);
    // 1.3 blank, 2.2 "chưa có" (no solution in words), 3.1 blank; 1.2, 1.4 and 2.1 have one.
    expect(without.sort()).toEqual(['1.3', '2.2', '3.1']);
    expect(run.stdout).toContain('Chưa có giải pháp: 3 tiêu chí cần xử lý');
  });

  test('each item carries its solution (text or null), owner and due date', () => {
    expect(item('1.2')).toMatchObject({
      solution: 'Đôn đốc 3 nhiệm vụ còn lại tại giao ban tuần',
      solutionOwner: 'Nguyễn Thị Lan',
      solutionDue: '2024-08-31',
    });
    expect(item('1.3')).toMatchObject({ solution: null, solutionOwner: null, solutionDue: null });
    expect(item('2.2').solution).toBe('chưa có');
    expect(item('2.1').solution).toBe('<b>Rà soát</b> 36 hồ sơ đất đai trễ hạn');
  });

  test('a solution due before the as-of date on a row still losing points: "giải pháp quá hạn"', () => {
    expect(item('1.4').reasons).toContain('giải pháp quá hạn');
    expect(item('1.4').solutionDue).toBe('2024-06-15');
    expect(item('1.2').reasons).not.toContain('giải pháp quá hạn'); // due 31/08
    expect(run.stdout).toContain('Giải pháp quá hạn: 1.4 (hạn khắc phục 15/06/2024)');
  });

  test('an unreadable Hạn khắc phục is a data error naming its row and column', () => {
    const e = s.errors.find((x) => x.column === 'Hạn khắc phục');
    expect(e).toMatchObject({ row: 8, a1: 'L8' });
    expect(e!.message).toContain('quý 3');
    expect(item('2.1').status).toBe('error');
    expect(run.stdout).toContain('Dòng 8, cột Hạn khắc phục (L8)');
  });

  test('the sheet shows the cue, and user text stays text in the sheet and the emails', () => {
    const sheet = readFileSync(join(OUT, 'sheet.html'), 'utf8');
    expect(sheet).toContain('background:#d9d2e9');
    expect(sheet).not.toContain('<b>Rà soát</b>');
    expect(sheet).toContain('&lt;b&gt;Rà soát&lt;/b&gt;');
    const bpmc = readFileSync(join(OUT, 'mail', readMail('BPMC')), 'utf8');
    expect(bpmc).not.toContain('<b>Rà soát</b>');
    expect(bpmc.toLowerCase()).toContain('chưa có giải pháp');
  });
});

/** The file name of a sector's sent email in out/mail/ (by its subject's sector name). */
function readMail(sector: string): string {
  const sent = s.mail.sent.findIndex((m) => m.subject.includes(`ngành ${sector}`));
  expect(sent).toBeGreaterThanOrEqual(0);
  const files = s.files.filter((f) => f.startsWith('mail/'));
  const match = files.find((f) => f.toLowerCase().includes(sector.toLowerCase()));
  expect(match).toBeDefined();
  return match!.slice('mail/'.length);
}
