// One truth (issue 10): hundreds of random criteria tables — hierarchies, every rule kind, not-applicable
// rows, unreadable cells, bonus and penalty rows, deadlines in Chỉ tiêu or in Hạn / Thời hạn, empty tables —
// each put through every path that shows a figure:
//   the sheet: the stand-in's formula engine evaluating the add-in's own output formulas and summary block
//              (written by set-up with whatever formula layout the add-in uses),
//   the server: the sidebar payload (sidebarLoad's builder),
//   the report model and the monthly emails built from it,
//   the demo's summary.json (its own builder, with its cross-check),
// and required to agree: total, applicable maximum, index, class, every area, every sector, the set of
// rows needing action and their points at stake (the criteria tab's column and the export tab's). Sector figures are also summed straight from the sheet's own Điểm column.
// Seeded (SEED below): a failure prints the seed and the table; rerun with it to reproduce. ONE_TRUTH_SEED and
// ONE_TRUTH_RUNS explore other seeds and more tables.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { formatPercent, formatPoints } from '../../src/core/format';
import { TERMS, STATUS_LABELS, NOT_APPLICABLE_TEXT } from '../../src/core/vocabulary';
import { NO_SOLUTION_REASON, SOLUTION_OVERDUE_REASON } from '../../src/core/risk';
import type { CellValue } from '../../src/core/types';
import { sectorTable } from '../../src/core/summary';
import { loadDocument, previewEmails } from '../../src/server/reporting';
import { attachSheet } from '../../src/server/setUpTab';
import { buildSidebarData } from '../../src/server/sidebarData';
import { EXPORT_TAB } from '../../src/core/exportLayout';
import { BLOCK_LABELS } from '../../src/sheets/summaryBlock';
import { readTable } from '../../src/sheets/table';
import { buildSummary, readBlock } from '../../local/demo/summary';
import { env, fill, NOW, seedSettings } from '../support/env';

const SEED = Number(process.env.ONE_TRUTH_SEED ?? 20261130);
const RUNS = Number(process.env.ONE_TRUTH_RUNS ?? 200);

const DIRECTORY = ['VP-TK', 'BPMC', 'TP-HT', 'CT'].map((name) => ({
  name,
  head: `Trưởng ${name}`,
  email: `${name.toLowerCase().replace(/[^a-z]/g, '')}@xa.example.com`,
}));
const SECTOR_CELLS = ['', 'VP-TK', 'BPMC', 'TP-HT', 'CT', 'VP-TK, BPMC', 'Tất cả các ngành', 'BPMC;\nCT'];
const RULES = ['yesno', 'deadline', 'tiers', 'ratio', 'count', 'deduct', 'survey', 'manual'] as const;
type RuleKind = (typeof RULES)[number];

