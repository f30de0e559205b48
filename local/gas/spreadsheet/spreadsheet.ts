// Spreadsheet: the stand-in document: its sheets, selection, named ranges, protections and the formula
// engine that keeps formula cells current.
import type { StandInContext } from '../context';
import { counted } from '../counter';
import type { StandInDrive } from '../drive';
import { FormulaEngine, type Workbook } from '../formula/engine';
import { FormulaError } from '../formula/values';
import type { Scalar } from './grid';
import { standInHtmlOutput } from '../html';
import type { UiRecords } from '../ui';
import { parseA1 } from './a1';
import type { StandInProtection } from './protection';
import { standInRange, type StandInRange } from './range';
import { StandInSheet, standInSheet } from './sheet';
import {
  asGas,
  type GasNamedRange,
  type GasProtection,
  type GasProtectionType,
  type GasRange,
  type GasSheet,
  type GasSpreadsheet,
} from './types';

const SPREADSHEET_METHODS = [
  'deleteSheet',
  'getActiveRange',
  'getActiveSheet',
  'getId',
  'getName',
  'getNamedRanges',
  'getNumSheets',
  'getProtections',
  'getRange',
  'getRangeByName',
  'getSheetById',
  'getSheetByName',
  'getSheets',
  'getSpreadsheetLocale',
  'getSpreadsheetTimeZone',
  'getUrl',
  'insertSheet',
  'removeNamedRange',
  'rename',
  'setActiveRange',
  'setActiveSelection',
  'setActiveSheet',
  'setNamedRange',
  'show',
  'toast',
] as const;
type SpreadsheetMethod = (typeof SPREADSHEET_METHODS)[number];

export interface SpreadsheetOptions {
  id: string;
  name: string;
  locale: string;
  ownerEmail: string;
  ui: UiRecords;
}

export class StandInSpreadsheet implements Pick<GasSpreadsheet, SpreadsheetMethod>, Workbook {
  readonly engine: FormulaEngine;
  readonly sheetList: StandInSheet[] = [];
  readonly protections: StandInProtection[] = [];
  readonly namedRanges = new Map<string, StandInRange>();
  activeSheet: StandInSheet;
  activeRange: StandInRange | null = null;
  name: string;
  readonly id: string;
  readonly locale: string;
  readonly ownerEmail: string;
  private readonly ui: UiRecords;
  private sheetIds = 0;
  /** The stand-in Drive this spreadsheet is registered in (IMPORTRANGE between spreadsheets). */
  drive?: StandInDrive;
  private chartIds = 0;

  constructor(
    readonly ctx: StandInContext,
    options: SpreadsheetOptions,
  ) {
    this.id = options.id;
    this.name = options.name;
    this.locale = options.locale;
    this.ownerEmail = options.ownerEmail;
    this.ui = options.ui;
    this.engine = new FormulaEngine(this, ctx);
    this.activeSheet = this.addSheet('Sheet1', 0);
  }

  // ── internals (not counted) ──

  sheets(): readonly StandInSheet[] {
    return this.sheetList;
  }

  importRange(url: string, range: string): Scalar[][] | FormulaError {
    if (!this.drive) return new FormulaError('#REF!', `Could not find the spreadsheet "${url}".`);
    return this.drive.importRange(this, url, range);
  }

  importsChanged(): boolean {
    return this.drive?.importsChanged(this) ?? false;
  }

  sheetByName(name: string): StandInSheet | undefined {
    return this.sheetList.find((s) => s.name === name);
  }

  /**
   * How getSheetByName matches names. Google's page (reference/spreadsheet/spreadsheet#getSheetByName(String))
   * does not say whether case matters, while the Sheets UI refuses two names that differ only in case:
   * 'exact' finds only the same spelling, 'ignoreCase' finds `BÁO CÁO` for `Báo cáo`. The add-in must be
   * correct under both.
   */
  sheetNameLookup: 'exact' | 'ignoreCase' = 'exact';

