// Use cases of the criteria sheet, called by the menu, the sidebar and the simple triggers: set up the sample,
// attach to a tab, recompute + highlight, check data, select a cell, and the cheap on-edit / on-open paths.
// Every write runs under the document lock; nothing here writes an input cell.
import { evaluate } from '../core/evaluate';
import type { Settings } from '../core/settings';
import type { CellValue, ColumnKey, Evaluation, Problem } from '../core/types';
import { a1, HEADER_TEXT, INPUT_COLUMNS, OUTPUT_COLUMNS } from '../sheets/headers';
import type { HighlightMark } from '../sheets/highlight';
import { findOutputConflicts, liveUpdate, setupSheet, writeSample } from '../sheets/setup';
import { isDateValue, readTable, type Grid, type TableLayout, type TableRead } from '../sheets/table';
import type { ProblemItem } from './api';
import { withDocumentLock } from './locks';
import {
  loadSettings,
  settingsFromJson,
  SETTINGS_KEY,
  updateSettings,
  type StoredSettings,
} from './settingsStore';

/** Result of a use case: ok or not, and a Vietnamese message for the user. */
export interface UseCaseResult {
  ok: boolean;
  message: string;
}

/** What recompute (and set-up) found and computed, for the sidebar and the menu. */
export interface SheetState extends UseCaseResult {
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  /** The spreadsheet the action used (the sidebar payload reuses it). */
  spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Every tab with its name, when the action listed them (the sidebar payload reuses the list). */
  tabs?: Tab[];
  layout: TableLayout | null;
  evaluation: Evaluation | null;
  /** Problems of the table, with A1 and header text. */
  problems: ProblemItem[];
  /** Spreadsheet write calls made by the live write (0 when everything was current). */
  writes?: number;
  /** The tab as read (check data only), e.g. for the as-of date cell. */
  grid?: Grid;
}

// ── Dates ──

/** Today's calendar date (yyyy-MM-dd) in the script's time zone. */
export function todayIso(now: Date = new Date()): string {
  let tz = 'Asia/Ho_Chi_Minh';
  try {
    tz = Session.getScriptTimeZone() || tz;
  } catch {
    // Limited auth: keep the manifest's zone.
  }
  return Utilities.formatDate(now, tz, 'yyyy-MM-dd');
}

/** Offset of a time zone from UTC at an instant, in minutes ("+0700" → 420). */
function offsetMinutes(at: Date, tz: string): number {
  const z = Utilities.formatDate(at, tz, 'Z');
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** A calendar date as Sheets stores it: midnight in the spreadsheet's time zone. */
export function sheetDate(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  y: number,
  m: number,
  d: number,
): Date {
  const tz = ss.getSpreadsheetTimeZone();
  const utc = Date.UTC(y, m - 1, d);
  // Two passes settle the offset across a daylight-saving change.
  let t = utc - offsetMinutes(new Date(utc), tz) * 60000;
  t = utc - offsetMinutes(new Date(t), tz) * 60000;
  return new Date(t);
}

/** A Date whose local calendar date is `iso` (the core reads only the date part). */
export function calendarDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

const DAY_MS = 86400000;
const HOUR_MS = 3600000;
/** Serial of 1970-01-01 in Sheets (days since 1899-12-30). */
const EPOCH_SERIAL = 25569;

/** Sheets' serial number of a calendar date: the same date whatever the spreadsheet's time zone. */
export function dateSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS + EPOCH_SERIAL;
}

/**
 * Whether a value read from the as-of cell shows calendar date `iso`, mostly without asking the
 * spreadsheet's zone: a date cell reads back as its local midnight, and with zone offsets between UTC−12
 * and UTC+14 (whole quarter hours) that instant is midnight of one calendar date only, except for zones at
 * the edges (UTC−12…−10, UTC+12…+14), where two dates fit: only then is the zone asked (one call).
 */
