// The demo's input side: the CSV parser (RFC 4180, BOM, delimiter detection), the XLSX reader (exceljs,
// typed cells) and how a parsed sheet is prepared for the stand-in (code column as text, "=…" as text,
// stale add-in outputs cleared).
import { describe, test, expect } from '@jest/globals';
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectDelimiter, parseCsv, readCsvFile } from '../../local/demo/readCsv';
import { readXlsxFile } from '../../local/demo/readXlsx';
import { InputError, prepareSheet } from '../../local/demo/loadSheet';

const tmp = mkdtempSync(join(tmpdir(), 'cchc-parsers-'));

describe('parseCsv', () => {
  test('quoted fields hold commas, doubled quotes and line breaks; CRLF and a final newline are fine', () => {
    const text = '\uFEFFMã,Tiêu chí,Ghi chú\r\n1.1,"Tỷ lệ, ""đúng hạn""","dòng 1\r\ndòng 2"\r\n1.2,,\r\n';
    expect(parseCsv(text)).toEqual([
      ['Mã', 'Tiêu chí', 'Ghi chú'],
      ['1.1', 'Tỷ lệ, "đúng hạn"', 'dòng 1\r\ndòng 2'],
      ['1.2', '', ''],
    ]);
  });

  test('detects ";" (Excel in a Vietnamese locale) and tabs, ignoring separators inside quotes', () => {
    expect(detectDelimiter('a;b;c\n1;"2,5";3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('"x;y;z;w",b\n1,2')).toBe(',');
    expect(parseCsv('Mã;Điểm tối đa\n1.1;"0,5"')).toEqual([
      ['Mã', 'Điểm tối đa'],
      ['1.1', '0,5'],
    ]);
  });

  test('an unclosed quote, a binary file and a non-UTF-8 file are InputErrors with a message', () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow(InputError);
    const bin = join(tmp, 'binary.csv');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1]));
    expect(() => readCsvFile(bin, 'x')).toThrow(/không phải CSV/);
    const latin = join(tmp, 'latin.csv');
    writeFileSync(latin, Buffer.from([0x4d, 0xe3, 0x2c, 0x41, 0x0a]));
    expect(() => readCsvFile(latin, 'x')).toThrow(/UTF-8/);
  });
});

describe('prepareSheet', () => {
  const header = [
    'Mã',
    'Tiêu chí',
    'Điểm tối đa',
    'Cách chấm',
    'Kết quả',
    'Minh chứng',
    'Điểm',
    'Trạng thái',
    'Lý do',
    '',
    'TỔNG HỢP CHỈ SỐ CCHC',
  ];
  const sheet = {
    name: 'Tiêu chí',
    source: 'csv' as const,
    cells: [
      ['Bộ chỉ số'],
      header,
      ['1.10', 'A', '1', 'CÓ/KHÔNG', 'Có', '=HYPERLINK("http://x","y")', '1', 'Đạt', '', '', 'Tổng điểm'],
      ['2', 'B', '1', '', '', "'quoted", '', '', '', '', '5'],
    ],
  };

  test('the code column is plain text, "=" text stays text, old outputs and the old block are cleared', () => {
    const p = prepareSheet(sheet, 'Asia/Ho_Chi_Minh');
    expect(p.looksLikeCriteria).toBe(true);
    expect(p.formats[2][0]).toBe('@');
    expect(p.formats[1][0]).toBe(''); // the header itself
    expect(p.values[2][0]).toBe('1.10');
    expect(p.values[2][5]).toBe('\'=HYPERLINK("http://x","y")');
    expect(p.values[3][5]).toBe("''quoted");
    expect(p.values[2].slice(6, 9)).toEqual(['', '', '']);
    expect(p.values[2][10]).toBe('');
    expect(p.values[1][10]).toBe('');
    expect(p.notes.join(' ')).toMatch(/"Điểm", "Trạng thái"/);
    expect(p.notes.join(' ')).toMatch(/bảng tổng hợp cũ/);
  });
});

describe('prepareSheet: decimal comma', () => {
  const cells = (extra: string) => [
    ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Cách chấm', 'Kết quả'],
    ['1.1', 'A', '1,5', 'MỨC(100%: 1,5; 80%: 0,75)', '85,5%'],
    ['1.2', 'B', '2', 'TỶ LỆ', extra],
  ];
  test('a Vietnamese-locale export (0,5) becomes numbers; codes and rules stay as written', () => {
    const p = prepareSheet({ name: 't', source: 'csv', cells: cells('0,4') }, 'Asia/Ho_Chi_Minh');
    expect(p.values[1]).toEqual(['1.1', 'A', 1.5, 'MỨC(100%: 1,5; 80%: 0,75)', '85.5%']);
    expect(p.values[2][4]).toBe(0.4);
    expect(p.notes.join(' ')).toMatch(/dấu phẩy thập phân/);
  });
  test('a file that also has 0.5 is left to the spreadsheet (no guessing)', () => {
    const p = prepareSheet({ name: 't', source: 'csv', cells: cells('0.4') }, 'Asia/Ho_Chi_Minh');
    expect(p.values[1][2]).toBe('1,5');
  });
});

describe('readXlsxFile', () => {
  test('dates, formulas (cached result), rich text, hyperlinks, errors, merges and number formats', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tiêu chí');
    ws.getCell('A1').value = { richText: [{ text: 'BỘ CHỈ SỐ ', font: { bold: true } }, { text: '2024' }] };
    ws.mergeCells('A1:C1');
    ws.addRow(['Mã', 'Kết quả', 'Hạn']);
    ws.addRow(['1.1', { formula: 'B4*2', result: 0.85 }, new Date(Date.UTC(2024, 0, 31))]);
    ws.addRow([{ text: 'link', hyperlink: 'http://example.com' }, { error: '#N/A' }, true]);
    ws.getCell('B3').numFmt = '0%';
    ws.getColumn(2).width = 20;
    const file = join(tmp, 'typed.xlsx');
    await wb.xlsx.writeFile(file);

    const parsed = await readXlsxFile(file);
    const s = parsed.sheets[0];
    expect(s.name).toBe('Tiêu chí');
    expect(s.cells[0][0]).toBe('BỘ CHỈ SỐ 2024');
    expect(s.cells[0][1]).toBe(''); // merged: value only in the top-left cell
    expect(s.merges).toEqual([{ row: 1, column: 1, rows: 1, columns: 3 }]);
    expect(s.cells[2][1]).toBe(0.85);
    expect(s.numberFormats?.[2][1]).toBe('0%');
    const d = s.cells[2][2] as Date;
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2024, 0, 31]);
    expect(s.cells[3]).toEqual(['link', '#N/A', true]);
    expect(s.columnWidths?.[1]).toBeGreaterThan(100);
  });

  test('a file that is not a ZIP is an InputError', async () => {
    const file = join(tmp, 'fake.xlsx');
    writeFileSync(file, 'Mã,Tiêu chí\n');
    await expect(readXlsxFile(file)).rejects.toThrow(/không phải tệp XLSX/);
  });
});
