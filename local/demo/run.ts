// The demo: loads the BUILT add-in (dist/Code.js) into the Apps Script stand-in and runs what a user runs,
// through the bundle's own top-level entry points: settings, set-up (sample) or attach (a user's file),
// recompute + highlight, report, email preview, monthly send, sidebar load. Then it writes what the user
// would see: the criteria tab, the report tab, the emails, and summary.json.
import { accessSync, constants, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import type vm from 'node:vm';
import { formatDelta, formatNumber, formatPercent, formatPoints, NO_FIGURE } from '../../src/core/format';
import type { Settings } from '../../src/core/settings';
import { TERMS } from '../../src/core/vocabulary';
import type { ActionResult, SidebarData } from '../../src/server/api';
import { findHeader } from '../../src/sheets/headers';
import { isOwnTab } from '../../src/sheets/tabs';
import { createStandIn, type StandIn } from '../gas/index';
import { loadBundle } from '../gas/loadBundle';
import { REPO_ROOT } from '../gas/paths';
import { fromWallClock } from '../gas/time';
import { unreadable } from '../cli/main';
import { parseToday } from '../cli/options';
import { clockAt, installClock, parseIsoDate, type Clock } from './clock';
import { slug } from './html';
import { foldHeader as fold } from '../../src/sheets/headers';
import { InputError, loadWorkbook, type ParsedWorkbook } from './loadSheet';
import { readCsvFile } from './readCsv';
import { readXlsxFile } from './readXlsx';
import { renderEmailPage, type EmailFile } from './renderEmail';
import { readCharts, renderReportPage } from './renderReport';
import { renderSheetPage, snapshotSheet } from './renderSheet';
import { SAMPLE_AS_OF, SAMPLE_RESULTS, type SampleResult } from './sampleResults';
import { NO_SOLUTION_REASON, SOLUTION_OVERDUE_REASON } from '../../src/core/risk';
import { workbookXlsx } from './writeXlsx';
import { screenshotSidebar, writeOfflineSidebar } from './offlineSidebar';
import { mailFiles } from './sentMail';
import { cleanPreviousRun, writeManifest } from './outDir';
import { buildSummary, readBlock, type Summary, type SummaryError } from './summary';

export { InputError };

export interface DemoOptions {
  /** A CSV or XLSX file exported from Google Sheets; default: the embedded sample with sample results. */
  input?: string;
  /** Output folder (created when missing). */
  out: string;
  /** yyyy-mm-dd: the as-of date; default: 20/06 of the sample year for the sample, today for a file. */
  today?: string;
  /** Where terminal lines go (default: console.log). */
  print?: (line: string) => void;
  /** dist/Code.js path (tests may point at another build). */
  codePath?: string;
  /** The commune's name for a file (the province run names each commune after its file). */
  communeName?: string;
  /** Settings from `--settings FILE.json` (already checked by readSettingsFile): they win over the demo's. */
  settings?: Partial<Settings>;
  /** That settings file: never removed when it sits in the output folder. */
  settingsPath?: string;
  /** Other files the run reads (a province's commune files): never removed either. */
  keep?: readonly string[];
  /** out/sidebar.png through headless Chromium (default true; a province's communes skip it). */
  screenshot?: boolean;
  /**
   * The stand-in spreadsheet's locale (default en_GB; the README guide's screenshots use vi_VN, the locale of
   * a Vietnamese commune's sheet, so sheet.html shows 71,11 as that sheet does).
   */
  locale?: string;
}

export interface DemoResult {
  summary: Summary;
  files: string[];
  standIn: StandIn;
}

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const SAMPLE_YEAR = 2024;
const SAMPLE_COMMUNE = 'Xã Tiên Phong (dữ liệu mẫu)';
const DEMO_FROM = 'CCHC Scorecard <user@example.com>';

type Entry = (...args: unknown[]) => unknown;

/** The bundle's top-level functions, called as Apps Script would call them. */
function entry<T>(context: vm.Context, name: string, ...args: unknown[]): T {
  const fn = (context as Record<string, unknown>)[name];
  if (typeof fn !== 'function')
    throw new Error(`dist/Code.js has no top-level function ${name}: run "node build.mjs".`);
  return (fn as Entry)(...args) as T;
}

/** Reads FILE by extension; every failure is an InputError with a message for the user. */
export async function readInput(path: string): Promise<ParsedWorkbook> {
  const file = resolve(path);
  if (!existsSync(file)) throw new InputError(`Không tìm thấy tệp "${path}".`);
  if (statSync(file).isDirectory()) throw new InputError(`"${path}" là thư mục, không phải tệp CSV/XLSX.`);
  const ext = extname(file).toLowerCase();
  try {
    if (ext === '.csv' || ext === '.tsv') return readCsvFile(file, 'Tiêu chí');
    if (ext === '.xlsx') return await readXlsxFile(file);
  } catch (error) {
    throw unreadable(path, error);
  }
  if (ext === '.xls' || ext === '.ods') {
    throw new InputError(
      `Tệp "${path}" là định dạng ${ext.slice(1).toUpperCase()}; hãy lưu/tải về dạng XLSX hoặc CSV (UTF-8).`,
    );
  }
  throw new InputError(
    `Tệp "${path}" không phải CSV hay XLSX. Trong Google Sheets: Tệp → Tải xuống → CSV hoặc Microsoft Excel (.xlsx).`,
  );
}

function defaultToday(input: string | undefined): string {
  if (!input)
    return `${SAMPLE_YEAR}-${String(SAMPLE_AS_OF[1]).padStart(2, '0')}-${String(SAMPLE_AS_OF[0]).padStart(2, '0')}`;
  const now = new Date();
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return parts;
}

/** Fills the sample tab's input cells with SAMPLE_RESULTS (one setValues per column). */
function fillSampleResults(sheet: GoogleAppsScript.Spreadsheet.Sheet, year: number): void {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const values = sheet.getRange(1, 1, lastRow, lastColumn).getValues();
  const found = findHeader(values as never, sheet.getName());
  if (!found.ok) throw new Error(`Bảng mẫu không có hàng tiêu đề: ${found.message}`);
  const { headerRow, columns } = found.match;
  const first = headerRow + 1;
  const count = lastRow - headerRow;
  const codes = values.slice(headerRow).map((r) => String(r[columns.code! - 1] ?? '').trim());
  const results = codes.map((code) => SAMPLE_RESULTS[code] as SampleResult | undefined);
  const text = (s: string) => s.replace(/\{Y\}/g, String(year));
  const date = (d: [number, number]) => fromWallClock(TIME_ZONE, year, d[1], d[0]);

  const write = (
    key:
      | 'actual'
      | 'evidence'
      | 'notes'
      | 'appraised'
      | 'deadline'
      | 'solution'
      | 'solutionOwner'
      | 'solutionDue',
    cell: (r: SampleResult, current: unknown) => unknown,
    format?: (r: SampleResult, current: string) => string,
  ) => {
    const c = columns[key];
    if (c === undefined) return;
    const range = sheet.getRange(first, c, count, 1);
    const current = range.getValues();
    if (format) {
      const formats = range.getNumberFormats();
      range.setNumberFormats(results.map((r, i) => [r ? format(r, formats[i][0]) : formats[i][0]]));
    }
    range.setValues(results.map((r, i) => [r ? cell(r, current[i][0]) : current[i][0]]));
  };
  write(
    'actual',
    (r) => {
      const a = r.actual;
      if (a === undefined || a === '') return '';
      if (typeof a === 'object') return date(a.date);
      // Typed text is kept exactly as typed (a leading apostrophe, as Sheets does for a text cell).
      return typeof a === 'string' ? `'${text(a)}` : a;
    },
    (r, current) => (r.percent ? '0%' : typeof r.actual === 'object' ? 'dd/mm/yyyy' : current),
  );
  write('evidence', (r, cur) => (r.evidence ? `'${text(r.evidence)}` : cur));
  write('notes', (r, cur) => (r.notes ? `'${text(r.notes)}` : cur));
  write('appraised', (r, cur) => (r.appraised !== undefined ? r.appraised : cur));
  write('deadline', (r, cur) => (r.deadline ? date(r.deadline) : cur));
  write('solution', (r, cur) => (r.solution ? `'${text(r.solution)}` : cur));
  write('solutionOwner', (r, cur) => (r.solutionOwner ? `'${text(r.solutionOwner)}` : cur));
  // A due date typed as a date, or as text (dd/mm/yyyy) as people do in a cell formatted as text.
  write('solutionDue', (r, cur) =>
    r.solutionDue === undefined
      ? cur
      : typeof r.solutionDue === 'string'
        ? `'${text(r.solutionDue)}`
        : date(r.solutionDue),
  );
}

/** The output folder's missing levels (outermost first) and the nearest folder that exists. */
function outDirPlan(dir: string): { missing: string[]; existing: string } {
  const missing: string[] = [];
  let at = resolve(dir);
  while (!existsSync(at) && dirname(at) !== at) {
    missing.unshift(at);
    at = dirname(at);
  }
  return { missing, existing: at };
}

/** Checks, without creating anything, that the output folder can be made and written; else one line why. */
export function checkOutDir(dir: string): void {
  const { existing } = outDirPlan(dir);
  if (!statSync(existing).isDirectory())
    throw new InputError(
      `Không ghi được kết quả vào "${dir}": "${existing}" là một tệp, không phải thư mục.`,
    );
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new InputError(`Không ghi được kết quả vào "${dir}": không có quyền ghi vào "${existing}".`);
  }
}

