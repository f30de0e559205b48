// The sidebar's server contract is derived from src/index.ts (src/ui/contract.ts). Proven by type-checking
// copies of src/ with one server entry changed: each change must fail the sidebar's type check
// (tsconfig.ui.json), naming the entry; the unchanged copy must pass (so the failures are the changes').
import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');
const dirs: string[] = [];

/** A copy of the project's sources and tsconfigs with `src/index.ts` edited; returns tsc's exit and output. */
function typeCheckWith(edits: [string, string][]): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-contract-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  for (const f of ['tsconfig.base.json', 'tsconfig.ui.json']) cpSync(join(ROOT, f), join(dir, f));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const index = join(dir, 'src', 'index.ts');
  let text = readFileSync(index, 'utf8');
  for (const [from, to] of edits) {
    // An edit that no longer applies would make the test pass for the wrong reason.
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(index, text);
  const r = spawnSync(TSC, ['-p', 'tsconfig.ui.json', '--noEmit', '--pretty', 'false'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the sidebar contract follows src/index.ts', () => {
  let unchanged: ReturnType<typeof typeCheckWith>;
  beforeAll(() => {
    unchanged = typeCheckWith([]);
  });

  test('the unchanged sources type-check', () => {
    expect(unchanged.output).toBe('');
    expect(unchanged.status).toBe(0);
  });

  test('a Date in a result is a compile error naming the entry', () => {
    const r = typeCheckWith([
      [
        'export function sidebarLoad(): SidebarData {',
        'export function sidebarLoad(): SidebarData & { at: Date } {',
      ],
      ['  return sidebarLoadAction();', '  return { ...sidebarLoadAction(), at: new Date() };'],
    ]);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('src/ui/contract.ts');
    expect(r.output).toContain('cannot carry (Date, function...) the result of');
    expect(r.output).toContain('"sidebarLoad"');
  });

  test('a Date nested in a parameter is a compile error naming the entry', () => {
    const r = typeCheckWith([
      [
        'export function sidebarSendNow(force: boolean): ActionResult {',
        'export function sidebarSendNow(force: boolean | { when: Date[] }): ActionResult {',
      ],
      ['  return sidebarSendNowAction(force);', '  return sidebarSendNowAction(force === true);'],
    ]);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('cannot carry (Date, function...) a parameter of');
    expect(r.output).toContain('"sidebarSendNow"');
  });

  test('a changed server signature fails at the sidebar call site', () => {
    const r = typeCheckWith([
      [
        'export function sidebarSelectCell(row: number, column: string | number | null): ActionResult {',
        'export function sidebarSelectCell(row: number, column: string | number | null, tab: string): ActionResult {',
      ],
      [
        '  return sidebarSelectCellAction(row, column);',
        '  return sidebarSelectCellAction(row, tab || column);',
      ],
    ]);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/src\/ui\/items\.ts\(\d+,\d+\): error TS2554/);
  });

  test('a renamed server entry fails at the sidebar call site', () => {
    const r = typeCheckWith([
      [
        'export function sidebarRecompute(): ActionResult {',
        'export function sidebarRefresh(): ActionResult {',
      ],
    ]);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(
      /src\/ui\/tabs\/overview\.ts\(\d+,\d+\): error TS2345: Argument of type '"sidebarRecompute"'/,
    );
  });
});
