// Range: a rectangle of one sheet. Reads see formula results (the engine recalculates lazily first);
// writes follow Sheets' rules (see values.ts) and mark the workbook for recalculation.
import { ownObject, type StandInContext } from '../context';
import { counted } from '../counter';
import { shiftFormula } from '../formula/parser';
import { rangeA1 } from './a1';
import { standInDataValidation } from './dataValidation';
import { displayValue } from './display';
import type { Cell, CellFormat, Scalar } from './grid';
import { StandInProtection } from './protection';
import type { StandInSheet } from './sheet';
import {
  asGas,
  type GasDataValidation,
  type GasProtection,
  type GasRange,
  type GasSheet,
  type GasWrapStrategy,
} from './types';
import { cellValue, GENERAL_FORMAT, parseInput } from './values';

const RANGE_METHODS = [
  'activate',
  'breakApart',
  'clear',
  'clearContent',
  'clearDataValidations',
  'clearFormat',
  'clearNote',
  'getA1Notation',
  'getBackground',
  'getBackgrounds',
  'getCell',
  'getColumn',
  'getDataValidation',
  'getDataValidations',
  'getDisplayValue',
  'getDisplayValues',
  'getFontColor',
  'getFontColors',
  'getFontFamily',
  'getFontSize',
  'getFontStyle',
  'getFontWeight',
  'getFontWeights',
  'getFormula',
  'getFormulas',
  'getGridId',
  'getHeight',
  'getHorizontalAlignment',
  'getLastColumn',
  'getLastRow',
  'getMergedRanges',
  'getNote',
  'getNotes',
  'getNumColumns',
  'getNumRows',
  'getNumberFormat',
  'getNumberFormats',
  'getRow',
  'getRowIndex',
  'getSheet',
  'getValue',
  'getValues',
  'getVerticalAlignment',
  'getWidth',
  'getWrap',
  'getWrapStrategy',
  'getWraps',
  'isBlank',
  'isPartOfMerge',
  'merge',
  'mergeAcross',
  'mergeVertically',
  'offset',
  'protect',
  'setBackground',
  'setBackgrounds',
  'setBorder',
  'setDataValidation',
  'setDataValidations',
  'setFontColor',
  'setFontColors',
  'setFontFamily',
  'setFontSize',
  'setFontStyle',
  'setFontWeight',
  'setFontWeights',
  'setFormula',
  'setFormulas',
  'setHorizontalAlignment',
  'setHorizontalAlignments',
  'setNote',
  'setNotes',
  'setNumberFormat',
  'setNumberFormats',
  'setValue',
  'setValues',
  'setVerticalAlignment',
  'setWrap',
  'setWrapStrategy',
  'setWraps',
] as const;
type RangeMethod = (typeof RANGE_METHODS)[number];

const DEFAULTS = {
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
} as const;

const FORMAT_KEYS: (keyof CellFormat)[] = [
  'numberFormat',
  'background',
  'fontColor',
  'fontWeight',
  'fontStyle',
  'fontSize',
  'fontFamily',
  'fontLine',
  'horizontalAlignment',
  'verticalAlignment',
  'wrap',
  'wrapStrategy',
  'border',
];

const NAMED_COLORS: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
};

/** Colours read back the way Apps Script reports them: lower-case #rrggbb. */
export function normaliseColor(color: string): string {
  const c = color.trim().toLowerCase();
  if (NAMED_COLORS[c]) return NAMED_COLORS[c]!;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : c;
}

export class StandInRange implements Pick<GasRange, RangeMethod> {
  readonly ctx: StandInContext;

