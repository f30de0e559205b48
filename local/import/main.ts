// npm run import -- --input FILE.csv|FILE.xlsx|FILE.docx [--out DIR]
// The officially issued indicator table → DIR/criteria.csv (loads straight into `npm run demo -- --input`)
// and DIR/import.html (each row: prose, proposed rule, confidence, why). The first table that has a points
// column is used. Exit codes: 0 written (rows to review are listed, not an error), 2 the input or an option
// cannot be used (one-line message), 1 anything unexpected.
import { mkdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import {
  criteriaGrid,
  importCounts,
  importTable,
  type ImportResult,
} from '../../src/core/prose/officialTable';
import type { CellValue } from '../../src/core/types';
import { exitWith, unreadable } from '../cli/main';
import { parseOptions } from '../cli/options';
import { InputError } from '../demo/loadSheet';
import { readCsvFile } from '../demo/readCsv';
import { readXlsxFile } from '../demo/readXlsx';
import { readDocxTables } from './readDocx';
import { renderImportPage } from './renderImport';
import { criteriaCsv } from './writeCriteria';

const USAGE = `Cách dùng / usage:
  npm run import -- --input TỆP.csv|TỆP.xlsx|TỆP.docx [--out THƯ_MỤC]

  --input   bảng chỉ số chính thức (CSV UTF-8, XLSX, hoặc phụ lục Word .docx: bảng đầu tiên có cột điểm)
  --out     thư mục kết quả (mặc định: out/): criteria.csv và import.html`;

const IMPORT_OPTIONS = {
  input: { type: 'string', short: 'i' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The grids of a file: one per tab (CSV, XLSX) or per table (DOCX), with a name for messages. */
async function readGrids(path: string): Promise<{ name: string; grid: CellValue[][] }[]> {
  try {
    return await readGridsOf(path);
  } catch (error) {
    throw unreadable(path, error);
  }
}

async function readGridsOf(path: string): Promise<{ name: string; grid: CellValue[][] }[]> {
  if (!existsSync(path) || !statSync(path).isFile()) throw new InputError(`Không tìm thấy tệp ${path}.`);
  const ext = extname(path).toLowerCase();
  if (ext === '.csv')
    return readCsvFile(path, 'CSV').sheets.map((s) => ({ name: `tệp ${path}`, grid: s.cells }));
  if (ext === '.xlsx') {
    return (await readXlsxFile(path)).sheets.map((s) => ({ name: `trang "${s.name}"`, grid: s.cells }));
  }
  if (ext === '.docx') {
    const tables = await readDocxTables(path);
    if (tables.length === 0) throw new InputError(`Tệp Word ${path} không có bảng nào.`);
    return tables.map((grid, i) => ({ name: `bảng ${i + 1} của ${path}`, grid }));
  }
  throw new InputError(`Tệp ${path} phải là .csv, .xlsx hoặc .docx.`);
}

export async function runImport(
  input: string,
  out: string,
): Promise<{ result: ImportResult & { ok: true }; files: string[] }> {
  const grids = await readGrids(input);
  let first: ImportResult | null = null;
  for (const g of grids) {
    const result = importTable(g.grid, g.name);
    if (result.ok) {
      mkdirSync(out, { recursive: true });
      const csv = join(out, 'criteria.csv');
      const html = join(out, 'import.html');
      writeFileSync(csv, criteriaCsv(criteriaGrid(result)));
      writeFileSync(html, renderImportPage(input, result.rows, result.notes));
      return { result, files: [csv, html] };
    }
    // A table that has the headers but cannot be coded (running STT numbers) is the one to report.
    if (!first || /^Dòng|^Cột/.test(result.message)) first = result;
  }
  throw new InputError((first as { message: string }).message);
}

/** `npm run import -- ARGS`: the exit code (failures throw; runCommand turns them into one line). */
export async function importCommand(argv: readonly string[]): Promise<number> {
  const values = parseOptions(argv, IMPORT_OPTIONS);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.input === undefined)
    throw new InputError('Thiếu --input: tệp bảng chỉ số chính thức (.csv, .xlsx hoặc .docx).');
  // npm runs scripts from the package root; paths the user typed are relative to where they typed them.
  const base = process.env.INIT_CWD ?? process.cwd();
  const out = resolve(base, values.out ?? 'out');
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new InputError(`--out "${values.out}" là một tệp, không phải thư mục.`);
  const { result, files } = await runImport(resolve(base, values.input), out);
  const c = importCounts(result.rows);
  console.log(
    `Đã nhập ${c.leaves} tiêu chí (${c.parents} dòng cha): ${c.confident} đọc được cách chấm, ${c.review} cần xem lại.`,
  );
  for (const note of result.notes) console.log(note);
  for (const r of result.rows.filter((x) => x.review !== '')) {
    console.log(`  dòng ${r.sourceRow} (${r.code}): ${r.rule} — ${r.review}`);
  }
  for (const f of files) console.log(`→ ${f}`);
  return 0;
}

if (process.argv[1] && /main\.ts$/.test(process.argv[1]) && process.argv[1].includes('import')) {
  exitWith(() => importCommand(process.argv.slice(2)));
}
