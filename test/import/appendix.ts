// A real-looking official appendix (the shape of the 2025 provincial decisions: title rows, a two-level
// header, the "(1) (2) (3)…" numbering row, roman / Arabic / letter STT, multi-line prose, merged cells)
// and writers for it as CSV, XLSX (exceljs) and Word .docx (the docx library), so the import is tested on
// files made by real libraries, not on hand-written markup. Each row carries what the import must give.
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';

export interface AppendixRow {
  stt: string;
  title: string;
  max: number;
  /** Lines of the guidance (one paragraph each in Word, line breaks in a sheet cell). */
  prose: string[];
  evidence: string;
  /** Evidence cell merged down over this many rows (Word/XLSX); the rows below leave it out. */
  evidenceRows?: number;
  code: string;
  /** null: a parent row (no rule). */
  rule: string | null;
  review: boolean;
}

export const APPENDIX: AppendixRow[] = [
  {
    stt: 'I',
    title: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC',
    max: 3.5,
    prose: [],
    evidence: '',
    code: '1',
    rule: null,
    review: false,
  },
  {
    stt: '1',
    title: 'Ban hành Kế hoạch CCHC năm',
    max: 1,
    prose: [
      '- Ban hành đúng thời hạn: 1 điểm;',
      '- Ban hành chậm so với thời hạn quy định: 0,5 điểm;',
      '- Không ban hành: 0 điểm.',
    ],
    evidence: 'Kế hoạch CCHC năm 2025',
    code: '1.1',
    rule: 'HẠN(50%)',
    review: false,
  },
  {
    stt: '2',
    title: 'Tổ chức kiểm tra công tác CCHC',
    max: 0.5,
    prose: ['Có tổ chức kiểm tra: 0,5 điểm; không tổ chức kiểm tra: 0 điểm.'],
    evidence: 'Báo cáo kết quả kiểm tra',
    code: '1.2',
    rule: 'CÓ/KHÔNG',
    review: false,
  },
  {
    stt: '3',
    title: 'Công tác tuyên truyền CCHC',
    max: 2,
    prose: [],
    evidence: 'Tin, bài; kế hoạch tuyên truyền',
    evidenceRows: 3,
    code: '1.3',
    rule: null,
    review: false,
  },
  {
    stt: 'a',
    title: 'Tỷ lệ hoàn thành kế hoạch tuyên truyền',
    max: 1,
    prose: ['Hoàn thành 100% kế hoạch: 1 điểm;', 'Từ 80% đến dưới 100%: 0,5 điểm;', 'Dưới 80%: 0 điểm.'],
    evidence: '',
    code: '1.3.1',
    rule: 'MỨC(100%: 1; 80%: 0,5)',
    review: false,
  },
  {
    stt: 'b',
    title: 'Tin, bài về CCHC trên trang thông tin điện tử của xã',
    max: 1,
    prose: [
      'Mỗi tin, bài được đăng tải: 0,25 điểm, tối đa 1 điểm.',
      'Trường hợp không phát sinh thì đạt điểm tối đa.',
    ],
    evidence: '',
    code: '1.3.2',
    rule: 'ĐẾM(0,25)',
    review: false,
  },
  {
    stt: 'II',
    title: 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
    max: 6,
    prose: [],
    evidence: '',
    code: '2',
    rule: null,
    review: false,
  },
  {
    stt: '1',
    title: 'Tỷ lệ hồ sơ TTHC được giải quyết trực tuyến',
    max: 2,
    prose: ['Đạt từ 80% trở lên: điểm tối đa;', 'Dưới 80%: tỷ lệ × điểm tối đa/80%.'],
    evidence: 'Số liệu trên Hệ thống giải quyết TTHC',
    code: '2.1',
    rule: 'TỶ LỆ(80%)',
    review: false,
  },
  {
    stt: '2',
    title: 'Hồ sơ giải quyết quá hạn',
    max: 2,
    prose: ['Mỗi hồ sơ giải quyết quá hạn trừ 0,25 điểm.', 'Trừ đến khi hết điểm.'],
    evidence: 'Báo cáo tình hình giải quyết TTHC',
    code: '2.2',
    rule: 'TRỪ(0,25)',
    review: false,
  },
  {
    stt: '3',
    title: 'Chất lượng niêm yết, công khai TTHC',
    max: 1,
    prose: ['Thực hiện tốt: 1 điểm;', 'Thực hiện chưa tốt: 0,5 điểm;', 'Không thực hiện: 0 điểm.'],
    evidence: 'Ảnh chụp nơi niêm yết',
    code: '2.3',
    rule: 'TỰ CHẤM',
    review: true,
  },
  {
    stt: '4',
    title: 'Mức độ hài lòng của người dân <b>& doanh nghiệp</b>',
    max: 1,
    prose: ['Điểm = chỉ số hài lòng × 1,5'],
    evidence: 'Kết quả khảo sát',
    code: '2.4',
    rule: 'KHẢO SÁT',
    review: true,
  },
];

