// Evaluates the formula cells of the workbook, in dependency order, the way Sheets shows results:
// a scalar fills the formula cell; a 2-D array spills down and right (#REF! when a target cell holds
// data); a thrown error shows #ERROR! with its message; an unknown function #NAME?. Custom functions
// get a single cell as its value and a range as a 2-D array (empty cells ""), and run in the
// 'customFunction' mode (services that need authorization refuse to run). Nothing here is counted as
// a service call. Recalculation is lazy: writes mark the book dirty, reads call ensure().
//
// Recalculation by dependency, as Sheets does it (https://developers.google.com/apps-script/guides/sheets/functions:
// each custom-function cell is a separate call to the Apps Script server, and a custom function is
// recalculated when its arguments change, never on its own): a write that only changes VALUES recalculates the
// formulas whose references contain an edited cell, directly or through cells other formulas fill (spilled
// ranges included), and nothing else. A write that adds, changes or removes a formula, or changes the sheet's
// shape (rows, columns, tabs), recalculates everything. Every custom-function execution is recorded with its
// duration (executions()), which the benchmark and the tests count.
import { inMode, type StandInContext } from '../context';
import { cellA1 } from '../spreadsheet/a1';
import { hasOwnContent, type Cell, type Scalar } from '../spreadsheet/grid';
import { cellValue } from '../spreadsheet/values';
import { isDate, toSerial } from '../time';
import { BUILTINS, toNumber, toText, truthy, type BuiltinHelpers } from './builtins';
import { FormulaSyntaxError, isVolatile, parseFormula, type Node } from './parser';
import {
  CIRCULAR,
  FormulaError,
  isRange,
  VOLATILE_REFERENCE,
  type RangeValue,
  type SheetModel,
  type Value,
} from './values';

export type CustomFunction = (...args: unknown[]) => unknown;

export interface Workbook {
  sheets(): readonly SheetModel[];
  sheetByName(name: string): SheetModel | undefined;
  /** IMPORTRANGE from another spreadsheet (local/gas/drive.ts); absent: #REF!. */
  importRange?(url: string, range: string): Scalar[][] | FormulaError;
  /** True when a spreadsheet this one imports from changed since the last import. */
  importsChanged?(): boolean;
}

interface Site {
  sheet: SheetModel;
  cell: Cell;
  row: number;
  column: number;
}

interface SheetFormulas {
  sites: Site[];
  /** Every site before this index is evaluated (sites are in row-major order). */
  cursor: number;
}

interface Scope {
  sheet: SheetModel;
  row: number;
  column: number;
  /** Shift applied to relative references (conditional formats evaluated for another cell). */
  rowShift: number;
  columnShift: number;
}

class Circular extends Error {}

/** A rectangle of one sheet (1-based, inclusive). */
export interface Rect {
  sheet: SheetModel;
  row: number;
  column: number;
  endRow: number;
  endColumn: number;
}

/** One custom-function execution: which function, in which cell, and how long it ran. */
export interface Execution {
  name: string;
  sheet: string;
  row: number;
  column: number;
  /** Wall-clock time of the call. */
  ms: number;
  /** CPU time of this process during the call (what it costs when other work shares the cores). */
  cpuMs: number;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function intersects(a: Rect, b: Rect): boolean {
  return (
    a.sheet === b.sheet &&
    a.row <= b.endRow &&
    b.row <= a.endRow &&
    a.column <= b.endColumn &&
    b.column <= a.endColumn
  );
}

/** What recalculation by dependency keeps per formula cell. */
interface SiteDeps {
  /** Every rectangle the formula references (all branches: a conservative superset). */
  refs: Rect[];
  /** The cells its result fills (the formula cell and its spill). */
  filled: Rect;
  /** Spill targets it wrote (cleared before it is evaluated again). */
  targets: Cell[];
}

type Parsed = Node | FormulaError;

export class FormulaEngine {
  private readonly custom = new Map<string, CustomFunction>();
  private readonly parsed = new Map<string, Parsed>();
  private dirty = true;
  private running = false;
  private touched: Cell[] = [];
  /** Value edits since the last calculation (recalculated by dependency unless `dirty`). */
  private edits: Rect[] = [];
  private deps = new Map<Cell, SiteDeps>();
  private runs: Execution[] = [];

