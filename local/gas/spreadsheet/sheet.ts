// Sheet: one tab of the stand-in spreadsheet (1000 × 26 cells when created, like Sheets).
import { ownObject, type StandInContext } from '../context';
import { counted } from '../counter';
import type { SheetModel } from '../formula/values';
import { parseA1 } from './a1';
import { StandInEmbeddedChart, StandInEmbeddedChartBuilder } from './chart';
import { standInRule, type StandInConditionalFormatRule } from './conditionalFormat';
import { StandInDeveloperMetadata } from './developerMetadata';
import { Grid } from './grid';
import { StandInProtection } from './protection';
import { StandInRange, standInRange } from './range';
import type { StandInSpreadsheet } from './spreadsheet';
import {
  asGas,
  type GasConditionalFormatRule,
  type GasEmbeddedChart,
  type GasEmbeddedChartBuilder,
  type GasProtection,
  type GasProtectionType,
  type GasRange,
  type GasSheet,
  type GasSpreadsheet,
} from './types';

const SHEET_METHODS = [
  'activate',
  'addDeveloperMetadata',
  'appendRow',
  'autoResizeColumn',
  'autoResizeColumns',
  'clear',
  'clearConditionalFormatRules',
  'clearContents',
  'clearFormats',
  'clearNotes',
  'deleteColumns',
  'deleteRow',
  'deleteRows',
  'getActiveRange',
  'getCharts',
  'getColumnWidth',
  'getConditionalFormatRules',
  'getDataRange',
  'getDeveloperMetadata',
  'getFrozenColumns',
  'getFrozenRows',
  'getIndex',
  'getLastColumn',
  'getLastRow',
  'getMaxColumns',
  'getMaxRows',
  'getName',
  'getParent',
  'getProtections',
  'getRange',
  'getRowHeight',
  'getSheetId',
  'getSheetName',
  'getSheetValues',
  'getTabColor',
  'hideColumns',
  'hideRows',
  'hideSheet',
  'insertChart',
  'insertColumnsAfter',
  'insertColumnsBefore',
  'insertRowsAfter',
  'insertRowsBefore',
  'isColumnHiddenByUser',
  'isRowHiddenByUser',
  'isSheetHidden',
  'newChart',
  'protect',
  'removeChart',
  'setActiveRange',
  'setActiveSelection',
  'setColumnWidth',
  'setColumnWidths',
  'setConditionalFormatRules',
  'setFrozenColumns',
  'setFrozenRows',
  'setName',
  'setRowHeight',
  'setTabColor',
  'showColumns',
  'showRows',
  'showSheet',
  'updateChart',
] as const;
type SheetMethod = (typeof SHEET_METHODS)[number];

export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