/** Creates the output folder level by level (mkdirSync's recursive mode spins forever under /proc). */
export function ensureDir(dir: string): void {
  try {
    for (const d of outDirPlan(dir).missing) mkdirSync(d);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError(`Không tạo được thư mục kết quả "${dir}" (${code}).`);
  }
}

function fmtNum(n: number | null | undefined): string {
  return n === null || n === undefined ? NO_FIGURE : formatPoints('vi', n);
}

/** "Dòng 35, cột Kết quả (F35)" or "Toàn bảng". */
function where(e: SummaryError): string {
  return `${e.row === null ? 'Toàn bảng' : `Dòng ${e.row}`}${e.column ? `, cột ${e.column}` : ''}${e.a1 ? ` (${e.a1})` : ''}`;
}

function pad(text: string, n: number): string {
  const s = text.replace(/\s+/g, ' ');
  const chars = [...s];
  return chars.length >= n ? chars.slice(0, n - 1).join('') + '…' : s + ' '.repeat(n - chars.length);
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  // Apps Script runs the script in its own time zone: local dates there are Vietnamese calendar dates.
  if (process.env.TZ !== TIME_ZONE) process.env.TZ = TIME_ZONE;
  const print = options.print ?? ((line: string) => console.log(line));
  const today = options.today === undefined ? defaultToday(options.input) : parseToday(options.today);
  const parsedToday = parseIsoDate(today)!;
  // Read the file before anything else: an unreadable file must fail fast with its own message.
  const workbook = options.input ? await readInput(options.input) : null;
  if (workbook && workbook.sheets.every((s) => s.cells.length === 0))
    throw new InputError(`Tệp "${options.input}" không có dữ liệu.`);
  // The output folder too, before the work: a bad --out is said in one line, not after a full run.
  checkOutDir(options.out);
  const codePath = options.codePath ?? 'dist/Code.js';
  if (!existsSync(resolve(REPO_ROOT, codePath)))
    throw new InputError(
      `Chưa có bản dựng ${codePath}: chạy "node build.mjs" (npm run demo tự làm việc này).`,
      1,
    );

  const clock: Clock = clockAt(today, TIME_ZONE);
  const standIn = createStandIn({
    now: clock.now,
    timeZone: TIME_ZONE,
    spreadsheetName: workbook ? `Chạy thử: ${options.input}` : 'Chỉ số CCHC (mẫu)',
    mailQuota: 100,
    locale: options.locale,
  });
  const context = loadBundle(standIn, codePath);
  installClock(context, clock);
  const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
  const actions: Summary['actions'] = [];
  const notes: string[] = [];
  const act = <T extends { ok: boolean; message: string }>(action: string, result: T): T => {
    actions.push({ action, ok: result.ok, message: result.message });
    return result;
  };

  // Settings as a user would save them in the sidebar (year of the sample, a commune name, a leader).
  const initial = entry<SidebarData>(context, 'sidebarLoad').settings;
  const year = workbook ? parsedToday.year : options.today ? parsedToday.year : SAMPLE_YEAR;
  const baseSettings: Settings = {
    ...initial,
    communeName: workbook ? options.communeName || initial.communeName || 'Xã (chạy thử)' : SAMPLE_COMMUNE,
    year,
    leadership: ['chu.tich@example.com', 'pho.chu.tich@example.com'],
    ...options.settings,
  };
  const saved = entry<ActionResult>(context, 'sidebarSaveSettings', baseSettings);
  if (!saved.ok)
    throw new Error(
      `Lưu cài đặt thất bại: ${(saved.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );

  let source: string;
  if (!workbook) {
    source = `Bộ chỉ số MẪU năm ${year} kèm kết quả giữa năm mẫu (local/demo/sampleResults.ts)`;
    const setup = act('sidebarSetupSample', entry<ActionResult>(context, 'sidebarSetupSample'));
    if (!setup.ok) throw new Error(`Thiết lập bảng tiêu chí mẫu thất bại: ${setup.message}`);
    const sheetName = setup.data?.sheetName ?? baseSettings.criteriaSheetName;
    fillSampleResults(ss.getSheetByName(sheetName)!, year);
  } else {
    source = `Tệp ${options.input}`;
    // The stand-in starts with one empty tab; the file's tabs come after it, then it is removed.
    const blank = ss.getSheets();
    const prepared = loadWorkbook(ss, workbook, TIME_ZONE);
    for (const s of blank)
      if (!prepared.some((p) => p.name === s.getName()) && ss.getSheets().length > 1) ss.deleteSheet(s);
    notes.push(...prepared.flatMap((p) => p.notes));
    // Attach to the tab the add-in accepts: one named like the settings' tab first, then the others.
    const wanted = fold(baseSettings.criteriaSheetName);
    const order = [...prepared].sort(
      (a, b) => Number(fold(b.name) === wanted) - Number(fold(a.name) === wanted),
    );
    const refusals: string[] = [];
    let attached = false;
    for (const p of order) {
      const result = entry<ActionResult>(context, 'sidebarAttachSheet', p.name);
      if (result.ok) {
        act('sidebarAttachSheet', result);
        attached = true;
        break;
      }
      refusals.push(result.message);
    }
    if (!attached) {
      throw new InputError(
        `Không tìm thấy bảng tiêu chí trong tệp "${options.input}". ${[...new Set(refusals)].join(' ')}`,
      );
    }
  }

  const recompute = act('sidebarRecompute', entry<ActionResult>(context, 'sidebarRecompute'));
  const afterRecompute = recompute.data ?? entry<SidebarData>(context, 'sidebarLoad');
  // A directory of sector heads, as the commune would fill it in settings (example.com addresses).
  const sectors = afterRecompute.sectorsInSheet.map((name) => ({
    name,
    head: '',
    email: `${slug(name)}@example.com`,
  }));
  const withSectors = entry<ActionResult>(context, 'sidebarSaveSettings', {
    ...afterRecompute.settings,
    sectors,
  });
  if (!withSectors.ok)
    notes.push(
      `Không lưu được danh bạ ngành: ${(withSectors.errors ?? []).map((e) => e.message).join('; ')}`,
    );

  act('sidebarGenerateReport', entry<ActionResult>(context, 'sidebarGenerateReport'));
  const previewResult = entry<ActionResult>(context, 'sidebarPreviewEmail');
  if (!previewResult.ok || !previewResult.preview) throw new Error(previewResult.message);
  const preview = previewResult.preview;
  const sentBefore = standIn.mail.sent.length;
  act('sidebarSendNow', entry<ActionResult>(context, 'sidebarSendNow', false));
  const data = entry<SidebarData>(context, 'sidebarLoad');
  if (!data.sheetFound || !data.dashboard)
    throw new Error(data.sheetMessage ?? 'Không đọc được bảng tiêu chí sau khi tính.');

  // ── Outputs ──
  const out = resolve(options.out);
  ensureDir(out);
  // One run per folder: what the previous run wrote goes, the user's own files and this run's inputs stay.
  const inputs = [options.input, options.settingsPath, ...(options.keep ?? [])];
  cleanPreviousRun(
    out,
    inputs.filter((p): p is string => !!p),
  );
  const files: string[] = [];
  const put = (name: string, content: string) => {
    writeFileSync(join(out, name), content);
    files.push(name);
  };
  const tabs = ss.getSheets().map((s) => s.getName());
  const criteria = ss.getSheetByName(data.sheetName)!;
  const snap = snapshotSheet(criteria);
  const asOfVi = data.dashboard.asOf.split('-').reverse().join('/');
  put(
    'sheet.html',
    renderSheetPage(snap, {
      title: `Trang "${data.sheetName}" sau khi chạy CCHC Scorecard`,
      subtitle: `${source} · tính đến ${asOfVi} · màu dòng do quy tắc định dạng có điều kiện của tiện ích`,
      tabs,
    }),
  );
  // The add-in's own report tab (marked by it; a commune's own `Báo cáo` tab is never it).
  const reportSheet = ss.getSheets().find((s) => isOwnTab(s, 'report')) ?? null;
  const reportName = reportSheet ? reportSheet.getName() : 'Báo cáo';
  if (reportSheet) {
    put(
      'report.html',
      renderReportPage(snapshotSheet(reportSheet), readCharts(reportSheet), {
        title: `Trang "${reportName}" do tiện ích lập`,
        subtitle: `${source} · tính đến ${asOfVi}`,
      }),
    );
  } else notes.push(`Không thấy trang "${reportName}": tiện ích chưa lập báo cáo.`);

  const used = new Set<string>(['email.html']);
  const fileFor = (sector: string) => {
    let name = `email-${slug(sector)}.html`;
    for (let i = 2; used.has(name); i++) name = `email-${slug(sector)}-${i}.html`;
    used.add(name);
    return name;
  };
  const emailFiles: EmailFile[] = [
    { file: 'email.html', label: 'Lãnh đạo', message: preview.leadership },
    ...preview.sectors.map((m) => ({
      file: fileFor(m.sector ?? 'nganh'),
      label: m.sector ?? '—',
      message: m,
    })),
  ];
  const mailNote =
    'Xem trước đúng nội dung tiện ích sẽ gửi (sidebarPreviewEmail). Địa chỉ @example.com là danh bạ giả của bản chạy thử.';
  for (const e of emailFiles)
    put(e.file, renderEmailPage(e, emailFiles, { from: DEMO_FROM, note: mailNote }));
  // Each message exactly as the add-in handed it to MailApp (one file per message).
  const sent = mailFiles(standIn.mail.sent.slice(sentBefore), preview);
  if (sent.length > 0) ensureDir(join(out, 'mail'));
  for (const m of sent) put(m.file, m.message.htmlBody ?? m.message.body);
  // The whole workbook after the run (every tab, the commune's own included), for a commune without Google.
  writeFileSync(join(out, 'workbook.xlsx'), await workbookXlsx(ss));
  files.push('workbook.xlsx');

  // The dashboard of this run: the real sidebar page answering from the run's own sidebarLoad, and its picture.
  const builtSidebar = join(dirname(resolve(REPO_ROOT, codePath)), 'sidebar.html');
  writeOfflineSidebar(builtSidebar, join(out, 'sidebar.html'), {
    sidebarLoad: data,
    sidebarPreviewEmail: previewResult,
  });
  files.push('sidebar.html');
  if (options.screenshot !== false) {
    const shot = await screenshotSidebar(join(out, 'sidebar.html'), join(out, 'sidebar.png'));
    if (shot.ok) files.push('sidebar.png');
    else
      notes.push(
        `Không có ảnh sidebar.png: ${shot.message} Trang sidebar.html vẫn mở được trong trình duyệt.`,
      );
  }

  const block = readBlock(snap.values, snap.display);
  const summary = buildSummary(data, block, {
    source,
    actions,
    mail: {
      sent: sent.map((m) => ({ to: toList(m.message), subject: subjectOf(m.message), file: m.file })),
      preview: emailFiles.map((e) => ({
        to: e.message.to,
        subject: e.message.subject,
        sector: e.message.sector,
      })),
    },
    files: [...files, 'summary.json'],
    notes,
  });
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  files.push('summary.json');
  writeManifest(out, files);

  printSummary(summary, out, print);
  return { summary, files, standIn };
}

function toList(m: unknown): string[] {
  const to = (m as { to?: unknown; recipient?: unknown }).to ?? (m as { recipient?: unknown }).recipient;
  if (Array.isArray(to)) return to.map(String);
  return String(to ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function subjectOf(m: unknown): string {
  return String((m as { subject?: unknown }).subject ?? '');
}

function printSummary(s: Summary, out: string, print: (line: string) => void): void {
  const rel = relative(process.env.INIT_CWD ?? process.cwd(), out) || '.';
  print('');
  print(`CCHC Scorecard – chạy thử không cần Google (local demo)`);
  print(`Nguồn: ${s.source}`);
  print(`Trang: "${s.sheetName}" · tính đến ${s.asOf.split('-').reverse().join('/')}`);
  print('');
  print(
    `${TERMS.total.vi}: ${fmtNum(s.total)} / ${fmtNum(s.applicableMax)} · Chỉ số: ${formatPercent('vi', s.indexPercent)} · ${TERMS.classification.vi}: ${s.classification || NO_FIGURE}`,
  );
  if (s.nextClass)
    print(
      `  Cần thêm ${fmtNum(s.nextClass.gapPoints)} điểm để đạt "${s.nextClass.label}" (≥ ${formatNumber('vi', s.nextClass.minPercent)}%).`,
    );
  print('');
  const top = s.atRisk.slice(0, 5);
  print(
    `${TERMS.actionList.vi}: ${s.atRisk.length}${s.atRisk.length > top.length ? ` (${top.length} đầu danh sách)` : ''}`,
  );
  for (const r of top) {
    print(
      `  ${pad(r.code, 7)}${pad(r.title, 44)} ${pad(r.sector || '—', 16)} ${formatDelta('vi', -r.pointsAtStake)} đ  ${r.reasons[0] ?? ''}`,
    );
  }
  // Issue 14: the rows the sectors still owe a solution for (only when the sheet has a Giải pháp column).
  const noSolution = s.atRisk.filter((r) => r.reasons.includes(NO_SOLUTION_REASON));
  const overdue = s.atRisk.filter((r) => r.reasons.includes(SOLUTION_OVERDUE_REASON));
  if (noSolution.length || overdue.length) {
    print('');
    print(`Chưa có giải pháp: ${noSolution.length} tiêu chí cần xử lý`);
    print(`  ${noSolution.map((r) => r.code).join(', ')}`);
    for (const r of overdue)
      print(
        `  Giải pháp quá hạn: ${r.code} (hạn khắc phục ${(r.solutionDue ?? '').split('-').reverse().join('/')})`,
      );
  }
  print('');
  if (s.errors.length) {
    print(`Lỗi dữ liệu (${s.errors.length}) – vẫn tính các dòng khác:`);
    for (const e of s.errors) print(`  ${where(e)}: ${e.message}`);
  } else print('Không có lỗi dữ liệu.');
  // Every warning, as the sidebar's Dữ liệu tab and the Lý do column show them (not only a count).
  if (s.warnings.length) {
    print(`Cảnh báo (${s.warnings.length}):`);
    for (const w of s.warnings) print(`  ${where(w)}: ${w.message}`);
  }
  for (const n of s.notes) print(`Ghi chú: ${n}`);
  for (const a of s.actions.filter((x) => !x.ok))
    print(`Thao tác ${a.action} không thành công: ${a.message}`);
  for (const c of s.crossCheck) print(`KIỂM TRA CHÉO LỆCH: ${c}`);
  print('');
  const sent = s.mail.sent.length;
  print(`Thư tháng: ${s.mail.preview.length} thư xem trước, ${sent} thư đã "gửi" qua MailApp giả lập.`);
  print(`Đã ghi vào ${rel}/: ${s.files.filter((f) => !f.startsWith('mail')).join(', ')}`);
  print(
    `Mở ${join(rel, 'sheet.html')}, ${join(rel, 'sidebar.html')} (bảng điều khiển) và ${join(rel, 'email.html')} trong trình duyệt; thư gửi đi: ${join(rel, 'mail')}/.`,
  );
}