export function showsDate(value: CellValue, iso: string, zone: () => string): boolean {
  const serial = dateSerial(iso);
  if (typeof value === 'number') return value === serial;
  if (!isDateValue(value) || isNaN(value.getTime())) return false;
  const t = value.getTime();
  const fits: number[] = [];
  for (let k = Math.ceil((t - 12 * HOUR_MS) / DAY_MS); k * DAY_MS <= t + 14 * HOUR_MS; k++) {
    if ((k * DAY_MS - t) % (15 * 60000) === 0) fits.push(k + EPOCH_SERIAL);
  }
  if (!fits.includes(serial)) return false;
  return fits.length === 1 || Utilities.formatDate(value, zone(), 'yyyy-MM-dd') === iso;
}

/** Recompute's options: the as-of date as a serial (writing it needs no time zone). */
function recomputeOptions(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings, now: Date) {
  const iso = todayIso(now);
  let zone: string | null = null;
  const spreadsheetZone = () => (zone ??= ss.getSpreadsheetTimeZone());
  return {
    iso,
    asOf: dateSerial(iso),
    asOfShown: (value: CellValue) => showsDate(value, iso, spreadsheetZone),
    nearDeadlineDays: settings.nearDeadlineDays,
    bands: settings.bands,
  };
}

function liveOptions(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, settings: Settings, now: Date) {
  const iso = todayIso(now);
  const [y, m, d] = iso.split('-').map(Number);
  return {
    iso,
    asOf: sheetDate(ss, y, m, d),
    nearDeadlineDays: settings.nearDeadlineDays,
    bands: settings.bands,
  };
}

function evaluateRead(read: Extract<TableRead, { ok: true }>, settings: Settings, iso: string): Evaluation {
  return evaluate(read.rows, {
    today: calendarDate(iso),
    nearDeadlineDays: settings.nearDeadlineDays,
    bands: settings.bands,
  });
}

// ── Finding the criteria tab ──

export type Located =
  | {
      ok: true;
      sheet: GoogleAppsScript.Spreadsheet.Sheet;
      /** The tab's name as Sheets spells it. */
      name: string;
      /** False when the tab named in settings is gone (the table was found on another tab). */
      configuredExists: boolean;
      read: Extract<TableRead, { ok: true }>;
    }
  | { ok: false; message: string; sheet: GoogleAppsScript.Spreadsheet.Sheet | null };

/** A tab and its name. */
export interface Tab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  name: string;
}

/** Every tab with its name: 1 + one call per tab. */
export function listTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Tab[] {
  return ss.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
}

/** Tab names are unique regardless of case. */
function sameTabName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** What the caller already knows, to save calls. */
export interface LocateHints {
  /** The cached spelling of the configured tab's name (saves asking the tab). */
  knownName?: string | null;
  /** Every tab with its name (the sidebar needs them anyway): no lookup by name. */
  tabs?: Tab[];
}

/**
 * The criteria tab: the one named in settings when it holds a table, else the first tab that does. When
 * none does, the message says precisely what is missing on the configured tab.
 */
export function locateCriteria(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  withFormulas: boolean,
  hints: LocateHints = {},
): Located {
  const wanted = settings.criteriaSheetName;
  let named: Tab | null = null;
  if (hints.tabs) named = hints.tabs.find((t) => sameTabName(t.name, wanted)) ?? null;
  else {
    const sheet = ss.getSheetByName(wanted);
    if (sheet)
      named = {
        sheet,
        name: hints.knownName && sameTabName(hints.knownName, wanted) ? hints.knownName : sheet.getName(),
      };
  }
  let namedMessage: string | null = null;
  if (named) {
    const read = readTable(named.sheet, withFormulas, named.name);
    if (read.ok) return { ok: true, sheet: named.sheet, name: named.name, configuredExists: true, read };
    namedMessage = read.message;
  }
  for (const tab of hints.tabs ?? listTabs(ss)) {
    if (named && tab.name === named.name) continue;
    const read = readTable(tab.sheet, withFormulas, tab.name);
    if (read.ok)
      return { ok: true, sheet: tab.sheet, name: tab.name, configuredExists: named !== null, read };
  }
  const hint =
    'Chọn "Thiết lập bảng tiêu chí mẫu" để tạo trang tiêu chí mẫu, hoặc "Gắn vào trang có sẵn" để dùng trang của bạn.';
  if (namedMessage)
    return { ok: false, sheet: named ? named.sheet : null, message: `${namedMessage} ${hint}` };
  return {
    ok: false,
    sheet: null,
    message: `Không có trang "${settings.criteriaSheetName}" và không trang nào có bảng tiêu chí. ${hint}`,
  };
}