  constructor(
    readonly sheet: StandInSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {
    this.ctx = sheet.ctx;
  }

  get endRow(): number {
    return this.row + this.numRows - 1;
  }

  get endColumn(): number {
    return this.column + this.numColumns - 1;
  }

  // ── internals (not counted) ──

  private grid() {
    return this.sheet.grid;
  }

  /** A 2-D array of fn(cell, row, column) over the range. */
  private map<T>(fn: (cell: Cell | undefined, row: number, column: number) => T): T[][] {
    const grid = this.grid();
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.numColumns; c++)
        row.push(fn(grid.get(this.row + r, this.column + c), this.row + r, this.column + c));
      out.push(row);
    }
    return out;
  }

  private each(fn: (cell: Cell, i: number, j: number) => void): void {
    const grid = this.grid();
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numColumns; j++) fn(grid.ensure(this.row + i, this.column + j), i, j);
    }
  }

  private first(): Cell | undefined {
    return this.grid().get(this.row, this.column);
  }

  private checkShape(data: unknown, what = 'data'): unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
      throw this.ctx.error(
        `The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.set${what}.`,
      );
    }
    if (data.length !== this.numRows) {
      throw this.ctx.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.numRows}.`,
      );
    }
    for (const row of data as unknown[][]) {
      if (row.length !== this.numColumns) {
        throw this.ctx.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`,
        );
      }
    }
    return data as unknown[][];
  }

  private writeCell(cell: Cell, input: unknown, i: number, j: number, shiftFormulas: boolean): void {
    const parsed = parseInput(
      input,
      cell.numberFormat,
      this.ctx.timeZone,
      this.ctx.behaviours.signedTextBecomesFormula,
      this.ctx.behaviours.textFormatOnWrite === 'parses',
    );
    delete cell.value;
    delete cell.formula;
    delete cell.typedError;
    if (parsed.error !== undefined) cell.typedError = parsed.error;
    if (parsed.formula !== undefined)
      cell.formula = shiftFormulas ? shiftFormula(parsed.formula, i, j) : parsed.formula;
    else cell.value = parsed.value;
    if (parsed.autoFormat && (cell.numberFormat === undefined || cell.numberFormat === GENERAL_FORMAT)) {
      cell.numberFormat = parsed.autoFormat;
    }
  }

  /** True when a cell of the range holds a formula (checked before and after a write). */
  private holdsFormula(): boolean {
    const grid = this.grid();
    for (let r = this.row; r <= this.endRow; r++)
      for (let c = this.column; c <= this.endColumn; c++)
        if (grid.get(r, c)?.formula !== undefined) return true;
    return false;
  }

  /**
   * After a write: only values changed → the formulas that depend on these cells recalculate (as Sheets
   * does); a formula written or removed → everything recalculates.
   */
  private edited(formulaBefore: boolean): void {
    const engine = this.sheet.spreadsheet.engine;
    if (formulaBefore || this.holdsFormula()) engine.markDirty();
    else
      engine.markEdited({
        sheet: this.sheet,
        row: this.row,
        column: this.column,
        endRow: this.endRow,
        endColumn: this.endColumn,
      });
  }

  private setFormat<K extends keyof CellFormat>(key: K, value: CellFormat[K] | null | undefined): this {
    this.each((cell) => {
      if (value === null || value === undefined) delete cell[key];
      else cell[key] = value;
    });
    return this;
  }

  private setFormats<K extends keyof CellFormat>(
    key: K,
    values: unknown,
    convert: (v: unknown) => CellFormat[K] | undefined,
  ): this {
    const data = this.checkShape(values);
    this.each((cell, i, j) => {
      const v = convert(data[i]![j]);
      if (v === undefined) delete cell[key];
      else cell[key] = v;
    });
    return this;
  }

  private self(): GasRange {
    return asGas<GasRange>(this);
  }

  private rawDisplay(cell: Cell | undefined): Scalar {
    if (!cell) return '';
    if (cell.formula !== undefined || cell.spilledFrom) return cell.result ?? '';
    return cell.value ?? '';
  }

  // ── values and formulas ──

  /** Uncounted reads and writes, for stand-in code that works through ranges (appendRow, clear...). */
  readValues(): Scalar[][] {
    this.sheet.spreadsheet.engine.ensure();
    const tz = this.ctx.timeZone;
    return this.map((cell) => cellValue(cell, tz));
  }

  readDisplayValues(): string[][] {
    this.sheet.spreadsheet.engine.ensure();
    const tz = this.ctx.timeZone;
    return this.map((cell) => displayValue(this.rawDisplay(cell), cell?.numberFormat, tz, this.ctx.locale));
  }

  /** Throws when a strict protection keeps the current user from these cells. */
  private guardWrite(): void {
    this.sheet.spreadsheet.guardWrite(this.sheet, this.row, this.column, this.numRows, this.numColumns);
  }

  writeValues(values: unknown, what = 'Values'): void {
    const data = this.checkShape(values, what);
    this.guardWrite();
    const formulaBefore = this.holdsFormula();
    this.each((cell, i, j) => this.writeCell(cell, data[i]![j], i, j, false));
    this.edited(formulaBefore);
  }

  clearCells(options: {
    contents?: boolean;
    formats?: boolean;
    validations?: boolean;
    notes?: boolean;
  }): void {
    if (options.contents) this.guardWrite();
    const formulaBefore = this.holdsFormula();
    this.each((cell) => {
      if (options.contents) {
        delete cell.value;
        delete cell.formula;
      }
      if (options.formats) for (const key of FORMAT_KEYS) delete cell[key];
      if (options.validations) delete cell.validation;
      if (options.notes) delete cell.note;
    });
    if (options.contents || options.formats) this.edited(formulaBefore);
  }

  getValues(): unknown[][] {
    return this.readValues();
  }

  getValue(): unknown {
    this.sheet.spreadsheet.engine.ensure();
    return cellValue(this.first(), this.ctx.timeZone);
  }

  setValues(values: unknown[][]): GasRange {
    this.writeValues(values);
    return this.self();
  }

  setValue(value: unknown): GasRange {
    this.guardWrite();
    const formulaBefore = this.holdsFormula();
    this.each((cell, i, j) => this.writeCell(cell, value, i, j, true));
    this.edited(formulaBefore);
    return this.self();
  }

  getDisplayValues(): string[][] {
    return this.readDisplayValues();
  }

  getDisplayValue(): string {
    this.sheet.spreadsheet.engine.ensure();
    const cell = this.first();
    return displayValue(this.rawDisplay(cell), cell?.numberFormat, this.ctx.timeZone, this.ctx.locale);
  }

  getFormulas(): string[][] {
    return this.map((cell) => cell?.formula ?? '');
  }

  getFormula(): string {
    return this.first()?.formula ?? '';
  }

  setFormulas(formulas: string[][]): GasRange {
    this.writeValues(formulas, 'Formulas');
    return this.self();
  }

  /** On a multi-cell range the relative references move with each cell, as when Sheets fills a formula. */
  setFormula(formula: string): GasRange {
    this.guardWrite();
    const formulaBefore = this.holdsFormula();
    this.each((cell, i, j) => this.writeCell(cell, formula, i, j, true));
    this.edited(formulaBefore);
    return this.self();
  }

  isBlank(): boolean {
    this.sheet.spreadsheet.engine.ensure();
    return this.map(
      (cell) =>
        cell === undefined || (cell.formula === undefined && (cell.value ?? '') === '' && !cell.spilledFrom),
    )
      .flat()
      .every(Boolean);
  }

  // ── number formats ──

  getNumberFormats(): string[][] {
    return this.map((cell) => cell?.numberFormat ?? GENERAL_FORMAT);
  }

  getNumberFormat(): string {
    return this.first()?.numberFormat ?? GENERAL_FORMAT;
  }

  setNumberFormat(numberFormat: string): GasRange {
    this.setFormat('numberFormat', numberFormat);
    this.edited(false); // a format decides whether a number reads as a Date
    return this.self();
  }

  setNumberFormats(numberFormats: string[][]): GasRange {
    this.setFormats('numberFormat', numberFormats, (v) => (v === null || v === '' ? undefined : String(v)));
    this.edited(false);
    return this.self();
  }

  // ── text and cell formats ──

  getBackgrounds(): string[][] {
    return this.map((cell) => cell?.background ?? DEFAULTS.background);
  }

  getBackground(): string {
    return this.first()?.background ?? DEFAULTS.background;
  }

  setBackground(color: string | null): GasRange {
    this.setFormat('background', color === null ? null : normaliseColor(color));
    return this.self();
  }

  setBackgrounds(color: Array<Array<string | null>>): GasRange {
    this.setFormats('background', color, (v) =>
      v === null || v === undefined || v === '' ? undefined : normaliseColor(String(v)),
    );
    return this.self();
  }

  getFontColors(): string[][] {
    return this.map((cell) => cell?.fontColor ?? DEFAULTS.fontColor);
  }

  getFontColor(): string {
    return this.first()?.fontColor ?? DEFAULTS.fontColor;
  }

  setFontColor(color: string | null): GasRange {
    this.setFormat('fontColor', color === null ? null : normaliseColor(color));
    return this.self();
  }

  setFontColors(colors: unknown[][]): GasRange {
    this.setFormats('fontColor', colors, (v) =>
      v === null || v === undefined || v === '' ? undefined : normaliseColor(String(v)),
    );
    return this.self();
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.map((cell) => cell?.fontWeight ?? DEFAULTS.fontWeight);
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.first()?.fontWeight ?? DEFAULTS.fontWeight;
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRange {
    this.setFormat('fontWeight', fontWeight === 'normal' ? null : fontWeight);
    return this.self();
  }

  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): GasRange {
    this.setFormats('fontWeight', fontWeights, (v) => (v === 'bold' ? 'bold' : undefined));
    return this.self();
  }

  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    return this.first()?.fontStyle ?? DEFAULTS.fontStyle;
  }

  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): GasRange {
    this.setFormat('fontStyle', fontStyle === 'normal' ? null : fontStyle);
    return this.self();
  }

  getFontSize(): number {
    return this.first()?.fontSize ?? DEFAULTS.fontSize;
  }

  setFontSize(size: number): GasRange {
    this.setFormat('fontSize', size);
    return this.self();
  }

  getFontFamily(): string {
    return this.first()?.fontFamily ?? DEFAULTS.fontFamily;
  }

  setFontFamily(fontFamily: string | null): GasRange {
    this.setFormat('fontFamily', fontFamily);
    return this.self();
  }

  getHorizontalAlignment(): string {
    return this.first()?.horizontalAlignment ?? DEFAULTS.horizontalAlignment;
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GasRange {
    this.setFormat('horizontalAlignment', alignment === 'normal' ? null : alignment);
    return this.self();
  }

  setHorizontalAlignments(alignments: Array<Array<'left' | 'center' | 'normal' | 'right' | null>>): GasRange {
    this.setFormats('horizontalAlignment', alignments, (v) =>
      v === null || v === 'normal' ? undefined : String(v),
    );
    return this.self();
  }

  getVerticalAlignment(): string {
    return this.first()?.verticalAlignment ?? DEFAULTS.verticalAlignment;
  }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GasRange {
    this.setFormat('verticalAlignment', alignment);
    return this.self();
  }

  getWraps(): boolean[][] {
    return this.map((cell) => cell?.wrap ?? false);
  }

  getWrap(): boolean {
    return this.first()?.wrap ?? false;
  }

  setWrap(isWrapEnabled: boolean): GasRange {
    this.setFormat('wrap', isWrapEnabled);
    this.setFormat('wrapStrategy', isWrapEnabled ? 'WRAP' : 'OVERFLOW');
    return this.self();
  }

  setWraps(isWrapEnabled: boolean[][]): GasRange {
    this.setFormats('wrap', isWrapEnabled, (v) => Boolean(v));
    return this.self();
  }

  getWrapStrategy(): GasWrapStrategy {
    return (this.first()?.wrapStrategy ?? 'OVERFLOW') as unknown as GasWrapStrategy;
  }

  setWrapStrategy(strategy: GasWrapStrategy): GasRange {
    this.setFormat('wrapStrategy', String(strategy));
    this.setFormat('wrap', String(strategy) === 'WRAP');
    return this.self();
  }

  /** Borders are recorded as present or not; styles are not kept. */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
  ): GasRange {
    this.setFormat('border', Boolean(top || left || bottom || right));
    return this.self();
  }

  // ── notes and validation ──

  getNotes(): string[][] {
    return this.map((cell) => cell?.note ?? '');
  }

  getNote(): string {
    return this.first()?.note ?? '';
  }

  setNote(note: string | null): GasRange {
    this.each((cell) => {
      if (note === null || note === '') delete cell.note;
      else cell.note = String(note);
    });
    return this.self();
  }

  setNotes(notes: Array<Array<string | null>>): GasRange {
    const data = this.checkShape(notes, 'Notes');
    this.each((cell, i, j) => {
      const note = data[i]![j];
      if (note === null || note === undefined || note === '') delete cell.note;
      else cell.note = String(note);
    });
    return this.self();
  }

  getDataValidations(): Array<Array<GasDataValidation | null>> {
    return this.map((cell) => (cell?.validation as GasDataValidation | undefined) ?? null);
  }

  getDataValidation(): GasDataValidation | null {
    return (this.first()?.validation as GasDataValidation | undefined) ?? null;
  }

  setDataValidation(rule: GasDataValidation | null): GasRange {
    const validation = rule === null ? null : standInDataValidation(rule, this.ctx);
    this.each((cell) => {
      if (validation === null) delete cell.validation;
      else cell.validation = validation;
    });
    return this.self();
  }

  setDataValidations(rules: Array<Array<GasDataValidation | null>>): GasRange {
    const data = this.checkShape(rules, 'DataValidations');
    this.each((cell, i, j) => {
      const rule = data[i]![j] as GasDataValidation | null;
      if (rule === null || rule === undefined) delete cell.validation;
      else cell.validation = standInDataValidation(rule, this.ctx);
    });
    return this.self();
  }

  // ── clearing ──

  clear(options?: {
    commentsOnly?: boolean | undefined;
    contentsOnly?: boolean | undefined;
    formatOnly?: boolean | undefined;
    validationsOnly?: boolean | undefined;
    skipFilteredRows?: boolean | undefined;
  }): GasRange {
    const o = options ?? {};
    const all = !(o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly);
    this.clearCells({
      contents: all || o.contentsOnly,
      formats: all || o.formatOnly,
      validations: o.validationsOnly,
      notes: o.commentsOnly,
    });
    return this.self();
  }

  clearContent(): GasRange {
    this.clearCells({ contents: true });
    return this.self();
  }

  clearFormat(): GasRange {
    this.clearCells({ formats: true });
    return this.self();
  }

  clearNote(): GasRange {
    this.clearCells({ notes: true });
    return this.self();
  }

  clearDataValidations(): GasRange {
    this.clearCells({ validations: true });
    return this.self();
  }

  // ── geometry ──

  getA1Notation(): string {
    return rangeA1(this.row, this.column, this.numRows, this.numColumns);
  }

  getRow(): number {
    return this.row;
  }

  getRowIndex(): number {
    return this.row;
  }

  getColumn(): number {
    return this.column;
  }

  getNumRows(): number {
    return this.numRows;
  }

  getNumColumns(): number {
    return this.numColumns;
  }

  getHeight(): number {
    return this.numRows;
  }

  getWidth(): number {
    return this.numColumns;
  }

  getLastRow(): number {
    return this.endRow;
  }

  getLastColumn(): number {
    return this.endColumn;
  }

  getGridId(): number {
    return this.sheet.sheetId;
  }

  getSheet(): GasSheet {
    return asGas<GasSheet>(this.sheet);
  }

  getCell(row: number, column: number): GasRange {
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) {
      throw this.ctx.error('Cell reference out of range');
    }
    return this.sheet.rangeAt(this.row + row - 1, this.column + column - 1, 1, 1);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    return this.sheet.rangeAt(
      this.row + rowOffset,
      this.column + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numColumns,
    );
  }

  activate(): GasRange {
    this.sheet.spreadsheet.activate(this.sheet, this);
    return this.self();
  }

  protect(): GasProtection {
    return this.sheet.spreadsheet.addProtection(new StandInProtection(this.sheet, 'RANGE', this));
  }

  // ── merges (recorded; values are not moved) ──

  merge(): GasRange {
    this.sheet.addMerge(this.row, this.column, this.numRows, this.numColumns);
    return this.self();
  }

  mergeAcross(): GasRange {
    for (let r = this.row; r <= this.endRow; r++) this.sheet.addMerge(r, this.column, 1, this.numColumns);
    return this.self();
  }

  mergeVertically(): GasRange {
    for (let c = this.column; c <= this.endColumn; c++) this.sheet.addMerge(this.row, c, this.numRows, 1);
    return this.self();
  }

  breakApart(): GasRange {
    this.sheet.removeMerges(this.row, this.column, this.endRow, this.endColumn);
    return this.self();
  }

  isPartOfMerge(): boolean {
    return this.sheet.mergesWithin(this.row, this.column, this.endRow, this.endColumn).length > 0;
  }

  getMergedRanges(): GasRange[] {
    return this.sheet
      .mergesWithin(this.row, this.column, this.endRow, this.endColumn)
      .map((m) => this.sheet.rangeAt(m.row, m.column, m.numRows, m.numColumns));
  }

  /** True when (row, column) lies inside this range. */
  contains(row: number, column: number): boolean {
    return row >= this.row && row <= this.endRow && column >= this.column && column <= this.endColumn;
  }
}

counted(StandInRange, 'Range', 'Spreadsheet', RANGE_METHODS, 'readOnly');

/** The stand-in behind a Range handed out earlier; anything else is refused like a foreign object. */
export function standInRange(range: GasRange | StandInRange, ctx: StandInContext): StandInRange {
  return ownObject(StandInRange, range, 'range', ctx);
}
