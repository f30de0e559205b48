// The one vocabulary: every status label the sheet can show is coloured by exactly one of our conditional
// formats, the formula writer, the custom functions' parameters and the sidebar's words come from it, and
// no other source file keeps its own copy of a label (a copy is how a renamed label silently stops rows
// being coloured).
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { columnLabel, statusLabel as uiStatusLabel } from '../../src/core/i18n';
import type { ColumnKey, RiskKind, RowStatus } from '../../src/core/types';
import {
  COLUMN_NAMES,
  ERROR_PREFIX,
  NOT_APPLICABLE_TEXT,
  OUTPUT_FUNCTIONS,
  STATUS_LABELS,
  STATUS_LABELS_EN,
  statusLabel,
} from '../../src/core/vocabulary';
import { HIGHLIGHT_STYLES, isOurFormula, statusFormula } from '../../src/sheets/highlight';
import { formulaArgs, outputFormulas } from '../../src/sheets/outputFormulas';
import { unwrapped } from '../../src/sheets/formulaGuard';
import { blockInputs, summaryFormula } from '../../src/sheets/summaryBlock';

const ROOT = join(__dirname, '..', '..');
const STATUSES: RowStatus[] = [
  'secured',
  'atRisk',
  'losing',
  'notApplicable',
  'tracking',
  'error',
  'parent',
  'empty',
];
const RISKS: RiskKind[] = [
  'belowTarget',
  'nearDeadline',
  'overdue',
  'noEvidence',
  'deduction',
  'appraisalGap',
  'noData',
  'error',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

describe('status labels and row colours', () => {
  test('every label a row can show has exactly one colour rule, matching its formula form', () => {
    const shown = new Set<string>();
    for (const status of STATUSES) {
      shown.add(statusLabel(status, []));
      for (const risk of RISKS) shown.add(statusLabel(status, [risk]));
    }
    shown.delete('');
    expect([...shown].sort()).toEqual(Object.values(STATUS_LABELS).sort());
    for (const label of shown) {
      const rules = HIGHLIGHT_STYLES.filter((s) => s.label === label);
      expect(rules).toHaveLength(1);
      expect(isOurFormula(statusFormula(16, 5, label))).toBe(true);
    }
    for (const style of HIGHLIGHT_STYLES) expect(style.label).toBe(STATUS_LABELS[style.key]);
  });

  test('the sidebar shows the same status and column words (Vietnamese) and their English pairs', () => {
    for (const status of ['secured', 'atRisk', 'losing', 'notApplicable', 'error'] as const) {
      expect(uiStatusLabel('vi', status)).toBe(STATUS_LABELS[status]);
      expect(uiStatusLabel('en', status)).toBe(STATUS_LABELS_EN[status]);
    }
    for (const key of Object.keys(COLUMN_NAMES) as ColumnKey[]) {
      expect(columnLabel('vi', key)).toBe(COLUMN_NAMES[key].vi);
      expect(columnLabel('en', key)).toBe(COLUMN_NAMES[key].en);
    }
    expect(NOT_APPLICABLE_TEXT).toBe(STATUS_LABELS.notApplicable);
    expect(ERROR_PREFIX).toBe(`${STATUS_LABELS.error}: `);
  });

  test('no source file outside the vocabulary spells a status label, the N/A text or the error prefix', () => {
    const words = [...Object.values(STATUS_LABELS), ERROR_PREFIX];
    const offenders: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      if (file.endsWith(join('core', 'vocabulary.ts'))) continue;
      // Code only: comments may quote a label to explain it.
      const text = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
        .join('\n');
      for (const w of words) {
        // A string literal of code that is exactly the label ('Mất điểm', `Lỗi: `); double quotes are
        // prose quoting what a user types ("Đạt" as a target) and prettier never writes them as code.
        for (const q of ["'", '`'])
          if (text.includes(`${q}${w}${q}`)) offenders.push(`${relative(ROOT, file)}: ${w}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('one name per thing', () => {
  test('no text the add-in writes uses a retired name', () => {
    // "Điểm tối đa áp dụng" (not "… phát sinh"), "Tiêu chí cần xử lý" for the list ("Nguy cơ" is one status),
    // "Số liệu tháng" (not "ảnh chụp tháng"), "Chưa phân ngành".
    const retired = [
      /tối đa phát sinh/i,
      /điểm phát sinh/i,
      /ảnh chụp/i,
      /tiêu chí (có )?nguy cơ/i,
      /chưa ghi ngành/i,
    ];
    const offenders: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\/\*|\*)/.test(line)) return;
        // The history tab still reads the headers version 1 wrote.
        if (
          file.endsWith(join('sheets', 'history.ts')) &&
          /^\s*'(Điểm phát sinh|Số tiêu chí nguy cơ)',$/.test(line)
        )
          return;
        for (const r of retired)
          if (r.test(line)) offenders.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});

describe('output functions', () => {
  const ranges = {
    codes: '$A$5:$A$9',
    titles: '$B$5:$B$9',
    rules: '$D$5:$D$9',
    max: '$C$5:$C$9',
    actual: '$F$5:$F$9',
    target: '$E$5:$E$9',
    evidence: '$G$5:$G$9',
    deadline: '$I$5:$I$9',
    appraised: '$K$5:$K$9',
    selfScores: '$L$5:$L$9',
    solutions: '$M$5:$M$9',
    solutionDue: '$O$5:$O$9',
  };
  const column: Record<string, string> = {
    code: ranges.codes,
    title: ranges.titles,
    rule: ranges.rules,
    max: ranges.max,
    actual: ranges.actual,
    target: ranges.target,
    evidence: ranges.evidence,
    deadline: ranges.deadline,
    appraised: ranges.appraised,
    selfScore: ranges.selfScores,
    solution: ranges.solutions,
    solutionDue: ranges.solutionDue,
    asOf: '$Q$6',
    nearDays: '$Q$7',
  };

  test('the formula writer passes each function its parameters in the vocabulary order', () => {
    const outputs = OUTPUT_FUNCTIONS.outputs;
    const block = { row: 5, column: 16 };
    const cells = blockInputs(block, 2, 5);
    /** The call's arguments, each reduced to the range or cell it reads ("" for none). */
    const argsOf = (formula: string, name: string) => {
      const call = unwrapped(formula);
      expect(call.startsWith(`=${name}(`)).toBe(true);
      return formulaArgs(call).map((a) => /\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?/.exec(a)?.[0] ?? a);
    };
    const want = (p: string, names: string) =>
      p === 'asOf'
        ? cells.asOf
        : p === 'nearDays'
          ? cells.nearDays
          : p === 'decimals'
            ? cells.decimals
            : p === 'columns'
              ? names
              : column[p];
    const side = outputFormulas(ranges, block, { score: 12, status: 13, reason: 14 }, 2, 5);
    expect(argsOf(side.score, outputs.name)).toEqual(outputs.parameters.map((p) => want(p, '""')));
    // Apart: each run of columns names its columns (the vocabulary's column names).
    const apart = outputFormulas(ranges, block, { score: 12, status: 14, reason: 15 }, 2, 5);
    const names = `"${COLUMN_NAMES.status.vi}; ${COLUMN_NAMES.reason.vi}"`;
    expect(argsOf(apart.status, outputs.name)).toEqual(outputs.parameters.map((p) => want(p, names)));
    const summary = OUTPUT_FUNCTIONS.summary;
    expect(argsOf(summaryFormula(ranges, '$P$20:$Q$24', '$Q$30'), summary.name)).toEqual(
      summary.parameters.map((p) => (p === 'bands' ? '$P$20:$Q$24' : p === 'decimals' ? '$Q$30' : column[p])),
    );
  });

  test('each custom function in src/index.ts declares those parameters in that order', () => {
    const index = readFileSync(join(ROOT, 'src', 'index.ts'), 'utf8');
    const name: Record<string, string> = {
      code: 'codes',
      title: 'titles',
      rule: 'rules',
      asOf: 'as_of',
      nearDays: 'near_days',
      selfScore: 'self_scores',
      solution: 'solutions',
      solutionDue: 'solution_due',
    };
    for (const f of Object.values(OUTPUT_FUNCTIONS)) {
      const m = new RegExp(`export function ${f.name}\\(([^)]*)\\)`).exec(index);
      expect(m).not.toBeNull();
      const declared = m![1]
        .split(',')
        .map((p) => p.trim().split(/[?:]/)[0].trim())
        .filter(Boolean);
      expect(declared).toEqual(f.parameters.map((p) => name[p] ?? p));
    }
  });
});