interface Merge {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export class StandInSheet implements Pick<GasSheet, SheetMethod>, SheetModel {
  readonly ctx: StandInContext;
  readonly grid: Grid;
  /** Conditional-format rules, in priority order. */
  rules: StandInConditionalFormatRule[] = [];
  readonly charts: StandInEmbeddedChart[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  readonly merges: Merge[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  /** Sheet-level developer metadata, in the order added. */
  readonly developerMetadata: StandInDeveloperMetadata[] = [];

  constructor(
    readonly spreadsheet: StandInSpreadsheet,
    public name: string,
    readonly sheetId: number,
    rows = 1000,
    columns = 26,
  ) {
    this.ctx = spreadsheet.ctx;
    this.grid = new Grid(rows, columns);
  }

  // ── internals (not counted) ──

  /** A range after the bounds checks Apps Script makes. */
  rangeAt(row: number, column: number, numRows: number, numColumns: number): GasRange {
    if (![row, column, numRows, numColumns].every(Number.isInteger))
      throw this.ctx.error('Invalid argument: range coordinates must be integers');
    if (row < 1) throw this.ctx.error('The starting row of the range is too small.');
    if (column < 1) throw this.ctx.error('The starting column of the range is too small.');
    if (numRows < 1) throw this.ctx.error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw this.ctx.error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.grid.maxRows || column + numColumns - 1 > this.grid.maxColumns) {
      throw this.ctx.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return asGas<GasRange>(new StandInRange(this, row, column, numRows, numColumns));
  }

  rangeA1(a1: string): GasRange {
    const ref = parseA1(a1);
    if (!ref || (ref.sheet !== undefined && ref.sheet !== this.name)) throw this.ctx.error('Range not found');
    const row = ref.startRow ?? 1;
    const column = ref.startCol ?? 1;
    const endRow = ref.endRow ?? this.grid.maxRows;
    const endColumn = ref.endCol ?? this.grid.maxColumns;
    return this.rangeAt(row, column, endRow - row + 1, endColumn - column + 1);
  }

  addMerge(row: number, column: number, numRows: number, numColumns: number): void {
    if (numRows * numColumns > 1) this.merges.push({ row, column, numRows, numColumns });
  }

  mergesWithin(row: number, column: number, endRow: number, endColumn: number): Merge[] {
    return this.merges.filter(
      (m) =>
        m.row <= endRow &&
        m.row + m.numRows - 1 >= row &&
        m.column <= endColumn &&
        m.column + m.numColumns - 1 >= column,
    );
  }

  removeMerges(row: number, column: number, endRow: number, endColumn: number): void {
    for (const m of this.mergesWithin(row, column, endRow, endColumn))
      this.merges.splice(this.merges.indexOf(m), 1);
  }

  private self(): GasSheet {
    return asGas<GasSheet>(this);
  }

  private changed(): void {
    this.spreadsheet.engine.markDirty();
  }

  // ── identity ──

  getName(): string {
    return this.name;
  }

  getSheetName(): string {
    return this.name;
  }

  setName(name: string): GasSheet {
    if (name !== this.name) this.spreadsheet.checkNewSheetName(name);
    this.name = name;
    this.changed();
    return this.self();
  }

  getSheetId(): number {
    return this.sheetId;
  }

  getIndex(): number {
    return this.spreadsheet.sheetList.indexOf(this) + 1;
  }

  getParent(): GasSpreadsheet {
    return asGas<GasSpreadsheet>(this.spreadsheet);
  }

  activate(): GasSheet {
    this.spreadsheet.activate(this);
    return this.self();
  }

  getActiveRange(): GasRange | null {
    const active = this.spreadsheet.activeRange;
    return active && active.sheet === this ? asGas<GasRange>(active) : null;
  }

  setActiveRange(range: GasRange): GasRange {
    const r = standInRange(range, this.ctx);
    this.spreadsheet.activate(this, r);
    return range;
  }

  setActiveSelection(range: GasRange | string): GasRange {
    const r = typeof range === 'string' ? this.rangeA1(range) : range;
    this.spreadsheet.activate(this, standInRange(r, this.ctx));
    return r;
  }

  getTabColor(): string | null {
    return this.tabColor;
  }

  setTabColor(color: string | null): GasSheet {
    this.tabColor = color;
    return this.self();
  }

  hideSheet(): GasSheet {
    this.hidden = true;
    return this.self();
  }

  showSheet(): GasSheet {
    this.hidden = false;
    return this.self();
  }

  isSheetHidden(): boolean {
    return this.hidden;
  }

  // ── developer metadata (sheet level) ──

  /** addDeveloperMetadata(key, [value], [visibility]): the visibility is accepted and not modelled. */
  addDeveloperMetadata(key: string, value?: unknown, _visibility?: unknown): GasSheet {
    if (key === undefined || key === null || String(key) === '')
      throw this.ctx.error('Invalid argument: key');
    this.developerMetadata.push(
      new StandInDeveloperMetadata(this, String(key), typeof value === 'string' ? value : null),
    );
    return this.self();
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return this.developerMetadata.map((m) => asGas<GoogleAppsScript.Spreadsheet.DeveloperMetadata>(m));
  }

  // ── ranges and data ──

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GasRange {
    if (typeof a === 'string') return this.rangeA1(a);
    return this.rangeAt(a, column ?? NaN, numRows ?? 1, numColumns ?? 1);
  }

  getDataRange(): GasRange {
    this.spreadsheet.engine.ensure();
    return this.rangeAt(1, 1, Math.max(this.grid.lastRow(), 1), Math.max(this.grid.lastColumn(), 1));
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const rows = numRows === -1 ? this.grid.lastRow() - startRow + 1 : numRows;
    const columns = numColumns === -1 ? this.grid.lastColumn() - startColumn + 1 : numColumns;
    return standInRange(this.rangeAt(startRow, startColumn, rows, columns), this.ctx).readValues();
  }

  getLastRow(): number {
    this.spreadsheet.engine.ensure();
    return this.grid.lastRow();
  }

  getLastColumn(): number {
    this.spreadsheet.engine.ensure();
    return this.grid.lastColumn();
  }

  getMaxRows(): number {
    return this.grid.maxRows;
  }

  getMaxColumns(): number {
    return this.grid.maxColumns;
  }

  /** Writes after the last row with content, growing the sheet when it is full (as Sheets does). */
  appendRow(rowContents: unknown[]): GasSheet {
    this.spreadsheet.engine.ensure();
    const row = this.grid.lastRow() + 1;
    if (row > this.grid.maxRows) this.grid.insertRows(this.grid.maxRows, row - this.grid.maxRows);
    if (rowContents.length > this.grid.maxColumns)
      this.grid.insertColumns(this.grid.maxColumns, rowContents.length - this.grid.maxColumns);
    if (rowContents.length > 0) {
      standInRange(this.rangeAt(row, 1, 1, rowContents.length), this.ctx).writeValues([rowContents]);
    }
    return this.self();
  }

  clear(options?: { formatOnly?: boolean | undefined; contentsOnly?: boolean | undefined }): GasSheet {
    const all = !options?.formatOnly && !options?.contentsOnly;
    this.all().clearCells({ contents: all || options?.contentsOnly, formats: all || options?.formatOnly });
    return this.self();
  }

  clearContents(): GasSheet {
    this.all().clearCells({ contents: true });
    return this.self();
  }

  clearFormats(): GasSheet {
    this.all().clearCells({ formats: true });
    return this.self();
  }

  clearNotes(): GasSheet {
    this.all().clearCells({ notes: true });
    return this.self();
  }

  private all(): StandInRange {
    return new StandInRange(this, 1, 1, this.grid.maxRows, this.grid.maxColumns);
  }

  // ── rows and columns (formula references and rule ranges are not adjusted on insert/delete) ──

  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    if (afterPosition < 0 || afterPosition > this.grid.maxRows)
      throw this.ctx.error('Those rows are out of bounds.');
    this.grid.insertRows(afterPosition, howMany);
    this.changed();
    return this.self();
  }

  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.insertRowsAfter(beforePosition - 1, howMany);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    if (afterPosition < 0 || afterPosition > this.grid.maxColumns)
      throw this.ctx.error('Those columns are out of bounds.');
    this.grid.insertColumns(afterPosition, howMany);
    this.changed();
    return this.self();
  }

  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    return this.insertColumnsAfter(beforePosition - 1, howMany);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.grid.maxRows)
      throw this.ctx.error('Those rows are out of bounds.');
    if (howMany >= this.grid.maxRows - this.frozenRows)
      throw this.ctx.error('Sorry, it is not possible to delete all non-frozen rows.');
    this.grid.deleteRows(rowPosition, howMany);
    this.changed();
  }

  deleteRow(rowPosition: number): GasSheet {
    this.deleteRows(rowPosition, 1);
    return this.self();
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || columnPosition + howMany - 1 > this.grid.maxColumns)
      throw this.ctx.error('Those columns are out of bounds.');
    if (howMany >= this.grid.maxColumns - this.frozenColumns)
      throw this.ctx.error('Sorry, it is not possible to delete all non-frozen columns.');
    this.grid.deleteColumns(columnPosition, howMany);
    this.changed();
  }

  getFrozenRows(): number {
    return this.frozenRows;
  }

  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }

  getFrozenColumns(): number {
    return this.frozenColumns;
  }

  setFrozenColumns(columns: number): void {
    this.frozenColumns = columns;
  }

  getColumnWidth(columnPosition: number): number {
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(columnPosition: number, width: number): GasSheet {
    this.columnWidths.set(columnPosition, width);
    return this.self();
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this.self();
  }

  /** Recorded as "fit to content": a width from the longest displayed text. */
  autoResizeColumns(startColumn: number, numColumns: number): GasSheet {
    this.spreadsheet.engine.ensure();
    const last = Math.max(this.grid.lastRow(), 1);
    const texts = standInRange(this.rangeAt(1, startColumn, last, numColumns), this.ctx).readDisplayValues();
    for (let j = 0; j < numColumns; j++) {
      const longest = Math.max(0, ...texts.map((row) => row[j]!.length));
      this.columnWidths.set(startColumn + j, Math.max(30, Math.min(500, 7 * longest + 10)));
    }
    return this.self();
  }

  autoResizeColumn(columnPosition: number): GasSheet {
    return this.autoResizeColumns(columnPosition, 1);
  }

  getRowHeight(rowPosition: number): number {
    return this.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }

  setRowHeight(rowPosition: number, height: number): GasSheet {
    this.rowHeights.set(rowPosition, height);
    return this.self();
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.add(c);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.delete(c);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.hiddenColumns.has(columnPosition);
  }

  hideRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.add(r);
  }

  showRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.delete(r);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    return this.hiddenRows.has(rowPosition);
  }

  // ── conditional formats ──

  getConditionalFormatRules(): GasConditionalFormatRule[] {
    return this.rules.map((rule) => asGas<GasConditionalFormatRule>(rule));
  }

  /** Replaces the whole list: rules not passed are gone (read, filter and append to keep others'). */
  setConditionalFormatRules(rules: GasConditionalFormatRule[]): void {
    this.rules = rules.map((rule) => standInRule(rule, this.ctx));
  }

  clearConditionalFormatRules(): void {
    this.rules = [];
  }

  // ── protection ──

  /** Returns the sheet's existing protection when there is one, as Apps Script does. */
  protect(): GasProtection {
    const existing = this.spreadsheet.protections.find((p) => p.sheet === this && p.type === 'SHEET');
    if (existing) return asGas<GasProtection>(existing);
    return this.spreadsheet.addProtection(new StandInProtection(this, 'SHEET'));
  }

  getProtections(type: GasProtectionType): GasProtection[] {
    return this.spreadsheet.protections
      .filter((p) => p.sheet === this && p.type === String(type))
      .map((p) => asGas<GasProtection>(p));
  }

  // ── charts (recorded, not drawn) ──

  newChart(): GasEmbeddedChartBuilder {
    return asGas<GasEmbeddedChartBuilder>(new StandInEmbeddedChartBuilder(this.ctx));
  }

  insertChart(chart: GasEmbeddedChart): void {
    const c = StandInEmbeddedChart.from(chart, this.ctx);
    c.chartId ??= this.spreadsheet.nextChartId();
    this.charts.push(c);
  }

  updateChart(chart: GasEmbeddedChart): void {
    const c = StandInEmbeddedChart.from(chart, this.ctx);
    const i = this.charts.findIndex((x) => x.chartId === c.chartId);
    if (i < 0) throw this.ctx.error('The chart is not in this sheet.');
    this.charts[i] = c;
  }

  removeChart(chart: GasEmbeddedChart): void {
    const c = StandInEmbeddedChart.from(chart, this.ctx);
    const i = this.charts.findIndex((x) => x.chartId === c.chartId);
    if (i >= 0) this.charts.splice(i, 1);
  }

  getCharts(): GasEmbeddedChart[] {
    return this.charts.map((c) => asGas<GasEmbeddedChart>(c));
  }
}

counted(StandInSheet, 'Sheet', 'Spreadsheet', SHEET_METHODS, 'readOnly');

export function standInSheet(sheet: GasSheet | StandInSheet, ctx: StandInContext): StandInSheet {
  return ownObject(StandInSheet, sheet, 'sheet', ctx);
}