  private state = new Map<Cell, 'busy' | 'done'>();
  private formulas = new Map<SheetModel, SheetFormulas>();

  constructor(
    private readonly book: Workbook,
    private readonly ctx: StandInContext,
  ) {}

  /** Registers the custom functions formulas may call (names are case-insensitive, like Sheets'). */
  setCustomFunctions(fns: Record<string, CustomFunction>): void {
    for (const [name, fn] of Object.entries(fns)) this.custom.set(name.toUpperCase(), fn);
    this.dirty = true;
  }

  /** Something other than values changed (a formula, rows, columns, tabs): everything recalculates. */
  markDirty(): void {
    this.dirty = true;
    this.version++;
  }

  /** Grows on every change of content (what IMPORTRANGE receivers compare). */
  version = 0;

  /** Only values changed in this rectangle: the formulas that depend on it recalculate. */
  markEdited(rect: Rect): void {
    this.version++;
    if (!this.dirty) this.edits.push(rect);
  }

  /** Custom-function executions since the last reset, in order. */
  executions(): readonly Execution[] {
    return this.runs;
  }

  resetExecutions(): void {
    this.runs = [];
  }

  /** Recalculates when something changed since the last calculation (reads call this). */
  ensure(): void {
    if (this.running) return;
    // A source of IMPORTRANGE changed: receiving documents refresh (support.google.com/docs/answer/3093340).
    if (this.book.importsChanged?.()) this.dirty = true;
    if (this.dirty) this.recalculate();
    else if (this.edits.length) this.recalculateEdited();
  }

  /**
   * Recalculation by dependency: the formulas whose references meet an edited cell, then those whose
   * references meet what those fill, and so on; the others keep their results. A formula whose spill
   * changed shape spreads the change to the cells it now fills or no longer fills.
   */
  private recalculateEdited(): void {
    this.running = true;
    try {
      let pending = this.edits;
      this.edits = [];
      const all: Site[] = [];
      for (const { sites } of this.formulas.values()) all.push(...sites);
      // A formula recalculated in this pass read final values (precursors are evaluated first): later
      // rounds only reach the others.
      const recalculated = new Set<Site>();
      for (let round = 0; pending.length > 0; round++) {
        if (round > 20) {
          this.running = false;
          this.recalculate();
          return;
        }
        const affected = new Set<Site>();
        let frontier = pending;
        // Typed cells (not cells a formula fills) may also block or free a spill: the formula whose spill
        // area holds one, and any formula showing a blocked spill (#REF!), recalculates too.
        let typed = round === 0;
        while (frontier.length) {
          const next: Rect[] = [];
          for (const site of all) {
            if (affected.has(site) || recalculated.has(site)) continue;
            const d = this.deps.get(site.cell);
            const hit =
              !d ||
              frontier.some((r) => d.refs.some((ref) => intersects(ref, r))) ||
              (typed && (site.cell.result === '#REF!' || frontier.some((r) => intersects(d.filled, r))));
            if (!hit) continue;
            affected.add(site);
            if (d) next.push(d.filled);
          }
          frontier = next;
          typed = false;
        }
        pending = [];
        if (!affected.size) break;
        for (const site of affected) recalculated.add(site);
        const before = new Map<Site, Rect | undefined>();
        for (const site of affected) {
          const d = this.deps.get(site.cell);
          before.set(site, d?.filled);
          for (const cell of d?.targets ?? []) {
            if (cell.spilledFrom !== site.cell) continue;
            delete cell.result;
            delete cell.error;
            delete cell.spilledFrom;
          }
          delete site.cell.result;
          delete site.cell.error;
          this.state.delete(site.cell);
        }
        for (const list of this.formulas.values()) {
          for (const site of list.sites) if (!affected.has(site)) this.state.set(site.cell, 'done');
          list.cursor = 0;
        }
        for (const list of this.formulas.values()) for (const site of list.sites) this.evaluateSite(site);
        for (const [site, old] of before) {
          const now = this.deps.get(site.cell)?.filled;
          if (!old || !now) continue;
          if (old.endRow !== now.endRow || old.endColumn !== now.endColumn) {
            pending.push({
              sheet: old.sheet,
              row: old.row,
              column: old.column,
              endRow: Math.max(old.endRow, now.endRow),
              endColumn: Math.max(old.endColumn, now.endColumn),
            });
          }
        }
      }
    } finally {
      this.running = false;
    }
  }

