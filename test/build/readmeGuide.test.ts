// The README's Vietnamese guide for commune staff quotes the add-in's own words: menu paths, sidebar labels,
// status words and column headers. Wrong instructions are worse than none, so each quote is checked against
// the code that shows it, and a renamed menu item or button fails here instead of leaving the guide silently
// stale. Every in-page link must lead to a heading and every picture must exist.
//
// What the guide must write for a quote to be checked (see the comment above the guide in README.md):
//   **CCHC Scorecard → A → B**            a menu path (src/server/menu.ts)
//   thẻ / nút / ô / mục / công tắc **X**   a sidebar label (src/core/i18n.ts) or a summary-block label
//   trạng thái **X**                       a status word (src/core/vocabulary.ts)
//   cột **X**                              a column's canonical name (src/core/vocabulary.ts)
//   the header table: | **Cột** | `Tiêu đề`, `Tiêu đề` | → each header found by the add-in as that column
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { TABLES } from '../../src/core/i18n';
import { BLOCK_LABELS } from '../../src/core/sheetLayout';
import type { ColumnKey } from '../../src/core/types';
import { COLUMN_NAMES, STATUS_LABELS } from '../../src/core/vocabulary';
import { MENU_ITEMS, type MenuItem, type SubMenu } from '../../src/server/menu';
import { findHeader, REQUIRED_COLUMNS } from '../../src/sheets/headers';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const GUIDE_START = '\n# Hướng dẫn cho cán bộ xã\n';
const GUIDE_END = '\n# For developers';

/** The guide: from its heading to the developers' part. */
function guide(): string {
  const start = README.indexOf(GUIDE_START);
  const end = README.indexOf(GUIDE_END, start);
  if (start < 0 || end < 0)
    throw new Error('README.md has no "# Hướng dẫn cho cán bộ xã" … "# For developers"');
  return README.slice(start, end);
}

/** A quote as a reader sees it: line breaks and indentation are one space. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function quotes(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => oneLine(m[1]));
}

/** GitHub's heading anchor: lower case, punctuation and symbols dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const m = /^#{1,6} (.+)$/.exec(line);
    if (fenced || !m) continue;
    const base = slug(m[1].trim());
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`);
  }
  return result;
}

/** Where a menu path leads: null when a step is not a caption at that level, or it stops at a sub-menu. */
function menuLeaf(path: string[]): MenuItem | null {
  let level: (MenuItem | SubMenu | null)[] = MENU_ITEMS;
  for (let i = 0; i < path.length; i++) {
    const item = level.find((entry) => entry !== null && entry.caption === path[i]);
    if (!item) return null;
    if ('items' in item) level = item.items;
    else return i === path.length - 1 ? item : null;
  }
  return null;
}

const COLUMN_BY_NAME = new Map<string, ColumnKey>(
  (Object.keys(COLUMN_NAMES) as ColumnKey[]).map((key) => [COLUMN_NAMES[key].vi, key]),
);

/** The column the add-in finds for `header`, in a header row holding the other required columns. */
function columnFound(key: ColumnKey, header: string): ColumnKey | null {
  const others = REQUIRED_COLUMNS.filter((k) => k !== key).map((k) => COLUMN_NAMES[k].vi);
  const row = [...others, header];
  const found = findHeader([row], 'Tiêu chí');
  if (!found.ok) return null;
  const at = row.length;
  const entry = Object.entries(found.match.columns).find(([, column]) => column === at);
  return entry ? (entry[0] as ColumnKey) : null;
}

