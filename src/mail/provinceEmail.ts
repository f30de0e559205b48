// The monthly province email to the province's PAR office (Sở Nội vụ / bộ phận CCHC): the standing of every
// commune in brief, the communes that could not be read, ranking changes since last month, the bottom
// communes and the weakest criteria. Pure: the province workbook sends it, the local run writes it to a file.
// Same phone-safe layout as the commune emails (layout.ts): one column, short tables, a card per criterion.
// Every commune it names links to that commune's spreadsheet (its URL in "Danh sách xã") when the URL is a
// Google one (googleDocsLink); otherwise, and in the local run where communes are files, the name is text.
import type { ProvinceReport, RankedCommune } from '../core/provinceReport';
import { googleDocsLink } from '../core/sheetLinks';
import { formatDate, formatDelta, formatPercent as percent, formatPoints as points } from '../core/format';
import { emailOf, type Block, type RenderedEmail } from './layout';

// This text is Vietnamese: the formatting module with 'vi'.
const formatPoints = (n: number): string => points('vi', n);
const formatPercent = (p: number | null): string => percent('vi', p);

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
  const classes = r.classCounts
    .filter((k) => k.count > 0)
    .map((k) => `${k.label} ${k.count}`)
    .join(' · ');
  const b: Block[] = [
    {
      box: [
        `Chỉ số bình quân ${formatPercent(r.averageIndexPercent)}`,
        `${r.communes.length} xã/phường có số liệu`,
        `Xếp loại: ${classes || '—'}.`,
      ],
    },
  ];
  const rankingLink = googleDocsLink(r.rankingUrl);
  if (rankingLink) b.push({ p: 'Mở bảng tổng hợp (trang Xếp hạng)', href: rankingLink });
  if (r.errors.length)
    b.push({
      alert: `Chưa đọc được số liệu của ${r.errors.length} xã/phường`,
      items: r.errors.map((e) => ({
        text: e.name,
        href: googleDocsLink(e.url),
        tail: e.message,
        plain: `${e.name}: ${e.message}`,
      })),
    });
  b.push({ h: 'Thay đổi thứ hạng so với tháng trước' });
  b.push(
    r.movers.length
      ? {
          cols: [
            { label: 'Xã/phường' },
            { label: 'Hạng', num: true },
            { label: 'Thay đổi', num: true },
            { label: 'Chỉ số', num: true },
          ],
          rows: r.movers.slice(0, 10).map((c) => {
            const prev = String(c.previousRank ?? '—');
            // The index change since last month's snapshot, in percentage points.
            const delta =
              c.indexChange === null ? '' : ` (${formatDelta('vi', c.indexChange, 2, ' điểm %')})`;
            const idx = formatPercent(c.indexPercent) + delta;
            const href = googleDocsLink(c.url);
            return {
              cells: [c.name, rankText(c), `${move(c)} (từ ${prev})`, idx],
              text: [c.name, rankText(c), prev, move(c), idx, ...(href ? [href] : [])].join(' | '),
              href,
            };
          }),
        }
      : { p: 'Không có thay đổi, hoặc chưa có bảng xếp hạng tháng trước.' },
  );
  if (r.communes.some((c) => c.rank !== null))
    b.push(
      { h: 'Các xã/phường xếp cuối' },
      {
        items: r.bottom.map((c) => {
          const facts = [
            formatPercent(c.indexPercent),
            c.classification || '—',
            `${formatPoints(c.total)}/${formatPoints(c.applicableMax)}`,
          ];
          const href = googleDocsLink(c.url);
          return {
            text: `${rankText(c)}. ${c.name}`,
            href,
            tail: `${facts.join(' · ')} điểm`,
            plain: [rankText(c), c.name, ...facts, ...(href ? [href] : [])].join(' | '),
          };
        }),
      },
    );
  b.push({
    h: r.weakest.length ? 'Tiêu chí dễ mất điểm nhất (cần hỗ trợ trước)' : 'Tiêu chí dễ mất điểm nhất',
  });
  if (!r.weakest.length) b.push({ p: 'Không có tiêu chí nào bị mất điểm.' });
  for (const k of r.weakest) {
    const cells = [
      `${k.communesLosing}/${k.communesApplicable}`,
      formatPoints(k.pointsLost),
      formatPercent(k.averageShare * 100),
    ];
    b.push({
      card: {
        title: `${k.code} ${k.title}`,
        facts: [`${cells[0]} xã mất điểm`, `tổng mất ${cells[1]} điểm`],
        lines: [`Tỷ lệ điểm đạt trung bình: ${cells[2]}`],
        text: [[k.code, k.title, ...cells].join(' | ')],
      },
    });
  }
  return emailOf(
    `${title} – ${r.provinceName}`,
    title,
    r.provinceName,
    b,
    `Thư tự động từ CCHC Scorecard (bảng tổng hợp tỉnh), số liệu tính đến ngày ${formatDate(r.asOf)}.`,
  );
}