  recalculate(): void {
    if (this.running) return;
    this.running = true;
    try {
      for (const cell of this.touched) {
        delete cell.result;
        delete cell.error;
        delete cell.spilledFrom;
      }
      this.touched = [];
      this.edits = [];
      this.state = new Map();
      this.formulas = new Map();
      this.deps = new Map();
      for (const sheet of this.book.sheets()) {
        const sites: Site[] = [];
        sheet.grid.forEach((cell, row, column) => {
          if (cell.formula !== undefined) sites.push({ sheet, cell, row, column });
        });
        this.formulas.set(sheet, { sites, cursor: 0 });
      }
      this.dirty = false;
      for (const { sites } of this.formulas.values()) for (const site of sites) this.evaluateSite(site);
    } finally {
      this.running = false;
    }
  }

  /**
   * Evaluates `formula` as if it were in (row, column), its relative references written for
   * (anchorRow, anchorColumn): how a conditional-format custom formula is judged for each cell.
   */
  evaluateAt(
    formula: string,
    sheet: SheetModel,
    anchorRow: number,
    anchorColumn: number,
    row: number,
    column: number,
  ): Scalar {
    this.ensure();
    const node = this.parse(formula);
    if (node instanceof FormulaError) return node.code;
    const scope: Scope = {
      sheet,
      row,
      column,
      rowShift: row - anchorRow,
      columnShift: column - anchorColumn,
    };
    try {
      const v = this.scalar(this.evaluate(node, scope));
      return v instanceof FormulaError ? v.code : v;
    } catch (e) {
      if (e instanceof Circular) return '#REF!';
      throw e;
    }
  }

  private parse(formula: string): Parsed {
    let node = this.parsed.get(formula);
    if (!node) {
      try {
        node = parseFormula(formula.startsWith('=') ? formula.slice(1) : formula);
      } catch (e) {
        if (!(e instanceof FormulaSyntaxError)) throw e;
        node = new FormulaError('#ERROR!', 'Formula parse error.');
      }
      this.parsed.set(formula, node);
    }
    return node;
  }

  private evaluateSite(site: Site): void {
    if (this.state.has(site.cell)) return;
    this.state.set(site.cell, 'busy');
    let result: Value | Scalar[][];
    const node = this.parse(site.cell.formula!);
    if (node instanceof FormulaError) result = node;
    else {
      const scope: Scope = {
        sheet: site.sheet,
        row: site.row,
        column: site.column,
        rowShift: 0,
        columnShift: 0,
      };
      try {
        result = this.evaluateTop(node, scope);
      } catch (e) {
        if (!(e instanceof Circular)) throw e;
        result = new FormulaError('#REF!', CIRCULAR);
      }
    }
    this.deps.set(site.cell, {
      refs: node instanceof FormulaError ? [] : this.references(node, site.sheet),
      filled: {
        sheet: site.sheet,
        row: site.row,
        column: site.column,
        endRow: site.row,
        endColumn: site.column,
      },
      targets: [],
    });
    this.apply(site, result);
    this.state.set(site.cell, 'done');
  }

  private evaluateTop(node: Node, scope: Scope): Value | Scalar[][] {
    if (node.kind === 'call' && node.name === 'IMPORTRANGE') return this.importRange(node, scope);
    // ARRAYFORMULA(CUSTOM(…)): the custom function's arguments are computed cell by cell (guardedRange).
    const inner = node.kind === 'call' && node.name === 'ARRAYFORMULA' ? node.args[0] : undefined;
    if (
      inner?.kind === 'call' &&
      !BUILTINS[inner.name] &&
      !['IF', 'IFERROR', '#ERRORVALUE'].includes(inner.name)
    )
      return this.callCustom(inner, scope, true);
    if (
      node.kind === 'call' &&
      !BUILTINS[node.name] &&
      !['IF', 'IFERROR', '#ERRORVALUE', 'ARRAYFORMULA'].includes(node.name)
    ) {
      return this.callCustom(node, scope);
    }
    const value = this.evaluate(node, scope);
    if (isRange(value) && (value.row !== value.endRow || value.column !== value.endColumn)) {
      return this.readRange(value);
    }
    return this.scalar(value);
  }

