// ranking.html: the province view as the province workbook shows it: the class distribution chart, the
// ranking (with per-area scores coloured as the heat map) and the criteria that lose most points, plus
// the communes that could not be read. Every piece of commune text passes through esc().
import { UNCLASSIFIED, type ProvinceReport } from '../../src/core/provinceReport';
import { formatDate, formatPercent as percent, formatPoints as points } from '../../src/core/format';

const formatPoints = (n: number): string => points('vi', n);
const formatPercent = (p: number | null): string => percent('vi', p);
import { heatColor } from '../../src/core/heatColor';
import { esc, page } from './html';

function classChart(r: ProvinceReport): string {
  const max = Math.max(1, ...r.classCounts.map((k) => k.count));
  const bar = 28;
  const width = 420;
  const rows = r.classCounts.map((k, i) => {
    const w = Math.round((k.count / max) * (width - 160));
    const y = i * (bar + 6);
    const fill = k.label === UNCLASSIFIED ? '#9aa0a6' : '#3f6fb5';
    return (
      `<text x="0" y="${y + 19}" font-size="13">${esc(k.label)}</text>` +
      `<rect x="120" y="${y}" width="${w}" height="${bar}" fill="${fill}"></rect>` +
      `<text x="${126 + w}" y="${y + 19}" font-size="13">${k.count}</text>`
    );
  });
  const h = r.classCounts.length * (bar + 6);
  return `<figure><figcaption>Phân bố xếp loại</figcaption><svg role="img" aria-label="Phân bố xếp loại" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}">${rows.join('')}</svg></figure>`;
}

function rankingTable(r: ProvinceReport): string {
  const head = [
    'Hạng',
    'Xã/phường',
    'Chỉ số',
    'Xếp loại',
    'Điểm / tối đa áp dụng',
    ...r.areas.map((a) => `${a.code}. ${a.title}`),
  ];
  const rows = r.communes.map((c) => {
    const areaCells = r.areas.map((a) => {
      const x = c.areas.find((y) => y.code === a.code);
      if (!x || !(x.max > 0)) return '<td class="n">—</td>';
      return `<td class="n" style="background:${heatColor(x.score / x.max)}">${esc(formatPoints(x.score))}/${esc(formatPoints(x.max))}</td>`;
    });
    return `<tr><td class="n">${c.rank ?? '—'}</td><td>${esc(c.name)}</td><td class="n">${esc(formatPercent(c.indexPercent))}</td><td>${esc(c.classification || '—')}</td><td class="n">${esc(formatPoints(c.total))} / ${esc(formatPoints(c.applicableMax))}</td>${areaCells.join('')}</tr>`;
  });
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function weakTable(r: ProvinceReport): string {
  const rows = r.criteria.map(
    (k) =>
      `<tr><td>${esc(k.code)}</td><td>${esc(k.title)}</td><td class="n">${k.communesLosing} / ${k.communesApplicable}</td><td class="n">${esc(formatPoints(k.pointsLost))}</td><td class="n" style="background:${heatColor(k.averageShare)}">${esc(formatPercent(k.averageShare * 100))}</td></tr>`,
  );
  return `<table><thead><tr><th>Mã</th><th>Tiêu chí</th><th>Số xã mất điểm</th><th>Tổng điểm mất</th><th>Tỷ lệ điểm đạt bình quân</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function renderRankingPage(r: ProvinceReport): string {
  const errors = r.errors.length
    ? `<h2>Không xếp hạng (${r.errors.length}): tệp không đọc được hoặc bộ chỉ số khác</h2><ul>${r.errors.map((e) => `<li><b>${esc(e.name)}</b>: ${esc(e.message)}</li>`).join('')}</ul>`
    : '';
  const body =
    `<h1>Xếp hạng chỉ số CCHC – ${esc(r.provinceName)}</h1>` +
    `<p class="meta">${r.communes.length} xã/phường · chỉ số bình quân ${esc(formatPercent(r.averageIndexPercent))} · tính đến ${esc(formatDate(r.asOf))}</p>` +
    classChart(r) +
    `<h2>Xếp hạng</h2>${rankingTable(r)}` +
    `<h2>Tiêu chí dễ mất điểm</h2><p class="meta">Mọi tiêu chí lá, theo tổng điểm mất trên toàn tỉnh: nơi cần hỗ trợ trước.</p>${weakTable(r)}` +
    errors;
  return page(
    `Xếp hạng chỉ số CCHC – ${r.provinceName}`,
    body,
    `table { border-collapse: collapse; margin: 8px 0 20px; } th, td { border: 1px solid #d0d7de; padding: 4px 8px; vertical-align: top; }
th { background: #eef2f7; text-align: left; } td.n { text-align: right; white-space: nowrap; } h2 { font-size: 16px; margin: 18px 0 6px; }
figure { margin: 8px 0 16px; } figcaption { font-weight: bold; margin-bottom: 4px; }`,
  );
}
