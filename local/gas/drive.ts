// IMPORTRANGE between stand-in spreadsheets, as Google documents it (Docs Editors Help, "IMPORTRANGE",
// https://support.google.com/docs/answer/3093340):
// - IMPORTRANGE(spreadsheet_url, range_string) imports "[sheet_name!]range" from the spreadsheet at that URL;
//   without a sheet name, from the first sheet.
// - The first import from a new source needs a one-time "Allow access" in the receiving spreadsheet; until
//   then the cell shows #REF! ("You need to connect these sheets"). Once allowed, any editor of the receiving
//   spreadsheet can import any range of that source. `allowAccess` is that click; `revokeAccess` is the
//   person who allowed it losing access to the source.
// - Any update of a source makes the receiving documents refresh: a receiver whose source changed since its
//   last import recalculates on its next read.
// Where the page is silent (the exact messages, a range outside the source's grid), the stand-in answers
// #REF! with a plain message; the add-in only tests that a cell is an error, never its wording.
import { FormulaError } from './formula/values';
import { parseA1, splitSheet } from './spreadsheet/a1';
import type { Scalar } from './spreadsheet/grid';
import type { StandInSpreadsheet } from './spreadsheet/spreadsheet';
import { cellValue } from './spreadsheet/values';

export const NOT_CONNECTED = 'You need to connect these sheets. Allow access to import data.';

export class StandInDrive {
  private readonly books = new Map<string, StandInSpreadsheet>();
  private readonly allowed = new Set<string>();
  /** Receiver id → source id → the source's version at the last import. */
  private readonly imported = new Map<string, Map<string, number>>();

  register(spreadsheet: StandInSpreadsheet): void {
    this.books.set(spreadsheet.id, spreadsheet);
    spreadsheet.drive = this;
  }

  /** The one-time "Allow access" clicked in `receiver` for `source`. */
  allowAccess(receiver: { getId(): string }, source: { getId(): string }): void {
    this.allowed.add(`${receiver.getId()}\u0000${source.getId()}`);
    this.books.get(receiver.getId())?.engine.markDirty();
  }

  revokeAccess(receiver: { getId(): string }, source: { getId(): string }): void {
    this.allowed.delete(`${receiver.getId()}\u0000${source.getId()}`);
    this.books.get(receiver.getId())?.engine.markDirty();
  }

  /** A spreadsheet by its URL (…/d/<id>/…) or its key. */
  resolve(urlOrKey: string): StandInSpreadsheet | undefined {
    const text = urlOrKey.trim();
    const m = /\/d\/([^/?#]+)/.exec(text);
    return this.books.get(m ? m[1] : text);
  }

  importRange(receiver: StandInSpreadsheet, url: string, rangeString: string): Scalar[][] | FormulaError {
    const source = this.resolve(url);
    if (!source) return new FormulaError('#REF!', `Could not find the spreadsheet "${url}".`);
    if (source !== receiver && !this.allowed.has(`${receiver.id}\u0000${source.id}`))
      return new FormulaError('#REF!', NOT_CONNECTED);
    const [sheetName] = splitSheet(rangeString);
    const ref = parseA1(rangeString);
    const sheet = sheetName === undefined ? source.sheets()[0] : source.sheetByName(sheetName);
    if (!ref || !sheet) return new FormulaError('#REF!', `Unable to parse range: ${rangeString}`);
    source.engine.ensure();
    let seen = this.imported.get(receiver.id);
    if (!seen) this.imported.set(receiver.id, (seen = new Map()));
    seen.set(source.id, source.engine.version);
    const grid = sheet.grid;
    const top = ref.startRow ?? 1;
    const left = ref.startCol ?? 1;
    const bottom = Math.min(ref.endRow ?? grid.maxRows, grid.maxRows);
    const right = Math.min(ref.endCol ?? grid.maxColumns, grid.maxColumns);
    const rows: Scalar[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row: Scalar[] = [];
      for (let c = left; c <= right; c++) row.push(cellValue(grid.get(r, c), source.ctx.timeZone));
      rows.push(row);
    }
    return rows.length ? rows : new FormulaError('#REF!', `Unable to parse range: ${rangeString}`);
  }

  /** True when a source `receiver` imported from has changed since (its next read recalculates). */
  importsChanged(receiver: StandInSpreadsheet): boolean {
    const seen = this.imported.get(receiver.id);
    if (!seen) return false;
    for (const [id, version] of seen) if (this.books.get(id)?.engine.version !== version) return true;
    return false;
  }
}
