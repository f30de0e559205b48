// Links from the emails back into the spreadsheet: the file, the criteria tab and one row or cell of it.
// The URL shape is the one Google documents for a sheet ("https://docs.google.com/spreadsheets/d/
// spreadsheetId/edit#gid=sheetId", developers.google.com/sheets/api/guides/concepts) plus the `range`
// that Sheets' own "Get link to this range" adds; built from the ids, never from getUrl(), whose format
// Google does not document.
import type { ColumnKey } from './types';

export interface SheetLinks {
  spreadsheet: string;
  /** The criteria tab, and its name. */
  tab: string;
  tabName: string;
  /** Column letters of the table: its last column, and each recognised column. */
  lastColumn: string;
  columns: Partial<Record<ColumnKey, string>>;
}

export function sheetLinks(
  spreadsheetId: string,
  sheetId: number,
  tabName: string,
  lastColumn: string,
  columns: Partial<Record<ColumnKey, string>> = {},
): SheetLinks {
  const spreadsheet = `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit`;
  return { spreadsheet, tab: `${spreadsheet}#gid=${sheetId}`, tabName, lastColumn, columns };
}

/** A criterion's row (A to the table's last column), or that row's cell in `column` when known. */
export function rowLink(l: SheetLinks, row: number, column?: ColumnKey | null): string {
  const c = column ? l.columns[column] : undefined;
  return `${l.tab}&range=${c ? `${c}${row}` : `A${row}:${l.lastColumn}${row}`}`;
}

/**
 * A spreadsheet address typed by a person (a commune's URL in "Danh sách xã") as an email link: only an
 * https://docs.google.com/ address with nothing that could end or bend the attribute (spaces, quotes,
 * angle brackets, backslashes, control characters); anything else (a bare spreadsheet key, another host,
 * "javascript:", a typo) is undefined, and the email shows the name as plain text.
 */
export function googleDocsLink(url: unknown): string | undefined {
  const s = typeof url === 'string' ? url.trim() : '';
  return /^https:\/\/docs\.google\.com\/[^\s"'<>\\`\u0000-\u001f\u007f]*$/.test(s) ? s : undefined;
}