// ── Problems ──

/** Turns core problems and adapter problems into the sidebar's items (A1 + header text), sorted by row. */
export function problemItems(problems: Problem[], layout: TableLayout): ProblemItem[] {
  const items = problems.map((p): ProblemItem => {
    const column = p.column;
    const c = column ? layout.columns[column] : undefined;
    return {
      row: p.row,
      column,
      columnHeader: column ? (layout.headers[column] ?? HEADER_TEXT[column].vi) : null,
      a1: p.row !== null && c !== undefined ? a1(p.row, c) : null,
      severity: p.severity,
      message: p.message,
      fix: p.fix,
    };
  });
  return items.sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/** Problems the adapter sees and the core cannot: repeated headers, user content in output columns, no data. */
function sheetProblems(read: Extract<TableRead, { ok: true }>): Problem[] {
  const { layout, grid } = read;
  const out: Problem[] = [];
  for (const d of layout.duplicates) {
    const first = layout.columns[d.key]!;
    out.push({
      row: layout.headerRow,
      column: null,
      severity: 'warning',
      message: `Tiêu đề "${HEADER_TEXT[d.key].vi}" xuất hiện hai lần (ô ${a1(layout.headerRow, first)} và ${a1(layout.headerRow, d.column)}); chỉ cột ${a1(layout.headerRow, first).replace(/\d+$/, '')} được dùng.`,
      fix: 'Đổi tên hoặc xóa cột trùng.',
    });
  }
  if (layout.lastDataRow === layout.headerRow) {
    out.push({
      row: null,
      column: null,
      severity: 'warning',
      message: `Bảng tiêu chí trên trang "${layout.sheetName}" chưa có dòng nào dưới hàng tiêu đề (hàng ${layout.headerRow}).`,
      fix: 'Dán bộ chỉ số được ban hành vào dưới hàng tiêu đề.',
    });
  }
  if (grid.formulas) {
    const cols: Partial<Record<(typeof OUTPUT_COLUMNS)[number], number>> = {};
    for (const k of OUTPUT_COLUMNS) if (layout.columns[k] !== undefined) cols[k] = layout.columns[k];
    for (const c of findOutputConflicts(grid, layout, cols)) {
      out.push({
        row: c.row,
        column: c.key,
        severity: 'error',
        message: `Ô ${a1(c.row, c.column)} thuộc cột "${layout.headers[c.key] ?? HEADER_TEXT[c.key].vi}" do tiện ích tính nhưng đang chứa ${c.kind === 'formula' ? 'công thức' : 'giá trị'} do người dùng nhập; cột này không được cập nhật.`,
        fix: 'Chuyển nội dung sang cột khác (ví dụ Giải trình), xóa ô, rồi chạy "Tính lại".',
      });
    }
    const missing = OUTPUT_COLUMNS.filter((k) => layout.columns[k] === undefined);
    if (missing.length) {
      out.push({
        row: layout.headerRow,
        column: null,
        severity: 'warning',
        message: `Chưa có cột ${missing.map((k) => `"${HEADER_TEXT[k].vi}"`).join(', ')}: điểm và trạng thái chưa được tính trên trang.`,
        fix: 'Chạy "Thiết lập" (hoặc "Tính lại") để thêm các cột kết quả.',
      });
    }
  }
  return out;
}

// ── Geometry cache (cheap on-edit path) and our rules' mark (cheap highlight check) ──

const LAYOUT_KEY = 'cchc.layout';

interface CachedLayout {
  sheetName: string;
  sheetId: number;
  headerRow: number;
  inputColumns: number[];
  /** The Điểm formula's cell: its ranges tell how far the formulas reach (rows deleted shrink them). */
  anchorRow: number;
  anchorColumn: number;
  /** Our conditional-format rules after the last write or check on this tab (see applyHighlight). */
  rules?: HighlightMark | null;
}

/** Settings and the cache, read from document properties in one call. */
interface DocumentState extends StoredSettings {
  cache: CachedLayout | null;
  /** The stored cache as read, to write only when it changed. */
  cacheRaw: string | null;
  props: GoogleAppsScript.Properties.Properties | null;
}

function parseCache(raw: string | null | undefined): CachedLayout | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as CachedLayout;
    if (typeof v.sheetName !== 'string' || !Array.isArray(v.inputColumns) || !(v.anchorColumn > 0))
      return null;
    const r = v.rules;
    return { ...v, rules: r && typeof r.key === 'string' && typeof r.count === 'number' ? r : null };
  } catch {
    return null;
  }
}

