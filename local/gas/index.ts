// The in-memory Apps Script stand-in: the services the add-in uses, behaving as Apps Script documents
// them, with every call counted and every side effect (mail, UI, triggers, logs) recorded for tests, the
// demo and the benchmark. Never bundled into dist.
import { join } from 'node:path';
import vm from 'node:vm';
import {
  createContext,
  DEFAULT_BEHAVIOURS,
  inMode,
  type ExecutionMode,
  type UnknownBehaviours,
} from './context';
import { CallCounter } from './counter';
import type { CustomFunction, Execution } from './formula/engine';
import { StandInCacheService, type CacheStores } from './cache';
import type { StandInDrive } from './drive';
import { StandInHtmlService } from './html';
import { LockTable, StandInLockService, type LockHooks } from './lock';
import { createConsole, StandInLogger, type StandInConsole } from './logger';
import { StandInMailApp, type MailRecords, type SentMail } from './mail';
import { REPO_ROOT } from './paths';
import { StandInPropertiesService, type PropertyStores } from './properties';
import { StandInSession } from './session';
import { StandInSpreadsheetApp } from './spreadsheet/app';
import { createCharts, type StandInCharts } from './spreadsheet/chart';
import { effectiveFormat, type EffectiveFormat } from './spreadsheet/conditionalFormat';
import { isKnownLocale } from './spreadsheet/display';
import { StandInSpreadsheet } from './spreadsheet/spreadsheet';
import type { StandInSheet } from './spreadsheet/sheet';
import { parseA1, splitSheet } from './spreadsheet/a1';
import { fireTimeTriggers, StandInScriptApp, type TriggerRecord, type TriggerTable } from './triggers';
import { createUiRecords, type UiRecords } from './ui';
import { StandInUtilities } from './utilities';
import { isValidTimeZone } from './time';

export type { CallSnapshot, ServiceName } from './counter';
export type { CallCounter } from './counter';
export type { ExecutionMode, UnknownBehaviours } from './context';
export type { EffectiveFormat } from './spreadsheet/conditionalFormat';
export type { LockHooks, LockScope } from './lock';
export type { MenuRecord, MenuItemRecord, UiRecords } from './ui';
export type { SentMail, MailRecords } from './mail';
export type { TriggerRecord, ClockSchedule } from './triggers';
export type { StandInSpreadsheet } from './spreadsheet/spreadsheet';
export type { CustomFunction, Execution } from './formula/engine';
export { toScriptRunPayload, ScriptRunPayloadError } from './scriptRun';
export { StandInDrive } from './drive';

export interface StandInOptions {
  /** Clock for Utilities, triggers, caches, mail quota days and TODAY() (default: the real clock). */
  now?: () => Date;
  /** MailApp daily recipients quota (default 100, as for a gmail.com account). */
  mailQuota?: number;
  /** Folder HtmlService reads files from (default <repo>/dist). */
  htmlDir?: string;
  /** Session.getActiveUser()/getEffectiveUser() email (default user@example.com). */
  userEmail?: string;
  spreadsheetName?: string;
  /** Spreadsheet and script time zone (default Asia/Ho_Chi_Minh). */
  timeZone?: string;
  /**
   * The script's own time zone when it differs from the spreadsheet's (Session.getScriptTimeZone()). The
   * bundle's local Date follows the process's TZ, so tests keep this equal to it and vary `timeZone`.
   */
  scriptTimeZone?: string;
  /** Switches for what Google does not document (context.ts); unspecified ones keep their defaults. */
  behaviours?: Partial<Omit<UnknownBehaviours, 'timerRun'>> & {
    timerRun?: Partial<UnknownBehaviours['timerRun']>;
  };
  /** Session.getActiveUserLocale() (default "vi"). */
  userLocale?: string;
  /**
   * The spreadsheet's locale (default "en_GB"; also "en_US" and "vi_VN", the locale of a Vietnamese
   * commune's sheet): getSpreadsheetLocale() and how numbers are shown (spreadsheet/display.ts). Text a
   * script writes is parsed the en_GB way whatever the locale (README, "Behaviour worth knowing").
   */
  locale?: string;
  /** Enforce editor add-on trigger limits: one trigger per type per user per document, no sub-hourly clocks (default true). */
  addOnTriggerLimits?: boolean;
  /** The stand-in Drive to register the spreadsheet in, so other stand-ins can IMPORTRANGE from it. */
  drive?: StandInDrive;
  /** The spreadsheet's id (default stand-in-spreadsheet-N). */
  spreadsheetId?: string;
  /** How getSheetByName compares names (default 'exact'; see StandInSpreadsheet.sheetNameLookup). */
  sheetNameLookup?: 'exact' | 'ignoreCase';
}