  private apply(site: Site, result: Value | Scalar[][]): void {
    const { cell, row, column, sheet } = site;
    this.touched.push(cell);
    if (result instanceof FormulaError) {
      cell.result = result.code;
      cell.error = result.message;
      return;
    }
    if (!Array.isArray(result)) {
      cell.result = isRange(result) ? '' : result;
      return;
    }
    const grid = sheet.grid;
    const height = result.length;
    const width = Math.max(...result.map((r) => r.length));
    const fail = (message: string): void => {
      cell.result = '#REF!';
      cell.error = message;
    };
    if (row + height - 1 > grid.maxRows) {
      return fail(
        `Result was not automatically expanded, please insert more rows (${row + height - 1 - grid.maxRows}).`,
      );
    }
    if (column + width - 1 > grid.maxColumns) {
      return fail(
        `Result was not automatically expanded, please insert more columns (${column + width - 1 - grid.maxColumns}).`,
      );
    }
    for (let i = 0; i < height; i++) {
      for (let j = 0; j < width; j++) {
        if (i === 0 && j === 0) continue;
        const target = grid.get(row + i, column + j);
        if (hasOwnContent(target) || target?.spilledFrom) {
          return fail(
            `Array result was not expanded because it would overwrite data in ${cellA1(row + i, column + j)}.`,
          );
        }
      }
    }
    for (let i = 0; i < height; i++) {
      for (let j = 0; j < width; j++) {
        const value = result[i]![j] ?? '';
        if (i === 0 && j === 0) {
          cell.result = value;
          continue;
        }
        const target = grid.ensure(row + i, column + j);
        target.result = value;
        target.spilledFrom = cell;
        this.touched.push(target);
        this.deps.get(cell)?.targets.push(target);
      }
    }
    const d = this.deps.get(cell);
    if (d) d.filled = { sheet, row, column, endRow: row + height - 1, endColumn: column + width - 1 };
  }

  /** Every rectangle a formula references, whatever branch it takes. */
  private references(node: Node, sheet: SheetModel): Rect[] {
    const out: Rect[] = [];
    const walk = (n: Node): void => {
      if (n.kind === 'ref') {
        const v = this.resolve(n, { sheet, row: 0, column: 0, rowShift: 0, columnShift: 0 });
        if (isRange(v)) out.push(v);
      } else if (n.kind === 'call') n.args.forEach(walk);
      else if (n.kind === 'unary' || n.kind === 'percent') walk(n.operand);
      else if (n.kind === 'binary') {
        walk(n.left);
        walk(n.right);
      }
    };
    walk(node);
    return out;
  }

  // ── evaluation ──

  private evaluate(node: Node, scope: Scope): Value {
    switch (node.kind) {
      case 'number':
      case 'string':
      case 'boolean':
        return node.value;
      case 'empty':
        return '';
      case 'ref':
        return this.resolve(node, scope);
      case 'unary': {
        const n = toNumber(this.scalar(this.evaluate(node.operand, scope)), this.ctx.timeZone);
        return n instanceof FormulaError ? n : node.op === '-' ? -n : n;
      }
      case 'percent': {
        const n = toNumber(this.scalar(this.evaluate(node.operand, scope)), this.ctx.timeZone);
        return n instanceof FormulaError ? n : n / 100;
      }
      case 'binary':
        return this.binary(
          node.op,
          this.scalar(this.evaluate(node.left, scope)),
          this.scalar(this.evaluate(node.right, scope)),
        );
      case 'call':
        return this.call(node, scope);
    }
  }