function readDocumentState(): DocumentState {
  let props: GoogleAppsScript.Properties.Properties | null = null;
  let all: Record<string, string> | null = null;
  try {
    props = PropertiesService.getDocumentProperties();
    all = props.getProperties();
  } catch {
    // Limited auth: settings fall back (with their warning), no cache.
  }
  const stored = all ? settingsFromJson(all[SETTINGS_KEY] ?? null) : loadSettings();
  const cacheRaw = all?.[LAYOUT_KEY] ?? null;
  return { ...stored, cache: parseCache(cacheRaw), cacheRaw, props };
}

function cacheLayout(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  name: string,
  layout: TableLayout,
  rules: HighlightMark | null,
  doc?: DocumentState,
): void {
  try {
    const props = doc?.props ?? PropertiesService.getDocumentProperties();
    const raw = doc ? doc.cacheRaw : props.getProperty(LAYOUT_KEY);
    const previous = doc ? doc.cache : parseCache(raw);
    const value: CachedLayout = {
      sheetName: name,
      // A tab keeps its id: asked only when the cache is for another (or a renamed) tab.
      sheetId: previous && previous.sheetName === name ? previous.sheetId : sheet.getSheetId(),
      headerRow: layout.headerRow,
      anchorRow: layout.firstDataRow,
      anchorColumn: layout.columns.score ?? 0,
      inputColumns: INPUT_COLUMNS.map((k) => layout.columns[k]).filter((c): c is number => c !== undefined),
      rules,
    };
    const json = JSON.stringify(value);
    if (raw !== json) props.setProperty(LAYOUT_KEY, json);
  } catch {
    // Only an optimisation: without it on-edit recomputes a little more often and rules are fully checked.
  }
}

function cachedLayout(): CachedLayout | null {
  try {
    return parseCache(PropertiesService.getDocumentProperties().getProperty(LAYOUT_KEY));
  } catch {
    return null;
  }
}

// ── Recompute ──

function summaryMessage(e: Evaluation): string {
  const num = (x: number) => String(Math.round(x * 100) / 100).replace('.', ',');
  const index = e.index === null ? '—' : `${num(e.index * 100)}%`;
  const atRisk = e.rows.filter((r) => r.status === 'atRisk' || r.status === 'losing').length;
  const errors = e.problems.filter((p) => p.severity === 'error').length;
  return (
    `Tổng ${num(e.total)}/${num(e.applicableMax)} điểm, chỉ số ${index}` +
    (e.classification ? `, xếp loại ${e.classification}` : '') +
    `; ${atRisk} tiêu chí mất điểm hoặc có nguy cơ` +
    (errors ? `; ${errors} lỗi dữ liệu (xem "Kiểm tra dữ liệu").` : '.')
  );
}

type FoundTab =
  | { ok: false; failed: SheetState }
  | {
      ok: true;
      ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
      doc: DocumentState;
      settings: Settings;
      tabs: Tab[] | undefined;
      located: Extract<ReturnType<typeof locateCriteria>, { ok: true }>;
    };