export interface StandInGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  MailApp: GoogleAppsScript.Mail.MailApp;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  Charts: StandInCharts;
  console: StandInConsole;
}

export interface StandIn {
  /** The Apps Script globals, typed as @types/google-apps-script declares them. */
  readonly globals: StandInGlobals;
  /** Copies the globals onto `target` (globalThis or a vm context). */
  install(target: object): void;
  /** Every service call, by "Class.method". */
  readonly calls: CallCounter;
  /** The active spreadsheet (typed as the stand-in; its methods return Apps Script types). */
  readonly spreadsheet: StandInSpreadsheet;
  readonly mail: MailRecords;
  readonly ui: UiRecords;
  /** Logger.log and console lines. */
  readonly logs: string[];
  /** Installed triggers (live list). */
  readonly triggers: TriggerRecord[];
  /** The property stores' backing maps (inspect or seed without counting calls). */
  readonly properties: PropertyStores;
  readonly caches: CacheStores;
  /** Simulate another execution holding a lock. */
  readonly locks: LockHooks;
  /** Utilities.sleep durations (ms). */
  readonly sleeps: number[];
  /** Registers the functions formulas may call (loadBundle registers the bundle's CCHC_* functions). */
  setCustomFunctions(fns: Record<string, CustomFunction>): void;
  /** Evaluates every formula cell now (reads do it lazily after writes anyway). */
  recalculate(): void;
  /**
   * Brings formulas up to date as Sheets would after the writes so far (by dependency when only values
   * changed) and returns the custom-function executions since the last call (then forgets them).
   */
  executions(): Execution[];
  /** Runs each time-driven trigger's handler found on `target` as a trigger execution; returns the handler names. */
  fireTimeTriggers(target: object): string[];
  /**
   * Runs fn as another kind of execution ('trigger': no UI; 'customFunction': read-only, no mail;
   * 'authNone' / 'authLimited': a simple trigger in that authorization mode, see auth.ts).
   */
  run<T>(mode: ExecutionMode, fn: () => T): T;
  /**
   * Runs fn as another person (Session's user; whose edits protections allow or refuse). The spreadsheet's
   * owner stays the stand-in's `userEmail`.
   */
  asUser<T>(email: string, fn: () => T): T;
  /** The switches in force for undocumented behaviours (mutable: a test may flip one mid-way). */
  readonly behaviours: UnknownBehaviours;
  /** The stand-in clock (options.now, else the real clock). */
  now(): Date;
  /** A sheet by name, for test set-up (throws when missing). */
  sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet;
  /** The message a cell shows on hover when its value is an error (a formula's, or a typed "#N/A"), else null. */
  errorAt(reference: string): string | null;
  /** The format a user sees in a cell: its own under the first matching conditional-format rule. */
  formatAt(reference: string): EffectiveFormat;
}

let instances = 0;