describe("the README's Vietnamese guide quotes the add-in exactly", () => {
  test('the guide comes first, then the developers’ part', () => {
    const text = guide();
    expect(README.indexOf(GUIDE_START)).toBeLessThan(README.indexOf('## Set-up: two commands'));
    for (const part of [
      '## 1. Cài đặt',
      '## 2. Dùng hằng ngày',
      '## 3. Báo cáo tháng',
      '## 4. Câu hỏi thường gặp',
    ])
      expect(text).toContain(`\n${part}\n`);
  });

  test('every menu path it quotes is a menu item, sub-menus included', () => {
    const paths = quotes(guide(), /\*\*CCHC Scorecard → ([^*]+)\*\*/g);
    expect(paths.length).toBeGreaterThan(8);
    const wrong = paths.filter((p) => menuLeaf(p.split(' → ')) === null);
    expect(wrong).toEqual([]);
  });

  test('every sidebar tab, button, field and switch it quotes is a label the sidebar or the sheet shows', () => {
    const labels = quotes(guide(), /(?<![\p{L}\p{M}])(?:thẻ|nút|ô|mục|công tắc) \*\*([^*]+)\*\*/giu);
    expect(labels.length).toBeGreaterThan(20);
    const known = new Set<string>([...Object.values(TABLES.vi), ...Object.values(BLOCK_LABELS)]);
    expect(labels.filter((label) => !known.has(label))).toEqual([]);
    // The five tabs are all explained.
    for (const tab of ['tab.overview', 'tab.risk', 'tab.data', 'tab.report', 'tab.settings'] as const)
      expect(labels).toContain(TABLES.vi[tab]);
  });

  test('every status word it explains is a status the Trạng thái column shows, and all of them are explained', () => {
    const words = quotes(guide(), /(?<![\p{L}\p{M}])trạng thái \*\*([^*]+)\*\*/giu);
    const statuses: string[] = Object.values(STATUS_LABELS);
    expect(words.filter((w) => !statuses.includes(w))).toEqual([]);
    expect([...new Set(words)].sort()).toEqual([...statuses].sort());
  });

  test('every column it names is one of the add-in’s columns', () => {
    const names = quotes(guide(), /(?<![\p{L}\p{M}])cột \*\*([^*]+)\*\*/giu);
    expect(names.length).toBeGreaterThan(2);
    expect(names.filter((name) => !COLUMN_BY_NAME.has(name))).toEqual([]);
  });

  test('the header table: every header it lists is found by the add-in as that column, for every column', () => {
    const rows = guide()
      .split('\n')
      .filter((line) => line.startsWith('| **'));
    const listed = new Set<ColumnKey>();
    const wrong: string[] = [];
    for (const row of rows) {
      const [nameCell, headerCell] = row
        .replace(/^\|\s*/, '')
        .replace(/\s*\|$/, '')
        .split(' | ');
      const keys = quotes(nameCell, /\*\*([^*]+)\*\*/g).map((name) => COLUMN_BY_NAME.get(name));
      const groups = headerCell.split(' · ');
      expect(keys).not.toContain(undefined);
      expect(groups.length).toBe(keys.length);
      keys.forEach((key, i) => {
        listed.add(key!);
        const headers = quotes(groups[i], /`([^`]+)`/g);
        expect(headers.length).toBeGreaterThan(0);
        for (const header of headers) {
          const found = columnFound(key!, header);
          if (found !== key) wrong.push(`${header} → ${found ?? 'không nhận ra'} (bảng ghi ${key})`);
        }
      });
    }
    expect(wrong).toEqual([]);
    // A new column must reach the guide: its table lists every column the add-in reads or writes.
    const missing = (Object.keys(COLUMN_NAMES) as ColumnKey[]).filter((key) => !listed.has(key));
    if (missing.length > 0)
      throw new Error(
        `README, guide section 1.3, the header table has no row for ${missing
          .map((key) => `"${COLUMN_NAMES[key].vi}"`)
          .join(', ')}: add | **<tên cột>** | \`<tiêu đề>\`, … | with the headers the add-in recognises`,
      );
  });
});

describe('the README’s links and pictures', () => {
  test('every in-page link leads to a heading', () => {
    const targets = anchors(README);
    const links = [...README.matchAll(/\]\(#([^)\s]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((link) => !targets.has(link))).toEqual([]);
  });

  test('every picture it shows is committed', () => {
    const pictures = [
      ...[...README.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]),
      ...[...README.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ].filter((path) => !/^https?:/.test(path));
    expect(pictures.length).toBeGreaterThan(5);
    expect(pictures.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});

describe('the paste-into-the-editor install names every file the build writes', () => {
  test('dist/ holds only Code.js, appsscript.json and HTML files, and section A says to paste each kind', () => {
    if (!existsSync(join(ROOT, 'dist', 'Code.js'))) {
      const built = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, encoding: 'utf8' });
      expect(built.status).toBe(0);
    }
    const files = readdirSync(join(ROOT, 'dist'));
    const html = files.filter((f) => f.endsWith('.html'));
    expect(files.filter((f) => !html.includes(f)).sort()).toEqual(['Code.js', 'appsscript.json']);
    const start = README.indexOf('### A. Không cần lập trình viên');
    const section = README.slice(start, README.indexOf('\n### B.', start));
    expect(start).toBeGreaterThan(0);
    for (const file of ['Code.js', 'appsscript.json']) expect(section).toContain(`\`${file}\``);
    // Every HTML page by its name, or the lazy modules by their common prefix.
    for (const page of html) {
      const named =
        section.includes(`\`${page}\``) || (page.startsWith('lazy_') && section.includes('`lazy_….html`'));
      if (!named) throw new Error(`README, section A, never says to paste dist/${page}`);
    }
    expect(guide()).toContain('`lazy_….html`');
  });
});