const TITLE = ['PHỤ LỤC I', 'BỘ CHỈ SỐ ĐÁNH GIÁ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025'];
const HEADERS = [
  'STT',
  'Lĩnh vực, tiêu chí, tiêu chí thành phần',
  'Điểm tối đa',
  'Hướng dẫn chấm điểm',
  'Tài liệu kiểm chứng',
];

/** The appendix as a sheet grid (title rows, header, numbering row, rows; merged cells left blank). */
export function appendixGrid(): string[][] {
  const grid: string[][] = [
    [TITLE[0], '', '', '', ''],
    [TITLE[1], '', '', '', ''],
    ['', '', '', '', ''],
    HEADERS,
  ];
  grid.push(['(1)', '(2)', '(3)', '(4)', '(5)']);
  let covered = 0;
  for (const r of APPENDIX) {
    const evidence = covered > 0 ? '' : r.evidence;
    covered = covered > 0 ? covered - 1 : (r.evidenceRows ?? 1) - 1;
    grid.push([r.stt, r.title, String(r.max).replace('.', ','), r.prose.join('\n'), evidence]);
  }
  grid.push(['', 'TỔNG CỘNG', '9,5', '', '']);
  return grid;
}

export function writeAppendixCsv(path: string): void {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  writeFileSync(
    path,
    appendixGrid()
      .map((r) => r.map(q).join(','))
      .join('\n') + '\n',
  );
}

export async function writeAppendixXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục I');
  const grid = appendixGrid();
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === '') return;
      const n = Number(v.replace(',', '.'));
      ws.getCell(r + 1, c + 1).value = c === 2 && r > 4 && v !== '' && n === n ? n : v;
    }),
  );
  ws.mergeCells(1, 1, 1, 5);
  ws.mergeCells(2, 1, 2, 5);
  // The evidence of criterion 3 spans its two sub-criteria.
  const at = grid.findIndex((row) => row[1] === 'Công tác tuyên truyền CCHC') + 1;
  ws.mergeCells(at, 5, at + 2, 5);
  await wb.xlsx.writeFile(path);
}

/** The appendix as a Word table: area rows merge their guidance and evidence cells across, prose is one paragraph per line. */
export async function writeAppendixDocx(path: string): Promise<void> {
  const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
  const cell = (lines: string[], opts: { bold?: boolean; rowSpan?: number; columnSpan?: number } = {}) =>
    new TableCell({
      children: lines.length > 0 ? lines.map((l) => p(l, opts.bold)) : [p('')],
      rowSpan: opts.rowSpan,
      columnSpan: opts.columnSpan,
    });
  const rows: TableRow[] = [
    new TableRow({ tableHeader: true, children: HEADERS.map((h) => cell([h], { bold: true })) }),
    new TableRow({ children: ['(1)', '(2)', '(3)', '(4)', '(5)'].map((h) => cell([h])) }),
  ];
  let covered = 0;
  for (const r of APPENDIX) {
    const isArea = /^[IVX]+$/.test(r.stt);
    const children = [
      cell([r.stt], { bold: isArea }),
      cell([r.title], { bold: isArea }),
      cell([String(r.max).replace('.', ',')]),
    ];
    if (isArea) children.push(cell([], { columnSpan: 2 }));
    else {
      children.push(cell(r.prose));
      if (covered > 0) covered--;
      else {
        children.push(cell(r.evidence ? [r.evidence] : [], { rowSpan: r.evidenceRows }));
        covered = (r.evidenceRows ?? 1) - 1;
      }
    }
    rows.push(new TableRow({ children }));
  }
  rows.push(
    new TableRow({
      children: [cell([]), cell(['TỔNG CỘNG'], { bold: true }), cell(['9,5']), cell([], { columnSpan: 2 })],
    }),
  );
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: TITLE[0], bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: TITLE[1], bold: true })],
          }),
          // A small table before the appendix (signatures block) has no points column: the import skips it.
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ children: [cell(['UBND TỈNH']), cell(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'])] }),
            ],
          }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}
