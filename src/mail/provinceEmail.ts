// The monthly province email to the province's PAR office (Sở Nội vụ / bộ phận CCHC): the standing of every
// commune in brief, ranking changes since last month, the bottom communes, the weakest criteria, and the
// communes that could not be read. Pure: the province workbook sends it, the local run writes it to a file.
import type { ProvinceReport, RankedCommune } from '../core/provinceReport';
import { formatDate, formatPercent as percent, formatPoints as points } from '../core/format';
import { escapeHtml, type RenderedEmail } from './render';

// This text is Vietnamese: the formatting module with 'vi'.
const formatPoints = (n: number): string => points('vi', n);
const formatPercent = (p: number | null): string => percent('vi', p);

const CELL = 'padding:5px 8px;border:1px solid #d0d7de;';
const NUM = 'text-align:right;white-space:nowrap;';

function table(head: string[], rows: string[][], numeric: number[]): string {
  const th = head
    .map(
      (h, i) =>
        `<th style="${CELL}background:#eef2f7;${numeric.includes(i) ? NUM : 'text-align:left;'}">${escapeHtml(h)}</th>`,
    )
    .join('');
  const trs = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td style="${CELL}${numeric.includes(i) ? NUM : ''}">${escapeHtml(c)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:6px 0 14px;font-size:13px;"><tr>${th}</tr>${trs}</table>`;
}

const rankText = (c: RankedCommune) => (c.rank === null ? '—' : String(c.rank));
const move = (c: RankedCommune) =>
  c.rankChange === null
    ? ''
    : c.rankChange > 0
      ? `↑ ${c.rankChange}`
      : c.rankChange < 0
        ? `↓ ${-c.rankChange}`
        : '=';

/** Renders the email; `month` is yyyy-MM. */
export function renderProvinceEmail(r: ProvinceReport, month: string): RenderedEmail {
  const [y, m] = month.split('-');
  const title = `Chỉ số CCHC các xã, phường – tháng ${m}/${y}`;
  const subject = `${title} – ${r.provinceName}`.replace(/[\r\n\t]+/g, ' ');
  const sections: { h: string; p?: string[]; t?: [string[], string[][], number[]] }[] = [];
  const ranked = r.communes.filter((c) => c.rank !== null);
  sections.push({
    h: 'Tổng quan',
    p: [
      `${r.communes.length} xã/phường có số liệu, chỉ số bình quân ${formatPercent(r.averageIndexPercent)}.`,
      `Xếp loại: ${
        r.classCounts
          .filter((k) => k.count > 0)
          .map((k) => `${k.label} ${k.count}`)
          .join(' · ') || '—'
      }.`,
    ],
  });
  sections.push(
    r.movers.length
      ? {
          h: 'Thay đổi thứ hạng so với tháng trước',
          t: [
            ['Xã/phường', 'Hạng', 'Tháng trước', 'Thay đổi', 'Chỉ số'],
            r.movers
              .slice(0, 10)
              .map((c) => [
                c.name,
                rankText(c),
                String(c.previousRank ?? '—'),
                move(c),
                formatPercent(c.indexPercent),
              ]),
            [1, 2, 3, 4],
          ],
        }
      : {
          h: 'Thay đổi thứ hạng so với tháng trước',
          p: ['Không có thay đổi, hoặc chưa có bảng xếp hạng tháng trước.'],
        },
  );
  if (ranked.length)
    sections.push({
      h: 'Các xã/phường xếp cuối',
      t: [
        ['Hạng', 'Xã/phường', 'Chỉ số', 'Xếp loại', 'Điểm'],
        r.bottom.map((c) => [
          rankText(c),
          c.name,
          formatPercent(c.indexPercent),
          c.classification || '—',
          `${formatPoints(c.total)}/${formatPoints(c.applicableMax)}`,
        ]),
        [0, 2, 4],
      ],
    });
  sections.push(
    r.weakest.length
      ? {
          h: 'Tiêu chí dễ mất điểm nhất (cần hỗ trợ trước)',
          t: [
            ['Mã', 'Tiêu chí', 'Số xã mất điểm', 'Tổng điểm mất', 'Tỷ lệ điểm đạt TB'],
            r.weakest.map((k) => [
              k.code,
              k.title,
              `${k.communesLosing}/${k.communesApplicable}`,
              formatPoints(k.pointsLost),
              formatPercent(k.averageShare * 100),
            ]),
            [2, 3, 4],
          ],
        }
      : { h: 'Tiêu chí dễ mất điểm nhất', p: ['Không có tiêu chí nào bị mất điểm.'] },
  );
  if (r.errors.length)
    sections.push({
      h: `Chưa đọc được số liệu của ${r.errors.length} xã/phường`,
      t: [['Xã/phường', 'Lý do'], r.errors.map((e) => [e.name, e.message]), []],
    });
  const footer = `Thư tự động từ CCHC Scorecard (bảng tổng hợp tỉnh), số liệu tính đến ngày ${formatDate(r.asOf)}.`;
  const html =
    `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;color:#202124;font-size:14px;">` +
    `<h1 style="font-size:20px;margin:0 0 4px;color:#1a3d6d;">${escapeHtml(title)}</h1>` +
    `<p style="margin:0 0 12px;color:#4b5563;">${escapeHtml(r.provinceName)}</p>` +
    sections
      .map(
        (s) =>
          `<h2 style="font-size:16px;margin:18px 0 6px;color:#1a3d6d;">${escapeHtml(s.h)}</h2>` +
          (s.p ?? []).map((p) => `<p style="margin:4px 0;">${escapeHtml(p)}</p>`).join('') +
          (s.t ? table(...s.t) : ''),
      )
      .join('') +
    `<p style="margin-top:20px;font-size:12px;color:#6b7280;">${escapeHtml(footer)}</p></body></html>`;
  const text = [
    title.toUpperCase(),
    r.provinceName,
    ...sections.flatMap((s) => [
      '',
      s.h.toUpperCase(),
      ...(s.p ?? []),
      ...(s.t ? s.t[1].map((row) => row.join(' | ')) : []),
    ]),
    '',
    footer,
  ].join('\n');
  return { subject, html, text };
}