  private resolve(node: Extract<Node, { kind: 'ref' }>, scope: Scope): Value {
    const ref = node.ref;
    const sheet = ref.sheet === undefined ? scope.sheet : this.book.sheetByName(ref.sheet);
    if (!sheet) return new FormulaError('#REF!', `Unresolved sheet name '${ref.sheet}'.`);
    const shift = (v: number | undefined, abs: boolean, by: number, fallback: number): number =>
      v === undefined ? fallback : abs ? v : v + by;
    const grid = sheet.grid;
    const range: RangeValue = {
      kind: 'range',
      sheet,
      row: shift(ref.startRow, ref.startRowAbs, scope.rowShift, 1),
      column: shift(ref.startCol, ref.startColAbs, scope.columnShift, 1),
      endRow: shift(ref.endRow, ref.endRowAbs, scope.rowShift, grid.maxRows),
      endColumn: shift(ref.endCol, ref.endColAbs, scope.columnShift, grid.maxColumns),
    };
    if (range.row < 1 || range.column < 1) return new FormulaError('#REF!', 'Reference does not exist.');
    return range;
  }

  private call(node: Extract<Node, { kind: 'call' }>, scope: Scope): Value {
    const h = this.helpers();
    switch (node.name) {
      case '#ERRORVALUE': {
        const code = (node.args[0] as { value: string }).value;
        return new FormulaError(code, `${code} in formula.`);
      }
      case 'IF': {
        const condition = truthy(
          this.scalar(this.evaluate(node.args[0] ?? { kind: 'empty' }, scope)),
          this.ctx.timeZone,
        );
        if (condition instanceof FormulaError) return condition;
        const branch = condition ? node.args[1] : node.args[2];
        return branch ? this.evaluate(branch, scope) : condition ? true : false;
      }
      case 'IFERROR': {
        const v = this.scalar(this.evaluate(node.args[0] ?? { kind: 'empty' }, scope));
        if (!(v instanceof FormulaError)) return v;
        return node.args[1] ? this.evaluate(node.args[1], scope) : '';
      }
      case 'ARRAYFORMULA':
        return this.evaluate(node.args[0] ?? { kind: 'empty' }, scope);
      case 'IMPORTRANGE': {
        const r = this.importRange(node, scope);
        return Array.isArray(r) ? (r[0]?.[0] ?? '') : r;
      }
    }
    const builtin = BUILTINS[node.name];
    if (builtin)
      return builtin(
        node.args.map((a) => this.evaluate(a, scope)),
        h,
        node.name,
      );
    const result = this.callCustom(node, scope);
    return Array.isArray(result) ? (result[0]?.[0] ?? '') : result;
  }

  /**
   * In ARRAYFORMULA, `IFERROR(range; fallback)` as an argument: the range with each error cell replaced by
   * the fallback, cell by cell (what an array formula computes); null for any other argument.
   */
  private guardedRange(arg: Node, scope: Scope): Scalar[][] | FormulaError | null {
    if (arg.kind !== 'call' || arg.name !== 'IFERROR' || !arg.args[0]) return null;
    const inner = this.evaluate(arg.args[0], scope);
    if (!isRange(inner)) return null;
    const fallback = arg.args[1] ? this.scalar(this.evaluate(arg.args[1], scope)) : '';
    if (fallback instanceof FormulaError) return fallback;
    return this.readRangeErrors(inner).map((row) =>
      row.map((x) => (x instanceof FormulaError ? fallback : x)),
    );
  }

  /** IMPORTRANGE(spreadsheet_url, range_string): both arguments text (a literal or a cell's value). */
  private importRange(node: Extract<Node, { kind: 'call' }>, scope: Scope): Scalar[][] | FormulaError {
    const [url, range] = [0, 1].map((i) =>
      this.scalar(this.evaluate(node.args[i] ?? { kind: 'empty' }, scope)),
    );
    if (url instanceof FormulaError) return url;
    if (range instanceof FormulaError) return range;
    if (!this.book.importRange) return new FormulaError('#REF!', 'Could not find the spreadsheet.');
    return this.book.importRange(String(url), String(range));
  }