/** The document's state and its criteria tab, or the SheetState that says why the tab was not found. */
function findCriteriaTab(withTabs: boolean | undefined): FoundTab {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const doc = readDocumentState();
  const { settings } = doc;
  const tabs = withTabs ? listTabs(ss) : undefined;
  const located = locateCriteria(ss, settings, true, { knownName: doc.cache?.sheetName, tabs });
  if (!located.ok) {
    const failed: SheetState = {
      ok: false,
      message: located.message,
      sheet: located.sheet,
      layout: null,
      evaluation: null,
      problems: [],
      spreadsheet: ss,
      tabs,
    };
    return { ok: false, failed };
  }
  return { ok: true, ss, doc, settings, tabs, located };
}

/**
 * Recompute + highlight without taking the lock (the caller holds it): reads the tab in one batch, refuses
 * when output cells hold user content, (re)writes the output formulas and the summary block in one batch
 * when anything changed, refreshes our conditional formats, and evaluates with the core for the caller.
 * A tab without output columns or block gets the full set-up instead.
 *
 * Spreadsheet calls when the tab is set up: 6 when nothing changed (active spreadsheet, tab, data range,
 * values, formulas, rule list), 8 on a new day (+ range, setValues). Our rules are checked one by one only
 * when the stored mark no longer fits, or with `fullRuleCheck` (the daily trigger and on open do it, so an
 * edit the mark cannot see is repaired within a day).
 */
export function recomputeLocked(now: Date = new Date(), options: RecomputeOptions = {}): SheetState {
  const found = findCriteriaTab(options.listTabs);
  if (!found.ok) return found.failed;
  const { ss, doc, settings, tabs, located } = found;
  const { sheet, name, read } = located;
  // The configured tab is gone and the table was found elsewhere: follow it from now on.
  if (!located.configuredExists) updateSettings({ criteriaSheetName: name });
  const mark = !options.fullRuleCheck && doc.cache && doc.cache.sheetName === name ? doc.cache.rules : null;
  const liveOpts = { ...recomputeOptions(ss, settings, now), rulesMark: mark };
  const live = liveUpdate(sheet, read, liveOpts);
  const done = { ss, tabs, sheet, name, read, settings, iso: liveOpts.iso, doc };
  if (live.kind === 'refused') {
    const evaluation = evaluateRead(read, settings, liveOpts.iso);
    return {
      ok: false,
      message: live.message,
      sheet,
      spreadsheet: ss,
      tabs,
      layout: read.layout,
      evaluation,
      problems: problemItems([...evaluation.problems, ...sheetProblems(read)], read.layout),
    };
  }
  if (live.kind === 'needsSetup') {
    const setup = setupSheet(sheet, liveOpts);
    if (!setup.ok)
      return {
        ok: false,
        message: setup.message,
        sheet,
        layout: read.layout,
        evaluation: null,
        problems: [],
        spreadsheet: ss,
        tabs,
      };
    return finish({
      ...done,
      layout: setup.layout,
      rules: setup.rulesMark,
      prefix: 'Đã thêm các cột kết quả và bảng tổng hợp. ',
    });
  }
  return finish({ ...done, layout: live.layout, rules: live.rulesMark, prefix: '', writes: live.writes });
}

export interface RecomputeOptions {
  /** Inspect every rule whatever the stored mark (background runs: the daily trigger, on open). */
  fullRuleCheck?: boolean;
  /** List the tabs (the sidebar payload needs them; then no lookup by name). */
  listTabs?: boolean;
}

interface Finish {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  tabs?: Tab[];
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  name: string;
  layout: TableLayout;
  read: Extract<TableRead, { ok: true }>;
  settings: Settings;
  iso: string;
  prefix: string;
  rules: HighlightMark | null;
  writes?: number;
  doc?: DocumentState;
}

function finish(f: Finish): SheetState {
  const { sheet, layout, read } = f;
  const evaluation = evaluateRead(read, f.settings, f.iso);
  cacheLayout(sheet, f.name, layout, f.rules, f.doc);
  const problems = problemItems(
    [...evaluation.problems, ...sheetProblems({ ...read, grid: { ...read.grid, formulas: null } })],
    layout,
  );
  return {
    ok: true,
    message: f.prefix + summaryMessage(evaluation),
    sheet,
    spreadsheet: f.ss,
    tabs: f.tabs,
    layout,
    evaluation,
    problems,
    writes: f.writes,
  };
}