  /** Sheet names are unique regardless of case, as in the Sheets UI. */
  checkNewSheetName(name: string): void {
    if (name.trim() === '') throw this.ctx.error('Invalid argument: sheetName');
    if (this.sheetList.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw this.ctx.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  private addSheet(name: string, index: number): StandInSheet {
    this.checkNewSheetName(name);
    const sheet = new StandInSheet(this, name, this.sheetIds === 0 ? 0 : 100000000 + this.sheetIds * 7919);
    this.sheetIds++;
    this.sheetList.splice(index, 0, sheet);
    this.engine.markDirty();
    return sheet;
  }

  activate(sheet: StandInSheet, range: StandInRange | null = null): void {
    this.activeSheet = sheet;
    this.activeRange = range;
  }

  addProtection(protection: StandInProtection): GasProtection {
    this.protections.push(protection);
    return asGas<GasProtection>(protection);
  }

  /** Refuses a script's write into cells a strict protection keeps from the current user (Sheets does). */
  guardWrite(sheet: StandInSheet, row: number, column: number, numRows: number, numColumns: number): void {
    const user = this.ctx.userEmail;
    for (const p of this.protections) {
      if (p.covers(sheet, row, column, numRows, numColumns) && !p.allowsWrite(user)) {
        throw this.ctx.error(
          'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
        );
      }
    }
  }

  removeProtection(protection: StandInProtection): void {
    const i = this.protections.indexOf(protection);
    if (i >= 0) this.protections.splice(i, 1);
  }

  nextChartId(): number {
    return ++this.chartIds;
  }

  // ── identity ──

  getId(): string {
    return this.id;
  }

  getName(): string {
    return this.name;
  }

  rename(newName: string): void {
    this.name = newName;
  }

  getUrl(): string {
    return `https://spreadsheet.stand-in.invalid/d/${this.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this.ctx.timeZone;
  }

  getSpreadsheetLocale(): string {
    return this.locale;
  }

  // ── sheets ──

  getSheets(): GasSheet[] {
    return this.sheetList.map((s) => asGas<GasSheet>(s));
  }

  getNumSheets(): number {
    return this.sheetList.length;
  }

  getSheetByName(name: string): GasSheet | null {
    const wanted = String(name);
    const sheet =
      this.sheetNameLookup === 'exact'
        ? this.sheetByName(wanted)
        : this.sheetList.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
    return sheet ? asGas<GasSheet>(sheet) : null;
  }

  getSheetById(id: number): GasSheet | null {
    const sheet = this.sheetList.find((s) => s.sheetId === id);
    return sheet ? asGas<GasSheet>(sheet) : null;
  }

  /** insertSheet([name], [index], [options]): the new sheet becomes the active sheet. */
  insertSheet(
    a?: string | number | { template?: GasSheet | undefined },
    b?: number | { template?: GasSheet | undefined },
    c?: { template?: GasSheet | undefined },
  ): GasSheet {
    const args = [a, b, c].filter((x) => x !== undefined);
    const name = typeof args[0] === 'string' ? (args.shift() as string) : undefined;
    const index = typeof args[0] === 'number' ? (args.shift() as number) : this.sheetList.length;
    if (args.length > 0) throw this.ctx.error('The stand-in does not copy template sheets.');
    if (index < 0 || index > this.sheetList.length) throw this.ctx.error('Invalid argument: sheetIndex');
    let sheetName = name;
    if (sheetName === undefined) {
      let n = this.sheetList.length + 1;
      while (this.sheetList.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    const sheet = this.addSheet(sheetName, index);
    this.activate(sheet);
    return asGas<GasSheet>(sheet);
  }

  deleteSheet(sheet: GasSheet): void {
    const s = standInSheet(sheet, this.ctx);
    const i = this.sheetList.indexOf(s);
    if (i < 0) throw this.ctx.error('The sheet does not belong to this spreadsheet.');
    if (this.sheetList.length === 1) throw this.ctx.error("You can't remove all the sheets in a document.");
    this.sheetList.splice(i, 1);
    for (const p of this.protections.filter((x) => x.sheet === s)) this.removeProtection(p);
    if (this.activeSheet === s) this.activate(this.sheetList[0]!);
    this.engine.markDirty();
  }

  getActiveSheet(): GasSheet {
    return asGas<GasSheet>(this.activeSheet);
  }

  setActiveSheet(sheet: GasSheet): GasSheet {
    this.activate(standInSheet(sheet, this.ctx));
    return sheet;
  }

  getActiveRange(): GasRange | null {
    return this.activeRange ? asGas<GasRange>(this.activeRange) : null;
  }

  setActiveRange(range: GasRange): GasRange {
    const r = standInRange(range, this.ctx);
    this.activate(r.sheet, r);
    return range;
  }

  setActiveSelection(range: GasRange | string): GasRange {
    const r = typeof range === 'string' ? this.rangeA1(range) : range;
    const standIn = standInRange(r, this.ctx);
    this.activate(standIn.sheet, standIn);
    return r;
  }

  /** "Sheet!A1:B2", or A1 notation on the active sheet. */
  getRange(a1Notation: string): GasRange {
    return this.rangeA1(a1Notation);
  }

  rangeA1(a1Notation: string): GasRange {
    const ref = parseA1(a1Notation);
    if (!ref) throw this.ctx.error('Range not found');
    const sheet = ref.sheet === undefined ? this.activeSheet : this.sheetByName(ref.sheet);
    if (!sheet) throw this.ctx.error('Range not found');
    const body = a1Notation.slice(a1Notation.lastIndexOf('!') + 1);
    return sheet.rangeA1(body);
  }

  // ── named ranges ──

  setNamedRange(name: string, range: GasRange): void {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || parseA1(name))
      throw this.ctx.error(`Invalid argument: name`);
    this.namedRanges.set(name, standInRange(range, this.ctx));
  }

  getRangeByName(name: string): GasRange | null {
    const r = this.namedRanges.get(name);
    return r ? asGas<GasRange>(r) : null;
  }

  removeNamedRange(name: string): void {
    if (!this.namedRanges.delete(name)) throw this.ctx.error(`Named range "${name}" not found.`);
  }

  getNamedRanges(): GasNamedRange[] {
    return [...this.namedRanges.entries()].map(([name, range]) => {
      const named: Pick<GasNamedRange, 'getName' | 'getRange' | 'remove'> = {
        getName: () => name,
        getRange: () => asGas<GasRange>(range),
        remove: () => void this.namedRanges.delete(name),
      };
      return asGas<GasNamedRange>(named);
    });
  }

  // ── protection and UI ──

  getProtections(type: GasProtectionType): GasProtection[] {
    return this.protections.filter((p) => p.type === String(type)).map((p) => asGas<GasProtection>(p));
  }

  toast(msg: string, title = '', timeoutSeconds: number | null = 5): void {
    this.ui.toasts.push({ message: String(msg), title: String(title), timeoutSeconds });
  }

  /** Shows a dialog (the pre-Ui way); recorded like a modal dialog. */
  show(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const output = standInHtmlOutput(userInterface, this.ctx);
    this.ui.dialogs.push({
      title: output.title,
      html: output.content,
      modal: true,
      width: output.width,
      height: output.height,
    });
  }
}

counted(StandInSpreadsheet, 'Spreadsheet', 'Spreadsheet', SPREADSHEET_METHODS, 'readOnly');