  /** Calls a custom function the way Sheets does and normalises what it returns. */
  private callCustom(
    node: Extract<Node, { kind: 'call' }>,
    scope: Scope,
    arrayMode = false,
  ): Value | Scalar[][] {
    const fn = this.custom.get(node.name);
    if (!fn) return new FormulaError('#NAME?', `Unknown function: '${node.name}'.`);
    if (node.args.some(isVolatile)) {
      // Sheets never finishes such a call: the cell keeps showing "Loading...".
      return new FormulaError(
        'Loading...',
        'Custom functions cannot take NOW(), TODAY(), RAND() or RANDBETWEEN() arguments.',
      );
    }
    const args: unknown[] = [];
    for (const arg of node.args) {
      const guarded = arrayMode ? this.guardedRange(arg, scope) : null;
      if (guarded instanceof FormulaError) return guarded;
      if (guarded) {
        args.push(guarded);
        continue;
      }
      const v = this.evaluate(arg, scope);
      if (v instanceof FormulaError) return v;
      if (isRange(v)) {
        if (this.referencesVolatile(v)) return new FormulaError('#ERROR!', VOLATILE_REFERENCE);
        if (v.row === v.endRow && v.column === v.endColumn) {
          const single = this.readCell(v.sheet, v.row, v.column);
          if (single instanceof FormulaError) return single;
          args.push(single);
        } else if (this.ctx.behaviours.errorArguments === 'propagate') {
          // Switch 'propagate': an error cell anywhere in the range is the formula's result.
          const rows = this.readRangeErrors(v);
          const error = rows.flat().find((x): x is FormulaError => x instanceof FormulaError);
          if (error) return error;
          args.push(rows as Scalar[][]);
        } else args.push(this.readRange(v));
      } else args.push(v);
    }
    let returned: unknown;
    const started = performance.now();
    const cpu = process.cpuUsage();
    try {
      returned = inMode(this.ctx, 'customFunction', () => fn(...args));
    } catch (e) {
      const message =
        typeof e === 'object' && e !== null && 'message' in e ? String((e as Error).message) : String(e);
      return new FormulaError('#ERROR!', message);
    } finally {
      this.runs.push({
        name: node.name,
        sheet: scope.sheet.name,
        row: scope.row,
        column: scope.column,
        ms: performance.now() - started,
        cpuMs: cpuSince(cpu),
      });
    }
    return normalise(returned);
  }

  private referencesVolatile(range: RangeValue): boolean {
    const list = this.formulas.get(range.sheet);
    if (!list) return false;
    return list.sites.some((s) => {
      if (s.row < range.row || s.row > range.endRow || s.column < range.column || s.column > range.endColumn)
        return false;
      const node = this.parse(s.cell.formula!);
      return !(node instanceof FormulaError) && isVolatile(node);
    });
  }

  // ── reading cells ──

  /**
   * Evaluates every pending formula whose value or spill could land in the rectangle (formulas above
   * and to the left of its bottom-right corner), so readers see final values.
   */
  private ensurePrecursors(
    sheet: SheetModel,
    row: number,
    column: number,
    endRow: number,
    endColumn: number,
  ): void {
    const list = this.formulas.get(sheet);
    if (!list) return;
    const { sites } = list;
    for (let i = list.cursor; i < sites.length; i++) {
      const site = sites[i]!;
      if (site.row > endRow) break;
      if (site.column > endColumn) continue;
      const state = this.state.get(site.cell);
      if (state === 'done') continue;
      const inside = site.row >= row && site.column >= column && site.column <= endColumn;
      if (state === 'busy') {
        if (inside) throw new Circular();
        continue; // it may spill here, but it is waiting on us: read what is there now
      }
      this.evaluateSite(site);
    }
    while (list.cursor < sites.length && this.state.get(sites[list.cursor]!.cell) === 'done') list.cursor++;
  }

  private readCell(sheet: SheetModel, row: number, column: number): Scalar | FormulaError {
    this.ensurePrecursors(sheet, row, column, row, column);
    const cell = sheet.grid.get(row, column);
    return errorOf(cell) ?? cellValue(cell, this.ctx.timeZone);
  }

  /** A range as a 2-D array; error cells read as their code (what custom functions receive). */
  private readRange(range: RangeValue): Scalar[][] {
    return this.readRangeWith(range, (cell) => cellValue(cell, this.ctx.timeZone));
  }

  /** A range as a 2-D array; error cells read as error values (what built-ins see, so errors propagate). */
  private readRangeErrors(range: RangeValue): (Scalar | FormulaError)[][] {
    return this.readRangeWith(range, (cell) => errorOf(cell) ?? cellValue(cell, this.ctx.timeZone));
  }