/** Recompute + highlight under the document lock (menu, sidebar). */
export function recompute(now: Date = new Date(), options: RecomputeOptions = {}): SheetState {
  return withDocumentLock(() => recomputeLocked(now, options));
}

/** The daily trigger's as-of writer (the caller holds the lock): recompute quietly, every rule checked. */
export function writeAsOf(now: Date): UseCaseResult {
  const result = recomputeLocked(now, { fullRuleCheck: true });
  if (!result.ok) console.log(`Cập nhật ngày tính: ${result.message}`);
  return result;
}

// ── Set-up ──

function uniqueName(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, base: string): string {
  if (!ss.getSheetByName(base)) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!ss.getSheetByName(name)) return name;
  }
}

/**
 * Creates the criteria tab from the embedded sample (or, when the configured tab already holds a table,
 * checks its set-up again, which changes nothing when it is complete). Never writes over a tab with content.
 */
export function setupSample(now: Date = new Date()): SheetState {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const { settings } = loadSettings();
    const options = liveOptions(ss, settings, now);
    let sheet = ss.getSheetByName(settings.criteriaSheetName);
    if (sheet) {
      const read = readTable(sheet);
      if (read.ok)
        return attachLocked(
          ss,
          sheet,
          settings,
          options,
          'Trang tiêu chí đã có; đã kiểm tra lại thiết lập. ',
        );
      if (sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) {
        sheet = ss.insertSheet(uniqueName(ss, `${settings.criteriaSheetName} (mẫu)`));
      }
    } else {
      sheet = ss.insertSheet(settings.criteriaSheetName);
    }
    writeSample(sheet, settings.year, (y, m, d) => sheetDate(ss, y, m, d));
    const result = attachLocked(
      ss,
      sheet,
      settings,
      { ...options, sample: true },
      `Đã tạo trang "${sheet.getName()}" từ bộ chỉ số MẪU năm ${settings.year}: hãy thay bằng bộ chỉ số chính thức do cấp trên ban hành. `,
    );
    sheet.activate();
    return result;
  });
}

function attachLocked(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  settings: Settings,
  options: ReturnType<typeof liveOptions> & { sample?: boolean },
  prefix: string,
): SheetState {
  const setup = setupSheet(sheet, options);
  if (!setup.ok)
    return { ok: false, message: setup.message, sheet, layout: null, evaluation: null, problems: [] };
  const name = setup.layout.sheetName;
  if (settings.criteriaSheetName !== name) updateSettings({ criteriaSheetName: name });
  const read = readTable(sheet, false, name);
  if (!read.ok)
    return { ok: false, message: read.message, sheet, layout: null, evaluation: null, problems: [] };
  return finish({
    ss,
    sheet,
    name,
    layout: setup.layout,
    read,
    settings: { ...settings, criteriaSheetName: name },
    iso: options.iso,
    prefix,
    rules: setup.rulesMark,
  });
}

/** Attaches the add-in to an existing tab the user points at (set-up without the sample). */
export function attachSheet(sheetName: string, now: Date = new Date()): SheetState {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const { settings } = loadSettings();
    const sheet = ss.getSheetByName(String(sheetName ?? ''));
    if (!sheet) {
      return {
        ok: false,
        message: `Không có trang "${sheetName}" trong bảng tính.`,
        sheet: null,
        layout: null,
        evaluation: null,
        problems: [],
      };
    }
    return attachLocked(
      ss,
      sheet,
      settings,
      liveOptions(ss, settings, now),
      `Đã gắn vào trang "${sheet.getName()}". `,
    );
  });
}

// ── Check data (read only) ──

