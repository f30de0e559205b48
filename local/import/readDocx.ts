// Reads the tables of a Word appendix (.docx) with mammoth (a maintained .docx → HTML converter) and
// node-html-parser; both are dev dependencies used only by `npm run import`, never bundled into dist.
// Each table becomes a grid as Sheets would hold a pasted table: a merged cell keeps its text in its
// top-left cell and leaves the others blank; a cell's paragraphs are joined with line breaks.
import mammoth from 'mammoth';
import { parse, type HTMLElement } from 'node-html-parser';
import { readFileSync } from 'node:fs';
import type { CellValue } from '../../src/core/types';
import { InputError } from '../demo/loadSheet';

export async function readDocxTables(path: string): Promise<CellValue[][][]> {
  const bytes = readFileSync(path);
  // A .docx file is a ZIP archive: it starts with "PK".
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new InputError(`Tệp ${path} không phải tệp Word .docx hợp lệ.`);
  }
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch {
    // mammoth/jszip explain in English ("Corrupted zip: …"): say it plainly.
    throw new InputError(
      `Không đọc được tệp Word ${path}: tệp bị hỏng hoặc không phải tệp .docx (hãy mở bằng Word và lưu lại dạng .docx).`,
    );
  }
  const root = parse(html);
  return root
    .querySelectorAll('table')
    .filter((t) => !t.parentNode || !hasTableAncestor(t))
    .map(tableGrid);
}

function hasTableAncestor(el: HTMLElement): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) if (p.tagName === 'TABLE') return true;
  return false;
}

function tableGrid(table: HTMLElement): CellValue[][] {
  const rows = table.querySelectorAll('tr').filter((tr) => closestTable(tr) === table);
  const grid: CellValue[][] = [];
  // Cells covered by a rowspan from above, per row: column → true.
  const covered: Map<number, Set<number>> = new Map();
  rows.forEach((tr, r) => {
    const line: CellValue[] = [];
    let c = 0;
    const skip = () => {
      while (covered.get(r)?.has(c)) {
        line[c] = '';
        c++;
      }
    };
    for (const cell of tr.childNodes.filter(isCell)) {
      skip();
      const colspan = Math.max(1, Number(cell.getAttribute('colspan') ?? 1) || 1);
      const rowspan = Math.max(1, Number(cell.getAttribute('rowspan') ?? 1) || 1);
      line[c] = cellText(cell);
      for (let k = 1; k < colspan; k++) line[c + k] = '';
      for (let dr = 1; dr < rowspan; dr++) {
        const set = covered.get(r + dr) ?? new Set<number>();
        for (let k = 0; k < colspan; k++) set.add(c + k);
        covered.set(r + dr, set);
      }
      c += colspan;
    }
    skip();
    grid.push(Array.from({ length: line.length }, (_, i) => line[i] ?? ''));
  });
  return grid;
}

function isCell(node: unknown): node is HTMLElement {
  const tag = (node as HTMLElement).tagName;
  return tag === 'TD' || tag === 'TH';
}

function closestTable(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentNode; p; p = p.parentNode) if (p.tagName === 'TABLE') return p;
  return null;
}

/** A cell's text: paragraphs and line breaks as "\n", entities decoded, spaces tidied. */
function cellText(cell: HTMLElement): string {
  const paragraphs = cell.querySelectorAll('p');
  const parts = paragraphs.length > 0 ? paragraphs.map((p) => p.innerHTML) : [cell.innerHTML];
  return parts
    .map((h) => parse(h.replace(/<br\s*\/?>/gi, '\n')).text)
    .map((t) => t.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((t) => t !== '')
    .join('\n');
}
