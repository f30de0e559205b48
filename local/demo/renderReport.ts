// report.html: the report tab the add-in wrote, rendered like the criteria tab (same renderer), plus its
// embedded charts: Sheets would draw them; here each chart's data range is read back and drawn as a small
// inline SVG with the data as a table, so nothing is shown that the sheet does not hold.
import type { CellValue } from '../../src/core/types';
import { esc, page } from './html';
import { SHEET_CSS, sheetTable, type SheetSnapshot } from './renderSheet';

export interface ChartData {
  title: string;
  type: string;
  /** [label, value] rows after the header rows. */
  header: string[];
  points: { label: string; value: number | null }[];
  percent: boolean;
}

/** Reads the embedded charts' data through the Apps Script API (getCharts → ranges → values). */
export function readCharts(sheet: GoogleAppsScript.Spreadsheet.Sheet): ChartData[] {
  const getCharts = (sheet as unknown as { getCharts?: () => GoogleAppsScript.Spreadsheet.EmbeddedChart[] })
    .getCharts;
  if (typeof getCharts !== 'function') return [];
  return getCharts.call(sheet).map((chart) => {
    const options = chart.getOptions();
    const title = String(options.get('title') ?? 'Biểu đồ');
    const vAxis = options.get('vAxis') as { format?: string } | null;
    const range = chart.getRanges()[0];
    const values: CellValue[][] = range ? (range.getValues() as CellValue[][]) : [];
    const display: string[][] = range ? range.getDisplayValues() : [];
    const headers = Math.max(0, chart.getNumHeaders?.() ?? 1);
    const type = String((chart as unknown as { getChartType?: () => unknown }).getChartType?.() ?? 'LINE');
    return {
      title,
      type,
      header: headers > 0 ? (display[0] ?? []).map(String) : [],
      points: values.slice(headers).map((row, i) => ({
        label: display[i + headers]?.[0] ?? String(row[0] ?? ''),
        value: typeof row[1] === 'number' ? row[1] : null,
      })),
      percent: vAxis?.format === 'percent',
    };
  });
}

function fmt(v: number, percent: boolean): string {
  return percent
    ? `${(v * 100).toFixed(1).replace('.', ',')}%`
    : String(Math.round(v * 100) / 100).replace('.', ',');
}

/** A line chart as inline SVG (no script, no external resource). */
export function chartSvg(c: ChartData): string {
  const pts = c.points.filter((p) => p.value !== null) as { label: string; value: number }[];
  const w = 640;
  const h = 260;
  const pad = { l: 56, r: 16, t: 32, b: 40 };
  if (pts.length === 0) return `<p>${esc(c.title)}: chưa có số liệu.</p>`;
  const max = Math.max(...pts.map((p) => p.value), c.percent ? 1 : 0);
  const min = Math.min(0, ...pts.map((p) => p.value));
  const x = (i: number) =>
    pad.l + (pts.length === 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (pts.length - 1));
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - (v - min) / (max - min || 1));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => min + f * (max - min));
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${pad.l}" x2="${w - pad.r}" y1="${y(t)}" y2="${y(t)}" stroke="#e0e0e0"/><text x="${pad.l - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11">${esc(fmt(t, c.percent))}</text>`,
    )
    .join('');
  const line = pts.map((p, i) => `${x(i)},${y(p.value)}`).join(' ');
  const dots = pts
    .map(
      (p, i) =>
        `<circle cx="${x(i)}" cy="${y(p.value)}" r="3" fill="#1a73e8"><title>${esc(p.label)}: ${esc(fmt(p.value, c.percent))}</title></circle><text x="${x(i)}" y="${h - pad.b + 16}" text-anchor="middle" font-size="11">${esc(p.label)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" role="img" aria-label="${esc(c.title)}">
<text x="${w / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${esc(c.title)}</text>${grid}
<polyline fill="none" stroke="#1a73e8" stroke-width="2" points="${line}"/>${dots}</svg>`;
}

export function renderReportPage(
  s: SheetSnapshot,
  charts: ChartData[],
  opts: { title: string; subtitle: string },
): string {
  const { html, notRendered } = sheetTable(s);
  const chartHtml = charts
    .map(
      (c) => `<section class="chart">${chartSvg(c)}
<table class="data"><tr>${c.header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>
${c.points.map((p) => `<tr><td>${esc(p.label)}</td><td>${p.value === null ? '' : esc(fmt(p.value, c.percent))}</td></tr>`).join('\n')}</table></section>`,
    )
    .join('\n');
  const notes = notRendered.length
    ? `<div class="notes"><p>Quy tắc định dạng có điều kiện chưa hiển thị được:</p><ul>${notRendered.map((d) => `<li>${esc(d)}</li>`).join('')}</ul></div>`
    : '';
  const body = `<h1>${esc(opts.title)}</h1>
<p class="meta">${esc(opts.subtitle)}</p>
${html}
${charts.length ? `<h2>Biểu đồ trên trang</h2>${chartHtml}` : '<p class="meta">Trang báo cáo chưa có biểu đồ (biểu đồ xu hướng xuất hiện khi trang Lịch sử có số liệu các tháng).</p>'}
${notes}`;
  return page(
    opts.title,
    body,
    `${SHEET_CSS}
h2 { font-size: 15px; margin: 16px 0 8px; }
section.chart { display: flex; gap: 16px; align-items: flex-start; margin-bottom: 16px; }
table.data { border-collapse: collapse; font-size: 12px; } table.data td, table.data th { border: 1px solid #ddd; padding: 2px 6px; }
.grid-wrap { max-height: none; }`,
  );
}