/** Every structural and cell problem of the table, with row, column, A1 and a fix. Reads only. */
export function checkData(now: Date = new Date(), options: { listTabs?: boolean } = {}): SheetState {
  const found = findCriteriaTab(options.listTabs);
  if (!found.ok) return found.failed;
  const { ss, settings, tabs, located } = found;
  const { sheet, name, read } = located;
  const evaluation = evaluateRead(read, settings, todayIso(now));
  const problems = problemItems([...evaluation.problems, ...sheetProblems(read)], read.layout);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const message = problems.length
    ? `Trang "${name}": ${errors} lỗi, ${problems.length - errors} cảnh báo.`
    : `Trang "${name}": không phát hiện vấn đề nào.`;
  return {
    ok: true,
    message,
    sheet,
    spreadsheet: ss,
    tabs,
    layout: read.layout,
    evaluation,
    problems,
    grid: read.grid,
  };
}

/** One line per problem, for a dialog: "Dòng 12, cột Kết quả (F12): … → Cách sửa: …". */
export function problemLine(p: ProblemItem): string {
  const where =
    p.row !== null
      ? `Dòng ${p.row}${p.columnHeader ? `, cột ${p.columnHeader}` : ''}${p.a1 ? ` (${p.a1})` : ''}`
      : 'Toàn bảng';
  return `${p.severity === 'error' ? '✖' : '⚠'} ${where}: ${p.message} → ${p.fix}`;
}

// ── Select a cell ──

/**
 * Selects a cell of the criteria tab (a click on a problem in the sidebar). `column` is a column key
 * ("actual"), a header text ("Kết quả"), a 1-based number, or null for the whole row.
 */
export function selectCell(row: number, column: string | number | null): UseCaseResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { settings } = loadSettings();
  const cachedName = cachedLayout()?.sheetName;
  const sheet =
    ss.getSheetByName(settings.criteriaSheetName) ?? (cachedName ? ss.getSheetByName(cachedName) : null);
  if (!sheet) return { ok: false, message: `Không có trang "${settings.criteriaSheetName}".` };
  const r = Math.floor(Number(row));
  if (!Number.isFinite(r) || r < 1 || r > sheet.getMaxRows())
    return { ok: false, message: `Dòng ${row} không hợp lệ.` };
  let c: number | null = null;
  if (typeof column === 'number') c = Math.floor(column);
  else if (typeof column === 'string' && column !== '') {
    if (/^\d+$/.test(column)) c = Number(column);
    else {
      const read = readTable(sheet);
      if (read.ok) {
        const key = (Object.keys(HEADER_TEXT) as ColumnKey[]).find(
          (k) =>
            k === column ||
            read.layout.headers[k] === column ||
            HEADER_TEXT[k].vi === column ||
            HEADER_TEXT[k].en === column,
        );
        if (key && read.layout.columns[key] !== undefined) c = read.layout.columns[key]!;
      }
      if (c === null)
        return { ok: false, message: `Không tìm thấy cột "${column}" trên trang "${sheet.getName()}".` };
    }
  }
  if (c !== null && (c < 1 || c > sheet.getMaxColumns()))
    return { ok: false, message: `Cột ${column} không hợp lệ.` };
  sheet.activate();
  const range = c === null ? sheet.getRange(r, 1, 1, sheet.getMaxColumns()) : sheet.getRange(r, c);
  range.activate();
  return { ok: true, message: `Đã chọn ${c === null ? `dòng ${r}` : a1(r, c)}.` };
}

// ── Simple triggers ──

/**
 * onEdit (simple trigger, limited auth): formulas already rescore edits inside the table, so only an edit
 * that may change the table's shape (the header row, or an input column below the last data row: the
 * table grew) runs a recompute, which extends the formulas and colours. Never throws.
 */