  private readRangeWith<T>(range: RangeValue, read: (cell: Cell | undefined) => T): T[][] {
    this.ensurePrecursors(range.sheet, range.row, range.column, range.endRow, range.endColumn);
    const grid = range.sheet.grid;
    const rows: T[][] = [];
    for (let r = range.row; r <= range.endRow; r++) {
      const values: T[] = [];
      for (let c = range.column; c <= range.endColumn; c++) values.push(read(grid.get(r, c)));
      rows.push(values);
    }
    return rows;
  }

  private scalar(value: Value): Scalar | FormulaError {
    if (!isRange(value)) return value;
    if (value.row !== value.endRow || value.column !== value.endColumn) {
      return new FormulaError('#VALUE!', 'An array value could not be found.');
    }
    return this.readCell(value.sheet, value.row, value.column);
  }

  private helpers(): BuiltinHelpers {
    return {
      flatten: (args) => {
        const out: (Scalar | FormulaError)[] = [];
        for (const a of args) {
          if (isRange(a)) for (const row of this.readRangeErrors(a)) out.push(...row);
          else out.push(a);
        }
        return out;
      },
      scalar: (v) => this.scalar(v),
      now: () => this.ctx.now(),
      timeZone: this.ctx.timeZone,
      locale: this.ctx.locale,
    };
  }

  private binary(op: string, a: Scalar | FormulaError, b: Scalar | FormulaError): Value {
    if (a instanceof FormulaError) return a;
    if (b instanceof FormulaError) return b;
    const tz = this.ctx.timeZone;
    if (op === '&') return toText(a, tz, this.ctx.locale) + toText(b, tz, this.ctx.locale);
    if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
      const c = compare(a, b, tz);
      return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op]!;
    }
    const x = toNumber(a, tz);
    const y = toNumber(b, tz);
    if (x instanceof FormulaError) return x;
    if (y instanceof FormulaError) return y;
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return y === 0 ? new FormulaError('#DIV/0!', 'Function DIVIDE parameter 2 cannot be zero.') : x / y;
      default:
        return x ** y;
    }
  }
}

/** Sheets' ordering: numbers (and dates) < text < booleans; text compares case-insensitively; empty is the other side's zero. */
function compare(a: Scalar, b: Scalar, timeZone: string): number {
  const norm = (v: Scalar, other: Scalar): Scalar => {
    if (v !== '') return isDate(v) ? toSerial(v, timeZone) : v;
    if (typeof other === 'number' || isDate(other)) return 0;
    if (typeof other === 'boolean') return false;
    return '';
  };
  const x = norm(a, b);
  const y = norm(b, a);
  const rank = (v: Scalar): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string' && typeof y === 'string') {
    const p = x.toLowerCase();
    const q = y.toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const p = Number(x);
  const q = Number(y);
  return p < q ? -1 : p > q ? 1 : 0;
}

function toScalar(v: unknown): Scalar | FormulaError {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number')
    return Number.isFinite(v) ? v : new FormulaError('#NUM!', 'The result is not a finite number.');
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (isDate(v)) return new Date(v.getTime());
  return String(v);
}

/** A custom function's return value as Sheets shows it: 1-D arrays fill a column, 2-D arrays spill. */
function normalise(returned: unknown): Value | Scalar[][] {
  if (!Array.isArray(returned)) return toScalar(returned);
  if (returned.length === 0) return new FormulaError('#N/A', 'The custom function returned an empty array.');
  const rows = returned.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  const out: Scalar[][] = [];
  for (const row of rows) {
    const values: Scalar[] = [];
    for (const v of row) {
      const s = toScalar(Array.isArray(v) ? v[0] : v);
      if (s instanceof FormulaError) return s;
      values.push(s);
    }
    out.push(values);
  }
  return out;
}

/** The error a cell holds: a formula's error result or an error value typed as content; else null. */
function errorOf(cell: Cell | undefined): FormulaError | null {
  if (!cell) return null;
  if (cell.error !== undefined) return new FormulaError(String(cell.result), cell.error);
  if (cell.typedError !== undefined && cell.formula === undefined)
    return new FormulaError(String(cell.value), cell.typedError);
  return null;
}
