// Reads a criteria sheet exported from Google Sheets as CSV (File → Download → CSV, UTF-8).
// Hand-written RFC 4180 parser: quoted fields may hold the delimiter, "" and line breaks; CRLF or LF; a
// UTF-8 BOM is dropped. Google Sheets always exports with ","; a file saved by Excel in a Vietnamese locale
// uses ";", so the delimiter is detected from the first lines (outside quotes).
import { readFileSync } from 'node:fs';
import type { ParsedWorkbook } from './loadSheet';
import { InputError } from './loadSheet';

export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new InputError('Tệp CSV bị hỏng: có một dấu ngoặc kép (") không được đóng.');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** "," unless the first lines hold more ";" (or tabs) than "," outside quotes. */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 8192);
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of sample) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d] > counts[best]) best = d;
  return best;
}

export function readCsvFile(path: string, sheetName: string): ParsedWorkbook {
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new InputError(`Tệp ${path} trống.`);
  // Binary files (XLSX renamed .csv, images) hold NUL bytes; UTF-8 text never does.
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new InputError(
      `Tệp ${path} không phải CSV dạng văn bản (UTF-8). Hãy tải về từ Google Sheets: Tệp → Tải xuống → CSV.`,
    );
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) {
    throw new InputError(
      `Tệp ${path} không phải UTF-8 (có thể là Windows-1258). Hãy lưu lại dưới dạng "CSV UTF-8".`,
    );
  }
  const rows = parseCsv(text);
  return { sheets: [{ name: sheetName, cells: rows, source: 'csv' }] };
}