export function onEditRecompute(
  e: GoogleAppsScript.Events.SheetsOnEdit | undefined,
  now: Date = new Date(),
): boolean {
  try {
    if (!e || !e.range) return false;
    const range = e.range;
    const sheet = range.getSheet();
    const cache = cachedLayout();
    const name = sheet.getName();
    if (cache) {
      if (sheet.getSheetId() !== cache.sheetId && name !== cache.sheetName) return false;
      const top = range.getRow();
      const bottom = range.getLastRow();
      const left = range.getColumn();
      const right = range.getLastColumn();
      const touchesInput = cache.inputColumns.some((c) => c >= left && c <= right);
      const header = top <= cache.headerRow && bottom >= cache.headerRow;
      if (!header) {
        if (!touchesInput || bottom < cache.anchorRow) return false;
        // Inside the formulas' reach the formulas rescore by themselves; below it the table grew.
        const formula = sheet.getRange(cache.anchorRow, cache.anchorColumn).getFormula();
        const reach = /^=\s*CCHC_POINTS\(\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?(\d+)/i.exec(formula);
        if (reach && bottom <= Number(reach[1])) return false;
      }
    } else if (name !== loadSettings().settings.criteriaSheetName) {
      return false;
    }
    const result = withDocumentLock(() => recomputeLocked(now), 5000);
    return result.ok;
  } catch (error) {
    try {
      console.log(`onEdit: ${error instanceof Error ? error.message : String(error)}`);
    } catch {
      // Nothing more to do.
    }
    return false;
  }
}

/**
 * True when a simple trigger's event allows reading the document: not AuthMode.NONE, in which "any service
 * that requires authorization" is refused (https://developers.google.com/apps-script/reference/script/auth-mode).
 * onOpen and onEdit both check it. Never throws.
 */
export function canUseDocument(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): boolean {
  try {
    return !e || e.authMode === undefined || e.authMode !== ScriptApp.AuthMode.NONE;
  } catch {
    return false;
  }
}

/** onOpen with authorisation: keeps the as-of date (and the formula ranges) current. Never throws. */
export function refreshOnOpen(now: Date = new Date()): void {
  try {
    const result = withDocumentLock(() => recomputeLocked(now, { fullRuleCheck: true }), 5000);
    if (!result.ok) console.log(`onOpen: ${result.message}`);
  } catch (error) {
    try {
      console.log(`onOpen: ${error instanceof Error ? error.message : String(error)}`);
    } catch {
      // Nothing more to do.
    }
  }
}

// ── Menu glue (alerts and toasts) ──

function ui(): GoogleAppsScript.Base.Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch {
    return null;
  }
}

function alert(title: string, message: string): void {
  const u = ui();
  if (u) u.alert(title, message, u.ButtonSet.OK);
}

function runForMenu(title: string, run: () => UseCaseResult, toastOnSuccess: boolean): void {
  let result: UseCaseResult;
  try {
    result = run();
  } catch (error) {
    alert(title, error instanceof Error ? error.message : String(error));
    return;
  }
  if (result.ok && toastOnSuccess) SpreadsheetApp.getActiveSpreadsheet().toast(result.message, title, 10);
  else alert(title, result.message);
}

/** Menu "Thiết lập bảng tiêu chí mẫu". */
export function menuSetupSampleAction(): void {
  runForMenu('Thiết lập bảng tiêu chí', () => setupSample(), false);
}

/** Menu "Gắn vào trang đang mở": set-up on the active tab (the user's own indicator set). */
export function menuAttachActiveSheetAction(): void {
  runForMenu(
    'Gắn vào trang đang mở',
    () => attachSheet(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName()),
    false,
  );
}

/** Menu "Tính lại điểm và tô màu". */
export function menuRecomputeAction(): void {
  runForMenu('Tính lại', () => recompute(), true);
}

/** The most problems listed in an alert; the sidebar lists all of them. */
const ALERT_PROBLEMS = 25;

/** Menu "Kiểm tra dữ liệu": the problems in a dialog. */
export function menuCheckDataAction(): void {
  runForMenu(
    'Kiểm tra dữ liệu',
    () => {
      const state = checkData();
      if (!state.ok || state.problems.length === 0) return { ok: false, message: state.message };
      const lines = state.problems.slice(0, ALERT_PROBLEMS).map(problemLine);
      const more =
        state.problems.length > ALERT_PROBLEMS
          ? `\n… và ${state.problems.length - ALERT_PROBLEMS} vấn đề khác: mở bảng điều khiển để xem hết và chọn từng ô.`
          : '';
      return { ok: false, message: `${state.message}\n\n${lines.join('\n')}${more}` };
    },
    false,
  );
}
