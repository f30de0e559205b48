// import.html: every row of the official table with its prose, the proposed rule, the confidence and why;
// rows to review are marked. All text from the table is escaped.
import { importCounts, type ImportedRow } from '../../src/core/prose/officialTable';
import { formatNumber } from '../../src/core/values';
import { esc, page } from '../demo/html';

const CSS = `
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #dadce0; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f1f3f4; }
tr.review td { background: #fef7e0; }
tr.parent td { font-weight: bold; background: #f8f9fa; }
td.prose { white-space: pre-wrap; max-width: 420px; }
td.rule { font-family: Consolas, monospace; white-space: nowrap; }
span.conf { color: #5f6368; }
`;

export function renderImportPage(source: string, rows: ImportedRow[], notes: string[]): string {
  const c = importCounts(rows);
  const body = rows
    .map((r) => {
      const cls = r.isParent ? 'parent' : r.review !== '' ? 'review' : '';
      const max = typeof r.max === 'number' ? formatNumber(r.max) : r.max;
      const why = r.review !== '' ? `<strong>Cần xem lại:</strong> ${esc(r.review)}` : esc(r.why);
      return (
        `<tr class="${cls}"><td>${esc(r.sourceRow)}</td><td>${esc(r.code)}</td><td>${esc(r.title)}</td>` +
        `<td>${esc(max)}</td><td class="prose">${esc(r.prose)}</td><td class="rule">${esc(r.rule)}</td>` +
        `<td><span class="conf">${r.isParent || r.code === '' ? '' : esc(formatNumber(r.confidence * 100) + '%')}</span></td>` +
        `<td>${why}</td></tr>`
      );
    })
    .join('\n');
  return page(
    'Nhập bộ chỉ số chính thức',
    `<h1>Nhập bộ chỉ số chính thức</h1>
<p class="meta">Nguồn: ${esc(source)} · ${c.leaves} tiêu chí: ${c.confident} đọc được cách chấm, ${c.review} cần xem lại · ${c.parents} dòng lĩnh vực/tiêu chí cha</p>
${notes.map((n) => `<p class="meta">${esc(n)}</p>`).join('\n')}
<table>
<thead><tr><th>Dòng</th><th>Mã</th><th>Tiêu chí</th><th>Điểm tối đa</th><th>Hướng dẫn chấm điểm</th><th>Cách chấm đề xuất</th><th>Độ tin cậy</th><th>Vì sao</th></tr></thead>
<tbody>
${body}
</tbody>
</table>`,
    CSS,
  );
}