const DAY = 86400000;
/** The as-of date set-up writes (NOW's calendar day) plus `days`. */
const dayFromAsOf = (days: number): Date => new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() + days);
const dmy = (d: Date): string =>
  `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
const comma = (n: number): string => String(n).replace('.', ',');

interface LeafSpec {
  max: number;
  rule: RuleKind;
  state: 'value' | 'empty' | 'na' | 'error';
  pick: number;
  evidence: boolean;
  sector: string;
  deadlineInHan: boolean;
  deadlineDays: number;
  /** Giải pháp: blank, a solution, or a word meaning none (when the table has the column). */
  solution: 0 | 1 | 2;
  /** Hạn khắc phục: none, days from the as-of date (a date, or dd/mm/yyyy text), or garbage. */
  due: number | null | 'garbage';
  dueAsText: boolean;
}

const leafArb: fc.Arbitrary<LeafSpec> = fc.record({
  max: fc.constantFrom(0.5, 1, 1.5, 2, 3, 4),
  rule: fc.constantFrom(...RULES),
  state: fc.constantFrom('value', 'value', 'value', 'value', 'empty', 'na', 'error'),
  pick: fc.nat(1000),
  evidence: fc.boolean(),
  sector: fc.constantFrom(...SECTOR_CELLS),
  deadlineInHan: fc.boolean(),
  deadlineDays: fc.integer({ min: -40, max: 40 }),
  solution: fc.constantFrom(0 as const, 1 as const, 1 as const, 2 as const),
  due: fc.oneof(fc.constant(null), fc.integer({ min: -20, max: 20 }), fc.constant('garbage' as const)),
  dueAsText: fc.boolean(),
});

interface TableSpec {
  areas: { title: number; children: LeafSpec[][] }[];
  bonus: LeafSpec | null;
  penalty: LeafSpec | null;
  hanHeader: 'Hạn' | 'Thời hạn';
  /** Issue 14: the table has Giải pháp, Người thực hiện and Hạn khắc phục columns. */
  solutions: boolean;
}

const tableArb: fc.Arbitrary<TableSpec> = fc.record({
  // 0 areas: a table with headers only.
  areas: fc.array(
    fc.record({
      title: fc.nat(99),
      // A child is one leaf, or a sub-criterion with 2–3 leaves.
      children: fc.array(
        fc.oneof(
          fc.array(leafArb, { minLength: 1, maxLength: 1 }),
          fc.array(leafArb, { minLength: 2, maxLength: 3 }),
        ),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
    }),
    { minLength: 0, maxLength: 4 },
  ),
  bonus: fc.option(leafArb, { nil: null }),
  penalty: fc.option(leafArb, { nil: null }),
  hanHeader: fc.constantFrom('Hạn' as const, 'Thời hạn' as const),
  solutions: fc.boolean(),
});

const HEADER = (han: string, solutions: boolean): string[] => [
  'Mã',
  'Tiêu chí',
  'Điểm tối đa',
  'Cách chấm',
  'Chỉ tiêu',
  'Kết quả',
  'Minh chứng',
  'Ngành',
  han,
  ...(solutions ? ['Giải pháp', 'Người thực hiện', 'Hạn khắc phục'] : []),
];

/** Giải pháp, Người thực hiện, Hạn khắc phục cells of a leaf. */
function solutionCells(s: LeafSpec): CellValue[] {
  const solution = ['', `Giải pháp của ${s.sector || 'xã'}`, 'chưa có'][s.solution];
  let due: CellValue = '';
  if (s.due === 'garbage') due = ['31/02/2024', 'quý 3', 'sớm'][s.pick % 3];
  else if (s.due !== null) due = s.dueAsText ? dmy(dayFromAsOf(s.due)) : dayFromAsOf(s.due);
  return [solution, s.solution === 1 ? 'Nguyễn Văn A' : '', due];
}

/** rule, target, actual, deadline cells of a leaf. */
function leafCells(s: LeafSpec): [string, CellValue, CellValue, CellValue] {
  const p = s.pick;
  let rule = '';
  let target: CellValue = '';
  let actual: CellValue = '';
  let deadline: CellValue = '';
  switch (s.rule) {
    case 'yesno':
      rule = 'CÓ/KHÔNG';
      actual = ['Có', 'Không', 'x', 'Chưa'][p % 4];
      break;
    case 'deadline': {
      rule = 'HẠN(50%)';
      const due = dayFromAsOf(s.deadlineDays);
      if (s.deadlineInHan) deadline = due;
      else target = due;
      actual = ['Đúng hạn', 'Trễ hạn', 'Chưa', dmy(new Date(due.getTime() + ((p % 7) - 3) * DAY))][p % 4];
      break;
    }
    case 'tiers':
      rule = `MỨC(100%: ${comma(s.max)}; 80%: ${comma(s.max / 2)})`;
      actual = [1, 0.85, 0.5, 0.95, '90%', 1.02][p % 6];
      break;
    case 'ratio':
      rule = p % 2 === 0 ? 'TỶ LỆ' : 'TỶ LỆ(90%)';
      target = p % 3 === 0 ? '95%' : '';
      actual = [1, 0.8, 0.45, '92%', 0.9][p % 5];
      break;
    case 'count':
      rule = 'ĐẾM(0,5)';
      actual = p % 7;
      break;
    case 'deduct':
      rule = 'TRỪ(0,5)';
      actual = p % 4;
      break;
    case 'survey':
      rule = 'KHẢO SÁT';
      actual = [0.9, 0.75, '82%', 1][p % 4];
      break;
    case 'manual':
      rule = 'TỰ CHẤM';
      actual = Math.min(s.max, (p % 9) / 2);
      break;
  }
  if (s.state === 'empty') actual = '';
  else if (s.state === 'na') actual = p % 2 ? NOT_APPLICABLE_TEXT : 'KAD';
  else if (s.state === 'error') actual = ['abc', '#N/A', 'ba lần'][p % 3];
  return [rule, target, actual, deadline];
}

interface Built {
  grid: CellValue[][];
  /** Codes of the scored rows (leaves, bonus, penalty). */
  leaves: Set<string>;
}

function buildTable(spec: TableSpec): Built {
  const grid: CellValue[][] = [['BỘ CHỈ SỐ THỬ'], HEADER(spec.hanHeader, spec.solutions)];
  const leaves = new Set<string>();
  const extra = spec.solutions ? ['', '', ''] : [];
  const leafRow = (code: string, s: LeafSpec): CellValue[] => {
    leaves.add(code);
    const [rule, target, actual, deadline] = leafCells(s);
    return [
      code,
      `Tiêu chí ${code}`,
      s.max,
      rule,
      target,
      actual,
      s.evidence ? 'Minh chứng' : '',
      s.sector,
      deadline,
      ...(spec.solutions ? solutionCells(s) : []),
    ];
  };
  spec.areas.forEach((area, a) => {
    const code = String(a + 1);
    const maxOf = (ls: LeafSpec[]) => ls.reduce((t, l) => t + l.max, 0);
    grid.push([
      code,
      `Lĩnh vực ${area.title}`,
      area.children.reduce((t, c) => t + maxOf(c), 0),
      '',
      '',
      '',
      '',
      '',
      '',
      ...extra,
    ]);
    area.children.forEach((child, c) => {
      const childCode = `${code}.${c + 1}`;
      if (child.length === 1) grid.push(leafRow(childCode, child[0]));
      else {
        grid.push([childCode, `Tiêu chí ${childCode}`, maxOf(child), '', '', '', '', '', '', ...extra]);
        child.forEach((leaf, k) => grid.push(leafRow(`${childCode}.${k + 1}`, leaf)));
      }
    });
  });
  if (spec.bonus) {
    const b = { ...spec.bonus, rule: 'manual' as const, max: 2 };
    grid.push(leafRow('+', b));
  }
  if (spec.penalty) {
    const p = { ...spec.penalty, rule: 'manual' as const, max: 5 };
    grid.push(leafRow('-', p));
  }
  return { grid, leaves };
}

const NEEDS_ACTION = new Set<string>([
  STATUS_LABELS.losing,
  STATUS_LABELS.overdue,
  STATUS_LABELS.atRisk,
  STATUS_LABELS.error,
]);
const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;
const tokens = (cell: unknown) =>
  String(cell ?? '')
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Runs one table through every path; returns the differences found (empty when all agree). */
function disagreements(spec: TableSpec): string[] {
  const out: string[] = [];
  const check = (what: string, ok: boolean, detail: () => string) => {
    if (!ok) out.push(`${what}: ${detail()}`);
  };
  const { grid, leaves } = buildTable(spec);
  const standIn = env();
  seedSettings(standIn, {
    communeName: 'Xã Thử',
    year: 2024,
    leadership: ['lanhdao@xa.example.com'],
    sectors: DIRECTORY,
  });
  fill(standIn, 'Tiêu chí', grid);
  const state = attachSheet('Tiêu chí', NOW);
  if (!state.ok) return [`attach failed: ${state.message}`];
  standIn.recalculate();

  // ── The sheet: the output columns and the summary block, as the formula engine computed them ──
  const sheet = standIn.sheet('Tiêu chí');
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const display = sheet.getDataRange().getDisplayValues();
  const read = readTable(sheet);
  if (!read.ok) return [`read failed: ${read.message}`];
  const col = read.layout.columns;
  const sheetRows = read.rows.map((r) => ({
    code: String(r.code ?? ''),
    sector: r.sector,
    max: typeof r.max === 'number' ? r.max : 0,
    score: values[r.row - 1][col.score! - 1],
    status: String(values[r.row - 1][col.status! - 1] ?? ''),
    reason: String(values[r.row - 1][col.reason! - 1] ?? ''),
    solution: col.solution ? String(values[r.row - 1][col.solution - 1] ?? '').trim() : null,
  }));
  const sheetAction = sheetRows
    .filter((r) => leaves.has(r.code) && NEEDS_ACTION.has(r.status))
    .map((r) => r.code);
  const block = readBlock(values, display);
  const blockAreas: { label: string; score: CellValue; max: CellValue }[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== BLOCK_LABELS.areas || values[r][c + 1] !== BLOCK_LABELS.areaScore) return;
      for (let k = r + 1; k < values.length && String(values[k][c] ?? '') !== ''; k++)
        blockAreas.push({ label: String(values[k][c]), score: values[k][c + 1], max: values[k][c + 2] });
    }),
  );

  // ── The server (sidebar payload), the report model, the emails, summary.json ──
  const data = buildSidebarData(undefined, NOW);
  const d = data.dashboard;
  if (!d) return [`no dashboard: ${data.sheetMessage}`];
  const model = loadDocument(NOW).model;
  const mails = previewEmails(NOW);
  const summary = buildSummary(data, block, {
    source: 'property',
    actions: [],
    mail: { sent: [], preview: [] },
    files: [],
    notes: [],
  });

  // Total, applicable max, index, class.
  const total = block.raw[BLOCK_LABELS.total];
  const max = block.raw[BLOCK_LABELS.applicableMax];
  const index = block.raw[BLOCK_LABELS.index];
  const klass = block.raw[BLOCK_LABELS.classification];
  check(
    'total',
    typeof total === 'number' &&
      close(total, model.total) &&
      close(d.total, Math.round(model.total * 1e4) / 1e4) &&
      summary.total === d.total,
    () => `${String(total)} / ${d.total} / ${model.total} / ${summary.total}`,
  );
  check(
    'applicable max',
    typeof max === 'number' &&
      close(max, model.applicableMax) &&
      close(d.applicableMax, Math.round(model.applicableMax * 1e4) / 1e4) &&
      summary.applicableMax === d.applicableMax,
    () => `${String(max)} / ${d.applicableMax} / ${model.applicableMax}`,
  );
  if (model.indexPercent === null) {
    check(
      'no index',
      d.indexPercent === null &&
        summary.indexPercent === null &&
        index === TERMS.noData.vi &&
        klass === TERMS.noData.vi,
      () => `${String(index)} / ${String(klass)} / ${d.indexPercent}`,
    );
  } else {
    check(
      'index',
      typeof index === 'number' &&
        close(index * 100, model.indexPercent) &&
        Math.abs(d.indexPercent! - model.indexPercent) < 1e-4 &&
        summary.indexPercent === d.indexPercent,
      () => `${String(index)} / ${d.indexPercent} / ${model.indexPercent}`,
    );
    // The block's 0.00% shows what our texts show. An index that sits on a half (26,025%) may be shown
    // either way by the spreadsheet's own display rounding of a binary double, which no add-in controls.
    const p = model.indexPercent;
    check(
      'index shown',
      [0, 1e-7, -1e-7].some((d) => block.shown[BLOCK_LABELS.index] === formatPercent('en', p + d)),
      () =>
        `block shows ${block.shown[BLOCK_LABELS.index]}, expected ${formatPercent('en', model.indexPercent!)}`,
    );
    check(
      'class',
      klass === model.classification &&
        d.classification === model.classification &&
        summary.classification === model.classification,
      () => `${String(klass)} / ${d.classification} / ${model.classification}`,
    );
  }
  check('cross-check of summary.json', summary.crossCheck.length === 0, () => summary.crossCheck.join('; '));

  // Areas.
  const areasOf = (xs: { code: string; score: number; max: number }[]) =>
    xs.map((a) => `${a.code}:${Math.round(a.score * 1e4) / 1e4}/${Math.round(a.max * 1e4) / 1e4}`).join(' ');
  const fromBlock = blockAreas.map((a) => ({
    code: a.label.split('.')[0],
    score: Number(a.score),
    max: Number(a.max),
  }));
  const areasModel = areasOf(model.areas);
  check(
    'areas',
    areasOf(fromBlock) === areasModel &&
      areasOf(d.areas) === areasModel &&
      areasOf(summary.areas) === areasModel,
    () => `${areasOf(fromBlock)} | ${areasOf(d.areas)} | ${areasModel}`,
  );

  // Rows needing action: the sheet's status column, the sidebar, the report, summary.json, the subject.
  const set = (xs: string[]) => [...xs].sort().join(' ');
  const actionModel = set(model.atRisk.map((l) => l.code));
  check(
    'rows needing action',
    set(sheetAction) === actionModel &&
      set(data.atRisk.map((r) => r.code)) === actionModel &&
      set(summary.atRisk.map((r) => r.code)) === actionModel,
    () =>
      `sheet ${set(sheetAction)} | sidebar ${set(data.atRisk.map((r) => r.code))} | report ${actionModel}`,
  );
  // The points at stake of every row needing action (data errors aside: their cell is empty): the criteria
  // tab's "Điểm có thể mất" column (the output call's fourth) and the export tab's column H (a reference to it),
  // against the server's.
  const stakeColumn = Math.max(col.score!, col.status!, col.reason!) + 1;
  const exported = standIn.sheet(EXPORT_TAB).getRange('H15:H314').getValues();
  const serverStake = new Map(
    data.atRisk.filter((r) => r.status !== 'error').map((r) => [r.code, r.pointsAtStake]),
  );
  const stakeRows = read.rows.filter((r) => serverStake.has(String(r.code)));
  const stakeAt = (row: number) => values[row - 1][stakeColumn - 1];
  check(
    'points at stake',
    values[read.layout.headerRow - 1][stakeColumn - 1] === TERMS.pointsAtStake.vi &&
      stakeRows.every((r) => {
        const v = stakeAt(r.row);
        const i = r.row - read.layout.firstDataRow;
        return (
          typeof v === 'number' &&
          // The sidebar's payload carries 4 decimals.
          close(Math.round(v * 1e4) / 1e4, serverStake.get(String(r.code))!) &&
          (i >= exported.length || exported[i][0] === v)
        );
      }),
    () =>
      stakeRows
        .map(
          (r) =>
            `${String(r.code)}: sheet ${String(stakeAt(r.row))}, server ${serverStake.get(String(r.code))}`,
        )
        .join('; '),
  );
  // Issue 14's solution view: the rows without a solution and the overdue solutions, in the sheet's Lý do (the
  // formula), the sidebar (the server), the report model and summary.json; the solution text everywhere.
  const withReason = (reason: string) => ({
    sheet: set(sheetRows.filter((r) => leaves.has(r.code) && r.reason.includes(reason)).map((r) => r.code)),
    sidebar: set(data.atRisk.filter((r) => r.reasons.includes(reason)).map((r) => r.code)),
    report: set(model.atRisk.filter((l) => l.reasons.includes(reason)).map((l) => l.code)),
    summary: set(summary.atRisk.filter((r) => r.reasons.includes(reason)).map((r) => r.code)),
  });
  for (const reason of [NO_SOLUTION_REASON, SOLUTION_OVERDUE_REASON]) {
    const w = withReason(reason);
    check(
      reason,
      w.sheet === w.sidebar && w.sidebar === w.report && w.report === w.summary,
      () => `sheet ${w.sheet} | sidebar ${w.sidebar} | report ${w.report} | summary ${w.summary}`,
    );
  }
  const noSolution = withReason(NO_SOLUTION_REASON).summary;
  check('chưa có giải pháp only with the column', spec.solutions || noSolution === '', () => noSolution);
  check(
    'summary.json solution',
    summary.atRisk.every((r) => {
      const cell = sheetRows.find((x) => x.code === r.code)?.solution ?? null;
      return r.solution === (cell ? cell : null);
    }),
    () => JSON.stringify(summary.atRisk.map((r) => [r.code, r.solution])),
  );
  check(
    'leadership subject',
    mails.leadership.subject.includes(`, ${model.atRisk.length} ${TERMS.actionList.vi.toLowerCase()}`),
    () => mails.leadership.subject,
  );

  // The leadership email carries the same figures, written by the formatting module.
  const text = mails.leadership.text;
  check(
    'email total',
    text.includes(
      `${TERMS.total.vi}: ${formatPoints('vi', model.total)} / ${formatPoints('vi', model.applicableMax)}`,
    ),
    () => text.split('\n').slice(0, 8).join(' | '),
  );
  check('email index', text.includes(`${TERMS.index.vi}: ${formatPercent('vi', model.indexPercent)}`), () =>
    text.split('\n').slice(0, 8).join(' | '),
  );

  // Sectors: summed straight from the sheet's Điểm column, against the report model and both emails.
  const sectorNames = new Set(sectorTable(model).map((s) => s.name));
  for (const s of sectorTable(model)) {
    const own = sheetRows.filter((r) => {
      // A criterion: a leaf with something typed (a blank row shows no status and belongs to no one yet).
      if (!leaves.has(r.code) || r.status === '') return false;
      const t = tokens(r.sector);
      if (s.name === TERMS.noSector.vi) return t.length === 0;
      return t.includes(s.name) || t.includes('Tất cả các ngành');
    });
    const applicable = own.filter((r) => r.score !== NOT_APPLICABLE_TEXT);
    const secured = applicable.reduce((t, r) => t + (typeof r.score === 'number' ? r.score : 0), 0);
    const appMax = applicable.filter((r) => r.code !== '+' && r.code !== '-').reduce((t, r) => t + r.max, 0);
    const acting = own.filter((r) => NEEDS_ACTION.has(r.status)).length;
    check(
      `sector ${s.name}`,
      own.length === s.owned &&
        close(secured, s.secured) &&
        close(appMax, s.applicableMax) &&
        acting === s.atRiskCount,
      () =>
        `sheet ${own.length}, ${secured}/${appMax}, ${acting} | report ${s.owned}, ${s.secured}/${s.applicableMax}, ${s.atRiskCount}`,
    );
    check(
      `sector ${s.name} in the leadership email`,
      text.includes(
        `${s.name}: ${s.owned} tiêu chí, ${s.atRiskCount} cần xử lý, có thể mất ${formatPoints('vi', s.atStake)} điểm`,
      ),
      () => text,
    );
    const mail = mails.sectors.find((m) => m.sector === s.name);
    if (mail) {
      check(
        `sector ${s.name} email`,
        mail.text.includes(
          `đạt ${formatPoints('vi', s.secured)} / ${formatPoints('vi', s.applicableMax)} điểm`,
        ) &&
          (s.atRiskCount > 0
            ? mail.subject.includes(`${s.atRiskCount} ${TERMS.actionList.vi.toLowerCase()}`)
            : true),
        () => `${mail.subject} | ${mail.text.split('\n').slice(0, 6).join(' | ')}`,
      );
    }
  }
  check(
    'sector list',
    DIRECTORY.every(
      (x) =>
        !sheetRows.some(
          (r) =>
            leaves.has(r.code) &&
            r.status !== '' &&
            (tokens(r.sector).includes(x.name) || tokens(r.sector).includes('Tất cả các ngành')),
        ) || sectorNames.has(x.name),
    ),
    () =>
      `${[...sectorNames].join(', ')} | ${JSON.stringify(model.sectors.map((s) => [s.name, s.owned]))} | ${JSON.stringify(sheetRows)}`,
  );
  return out;
}

describe('one truth: the sheet, the server, the report, the emails and summary.json agree', () => {
  test(`${RUNS} random tables (seed ${SEED})`, () => {
    fc.assert(
      fc.property(tableArb, (spec) => {
        const diff = disagreements(spec);
        if (diff.length > 0) throw new Error(`${diff.join('\n')}\n${JSON.stringify(buildTable(spec).grid)}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});