export function createStandIn(options: StandInOptions = {}): StandIn {
  const timeZone = options.timeZone ?? 'Asia/Ho_Chi_Minh';
  if (!isValidTimeZone(timeZone)) throw new Error(`Unknown time zone: ${timeZone}`);
  const now = options.now ?? (() => new Date());
  const userEmail = options.userEmail ?? 'user@example.com';
  const calls = new CallCounter();
  const scriptTimeZone = options.scriptTimeZone ?? timeZone;
  if (!isValidTimeZone(scriptTimeZone)) throw new Error(`Unknown time zone: ${scriptTimeZone}`);
  const behaviours: UnknownBehaviours = {
    ...DEFAULT_BEHAVIOURS,
    ...options.behaviours,
    timerRun: { ...DEFAULT_BEHAVIOURS.timerRun, ...options.behaviours?.timerRun },
  };
  const ctx = createContext(calls, () => new Date(now().getTime()), timeZone, scriptTimeZone, behaviours);
  ctx.userEmail = userEmail;
  ctx.locale = options.locale ?? 'en_GB';
  if (!isKnownLocale(ctx.locale)) throw new Error(`Unknown spreadsheet locale: ${ctx.locale}`);
  const n = ++instances;

  const ui = createUiRecords();
  const logs: string[] = [];
  const sleeps: number[] = [];
  const mail: MailRecords = { sent: [], quota: options.mailQuota ?? 100, usedToday: 0, day: '' };
  const properties: PropertyStores = { document: new Map(), user: new Map(), script: new Map() };
  const caches: CacheStores = { document: new Map(), user: new Map(), script: new Map() };
  const locks = new LockTable();
  const spreadsheet = new StandInSpreadsheet(ctx, {
    id: options.spreadsheetId ?? `stand-in-spreadsheet-${n}`,
    name: options.spreadsheetName ?? 'Untitled spreadsheet',
    locale: ctx.locale,
    ownerEmail: userEmail,
    ui,
  });
  if (options.sheetNameLookup) spreadsheet.sheetNameLookup = options.sheetNameLookup;
  options.drive?.register(spreadsheet);
  const triggerTable: TriggerTable = {
    list: [],
    nextId: 1000 * n + 1,
    spreadsheetId: spreadsheet.id,
    addOn: options.addOnTriggerLimits ?? true,
  };

  const as = <T>(x: object): T => x as T;
  const globals: StandInGlobals = {
    SpreadsheetApp: as(new StandInSpreadsheetApp(ctx, spreadsheet, ui)),
    PropertiesService: as(new StandInPropertiesService(ctx, properties)),
    LockService: as(new StandInLockService(ctx, locks)),
    CacheService: as(new StandInCacheService(ctx, caches)),
    MailApp: as(new StandInMailApp(ctx, mail)),
    ScriptApp: as(new StandInScriptApp(ctx, triggerTable, `stand-in-script-${n}`)),
    HtmlService: as(new StandInHtmlService(ctx, options.htmlDir ?? join(REPO_ROOT, 'dist'))),
    Session: as(new StandInSession(ctx, options.userLocale ?? 'vi')),
    Utilities: as(new StandInUtilities(ctx, sleeps)),
    Logger: as(new StandInLogger(ctx, logs)),
    Charts: createCharts(),
    console: createConsole(logs, ctx.now),
  };

  const sheetNamed = (name: string): StandInSheet => {
    const sheet = spreadsheet.sheetByName(name);
    if (!sheet) throw new Error(`No sheet named ${name}`);
    return sheet;
  };
  const cell = (reference: string): { sheet: StandInSheet; row: number; column: number } => {
    const [name] = splitSheet(reference);
    const ref = parseA1(reference);
    if (!ref || ref.startRow === undefined || ref.startCol === undefined)
      throw new Error(`Not a cell reference: ${reference}`);
    return {
      sheet: name === undefined ? spreadsheet.activeSheet : sheetNamed(name),
      row: ref.startRow,
      column: ref.startCol,
    };
  };

  return {
    globals,
    install(target: object): void {
      // Errors must come from the realm that catches them, or `e instanceof Error` fails in a vm context.
      if (vm.isContext(target)) ctx.errorConstructor = vm.runInContext('Error', target) as ErrorConstructor;
      Object.assign(target, globals);
    },
    calls,
    spreadsheet,
    mail,
    ui,
    logs,
    triggers: triggerTable.list,
    properties,
    caches,
    locks,
    sleeps,
    setCustomFunctions: (fns) => spreadsheet.engine.setCustomFunctions(fns),
    recalculate: () => spreadsheet.engine.recalculate(),
    executions() {
      spreadsheet.engine.ensure();
      const runs = [...spreadsheet.engine.executions()];
      spreadsheet.engine.resetExecutions();
      return runs;
    },
    fireTimeTriggers: (target) => fireTimeTriggers(ctx, triggerTable, locks, target),
    run: (mode, fn) => inMode(ctx, mode, fn),
    asUser(email, fn) {
      const before = ctx.userEmail;
      ctx.userEmail = email;
      try {
        return fn();
      } finally {
        ctx.userEmail = before;
      }
    },
    behaviours,
    now: () => ctx.now(),
    sheet: (name) => as<GoogleAppsScript.Spreadsheet.Sheet>(sheetNamed(name)),
    errorAt(reference) {
      spreadsheet.engine.ensure();
      const { sheet, row, column } = cell(reference);
      const c = sheet.grid.get(row, column);
      return c?.error ?? c?.typedError ?? null;
    },
    formatAt(reference) {
      const { sheet, row, column } = cell(reference);
      return effectiveFormat(sheet, row, column);
    },
  };
}
