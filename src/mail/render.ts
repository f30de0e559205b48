// The monthly emails, rendered from the pure report model: one to leadership (standing, change since last
// month, what to fix first, path to the next class) and one per sector head (only that sector's criteria).
// Pure (no Apps Script): the sidebar preview, the demo and the tests render exactly what is sent.
// Gmail drops <style> blocks in some clients, so every style is inline; all user text is escaped.
import {
  communeLabel,
  compareSnapshots,
  NO_INDEX_TEXT,
  needsAction,
  NO_RISK_TEXT,
  round,
  sectorsLabel,
  sectorTable,
  snapshotOf,
  type CriterionLine,
  type ReportModel,
  type SectorReport,
  type Snapshot,
  type SnapshotComparison,
} from '../core/summary';
import {
  formatDate,
  formatDelta as delta,
  formatMonth,
  formatNumber,
  formatPercent as percent,
  formatPoints as points,
} from '../core/format';

// This text is Vietnamese: the formatting module with 'vi'.
const formatPoints = (n: number): string => points('vi', n);
const formatPercent = (p: number | null): string => percent('vi', p);
const formatDelta = (n: number, unit = ''): string => delta('vi', n, 2, unit);
/** A band's minimum: "80%". */
const bandMin = (min: number): string => `${formatNumber('vi', min)}%`;

import type { Problem } from '../core/types';
import { COLUMN_NAMES, TERMS } from '../core/vocabulary';
import { rowLink, type SheetLinks } from '../core/sheetLinks';
import { emailOf, AMBER, GREY, type Block, type Item, type RenderedEmail } from './layout';

export { escapeHtml, type RenderedEmail } from './layout';

/** A rendered email with its recipients (same shape as EmailMessage in src/server/api.ts). */
export interface OutgoingEmail extends RenderedEmail {
  to: string[];
  /** The sector name for a sector email; null for the leadership email. */
  sector: string | null;
}

export interface MonthlyEmails {
  leadership: OutgoingEmail;
  /** One per directory sector that has an email address and at least one criterion. */
  sectors: OutgoingEmail[];
  /** Directory sectors with criteria but no email address: no mail can go to them. */
  sectorsWithoutEmail: string[];
  /** Sector names used in the sheet that are not in the directory. */
  sectorsNotInDirectory: string[];
}

export interface MonthlyContext {
  /** yyyy-MM of the summary. */
  month: string;
  leadership: string[];
  /** The latest snapshot of an earlier month, for "change since last month". */
  previous: Snapshot | null;
  /** The snapshot of now (the comparison's later side); derived from the model when omitted. */
  current?: Snapshot | null;
  /** Sectors that get no email (no address in the directory): leadership is told. */
  unmailedSectors?: string[];
  /** Links back to the spreadsheet, its criteria tab and each row; none without a spreadsheet. */
  links?: SheetLinks | null;
}

/** How many at-risk criteria the leadership email lists. */
export const TOP_AT_RISK = 10;
/** How many data errors the short section near the top lists (the rest are one link). */
export const TOP_ERRORS = 5;

type Links = SheetLinks | null | undefined;

function render(subject: string, title: string, m: ReportModel, blocks: Block[]): RenderedEmail {
  return emailOf(
    subject,
    title,
    `${communeLabel(m)} – năm ${m.year}`,
    blocks,
    `Thư tự động từ CCHC Scorecard, số liệu tính đến ngày ${formatDate(m.asOf)}.`,
  );
}

/** "Mở bảng tính", "Mở trang Tiêu chí": links to the file and the criteria tab. */
function openLinks(links: Links): Block[] {
  if (!links) return [];
  const item = (text: string, href: string): Item => ({ text, href, plain: `${text}: ${href}` });
  return [{ items: [item('Mở bảng tính', links.spreadsheet), item(`Mở trang ${links.tabName}`, links.tab)] }];
}

/** "3 ô dữ liệu cần sửa": its own short section near the top, each cell a link to itself. */
function dataErrorBlocks(errors: Problem[], links: Links): Block[] {
  if (errors.length === 0) return [];
  const items: Item[] = errors.slice(0, TOP_ERRORS).map((e) => ({
    text: (e.row ? `Dòng ${e.row}${e.column ? `, cột ${COLUMN_NAMES[e.column].vi}` : ''}: ` : '') + e.message,
    href: links && e.row ? rowLink(links, e.row, e.column) : undefined,
  }));
  if (errors.length > TOP_ERRORS) items.push(moreItem(errors.length - TOP_ERRORS, 'ô', links));
  return [{ alert: `${errors.length} ô dữ liệu cần sửa`, items }];
}

/** "Và 14 tiêu chí khác": a link to the criteria tab. */
function moreItem(n: number, what: string, links: Links): Item {
  const text = `Và ${n} ${what} khác`;
  return links
    ? { text, href: links.tab, plain: `${text}: ${links.tab}` }
    : { text: `${text} (xem bảng tính).` };
}

/** A criterion as a card: code and title (a link to its row), status, points at stake, deadline, sector, reasons. */
function criterionCard(l: CriterionLine, links: Links, withSector: boolean): Block {
  const lines = withSector ? [`${TERMS.sector.vi}: ${sectorsLabel(l)}`] : [];
  if (l.reasons.length) lines.push(`Lý do: ${l.reasons.join('; ')}`);
  const solution = solutionText(l);
  if (solution) lines.push(solution);
  return {
    card: {
      title: `${l.code} ${l.title}${!withSector && l.shared ? ' (chung)' : ''}`,
      href: links ? rowLink(links, l.row) : undefined,
      badge: { label: l.statusLabel, status: l.status },
      facts: [
        l.pointsAtStake > 0 ? `có thể mất ${formatPoints(l.pointsAtStake)} điểm` : '',
        l.deadline ? `hạn ${formatDate(l.deadline)}` : '',
      ].filter(Boolean),
      lines,
      text: [
        criterionLine(l, withSector),
        ...l.reasons.map((r) => `    ${r}`),
        ...(solution ? [`    ${solution}`] : []),
      ],
    },
  };
}

/** "Giải pháp: … (Lê Thị Mai, hạn khắc phục 30/09/2024)", or '' without one (issue 14). */
function solutionText(l: CriterionLine): string {
  if (!l.solution) return '';
  const who = [l.solutionOwner ?? '', l.solutionDue ? `hạn khắc phục ${formatDate(l.solutionDue)}` : '']
    .filter(Boolean)
    .join(', ');
  return `${COLUMN_NAMES.solution.vi}: ${l.solution}${who ? ` (${who})` : ''}`;
}

/** The sector email's first section: its criteria needing action that have no solution yet (issue 14). */
function noSolutionBlocks(lines: CriterionLine[], links: Links): Block[] {
  const missing = lines.filter((l) => l.noSolution);
  if (missing.length === 0) return [];
  return [
    {
      alert: `${missing.length} tiêu chí cần xử lý chưa có giải pháp: đề nghị ngành ghi giải pháp, người thực hiện, hạn khắc phục`,
      items: missing.map((l) => ({
        text: `${l.code} ${l.title}`,
        href: links ? rowLink(links, l.row, 'solution') : undefined,
        tail: l.pointsAtStake > 0 ? `có thể mất ${formatPoints(l.pointsAtStake)} điểm` : undefined,
      })),
    },
  ];
}

// ── Shared phrases ──

function standingLines(m: ReportModel): string[] {
  const a = m.rounds?.appraised;
  const lines = [
    `${TERMS.index.vi}: ${formatPercent(m.indexPercent)}`,
    // The appraised index beside the computed one, labelled with its round (issue 14), never in its place.
    ...(a
      ? [
          `${TERMS.index.vi} theo ${a.label}: ${formatPercent(a.indexPercent)} (${formatPoints(a.total)} điểm)`,
        ]
      : []),
    `${TERMS.classification.vi}: ${m.classification || '—'}`,
    `${TERMS.total.vi}: ${formatPoints(m.total)} / ${formatPoints(m.applicableMax)}`,
    `${TERMS.applicableMax.vi}: ${formatPoints(m.applicableMax)}`,
  ];
  // Only the ones that apply (rounded as shown): no "Điểm trừ: −0" when nothing was deducted.
  if (round(m.bonus) > 0) lines.push(`Điểm thưởng: +${formatPoints(m.bonus)}`);
  if (round(m.penalty) > 0) lines.push(`Điểm trừ: −${formatPoints(m.penalty)}`);
  lines.push(nextClassLine(m));
  return lines;
}

/** "Mức tiếp theo: Xuất sắc (từ 90%), còn thiếu 2,5 điểm" or the top-class sentence. */
export function nextClassLine(m: ReportModel): string {
  if (!m.nextClass) {
    return m.indexPercent == null ? NO_INDEX_TEXT : 'Đã ở mức xếp loại cao nhất.';
  }
  return `Mức tiếp theo: ${m.nextClass.label} (từ ${bandMin(m.nextClass.minPercent)}), còn thiếu ${formatPoints(m.nextClass.gapPoints)} điểm`;
}

function changeLines(c: SnapshotComparison | null): string[] {
  if (!c) return ['Chưa có số liệu tháng trước để so sánh.'];
  const lines = [
    `So với ngày ${formatDate(c.from.date)}: tổng điểm ${formatDelta(c.totalDelta)} (${formatPoints(c.from.total)} → ${formatPoints(c.to.total)})`,
  ];
  if (c.indexPercentDelta != null) {
    lines.push(
      `Chỉ số: ${formatDelta(c.indexPercentDelta, ' điểm %')} (${formatPercent(c.from.indexPercent)} → ${formatPercent(c.to.indexPercent)})`,
    );
  }
  lines.push(
    c.classChanged
      ? `Xếp loại: ${c.from.classification || '—'} → ${c.to.classification || '—'}`
      : `Xếp loại không đổi: ${c.to.classification || '—'}`,
  );
  lines.push(`${TERMS.actionList.vi}: ${c.from.atRiskCount} → ${c.to.atRiskCount}`);
  return lines;
}

function pathIntro(m: ReportModel): string {
  const p = m.path;
  if (!p) {
    return m.indexPercent == null
      ? 'Chưa thể tính lộ trình.'
      : 'Xã đang ở mức xếp loại cao nhất; cần giữ vững các tiêu chí.';
  }
  const head = `Để lên mức ${p.target.label} cần thêm ${formatPoints(p.target.gapPoints)} điểm`;
  if (p.steps.length === 0) return `${head}, nhưng không có tiêu chí cần xử lý nào có thể gỡ điểm.`;
  if (p.reachable) return `${head}: khắc phục ${p.steps.length} tiêu chí sau (theo thứ tự ưu tiên).`;
  return `${head}; kể cả khắc phục cả ${p.steps.length} tiêu chí dưới đây vẫn còn thiếu ${formatPoints(p.shortfall)} điểm.`;
}

function deadlineText(d: string | null): string {
  return d ? formatDate(d) : '—';
}

/** "* 1.2 Title [Mất điểm] – ngành: VP-TK; có thể mất 2 điểm; hạn 10/11/2026" */
function criterionLine(l: CriterionLine, withSector: boolean): string {
  const facts = [
    withSector ? `ngành: ${sectorsLabel(l)}` : '',
    l.pointsAtStake > 0 ? `có thể mất ${formatPoints(l.pointsAtStake)} điểm` : '',
    l.deadline ? `hạn ${formatDate(l.deadline)}` : '',
  ].filter(Boolean);
  const head = `* ${l.code} ${l.title} [${l.statusLabel}]`;
  return facts.length ? `${head} – ${facts.join('; ')}` : head;
}

// ── Leadership ──

/** The leadership email: standing, data errors, change since last month, top criteria needing action, the path. */
export function renderLeadershipEmail(m: ReportModel, ctx: MonthlyContext): RenderedEmail {
  const monthVi = formatMonth(ctx.month);
  const links = ctx.links;
  const change = ctx.previous ? compareSnapshots(ctx.previous, ctx.current ?? snapshotOf(m, m.asOf)) : null;
  const top = m.atRisk.slice(0, TOP_AT_RISK);
  const b: Block[] = [
    { box: standingLines(m) },
    ...openLinks(links),
    ...dataErrorBlocks(m.dataErrors, links),
    { h: 'Thay đổi so với tháng trước' },
  ];
  for (const l of changeLines(change)) b.push({ p: l });

  b.push({ h: 'Tiêu chí cần xử lý trước' });
  if (top.length === 0) b.push({ p: NO_RISK_TEXT });
  for (const l of top) b.push(criterionCard(l, links, true));
  if (m.atRisk.length > top.length)
    b.push({ items: [moreItem(m.atRisk.length - top.length, 'tiêu chí', links)] });

  b.push({ h: 'Lộ trình lên mức xếp loại tiếp theo' }, { p: pathIntro(m) });
  if (m.path && m.path.steps.length > 0) {
    b.push({
      items: m.path.steps.map(({ line: l }, i) => ({
        text: `${i + 1}. ${l.code} ${l.title}`,
        href: links ? rowLink(links, l.row) : undefined,
        tail: [
          `gỡ ${formatPoints(l.recoverable)} điểm`,
          sectorsLabel(l),
          l.deadline ? `hạn ${formatDate(l.deadline)}` : '',
        ]
          .filter(Boolean)
          .join(' · '),
        plain: `${i + 1}. ${l.code} ${l.title} – ${sectorsLabel(l)} – gỡ ${formatPoints(l.recoverable)} điểm – hạn ${deadlineText(l.deadline)}`,
      })),
    });
  }

  b.push(
    { h: 'Theo lĩnh vực' },
    {
      cols: [{ label: TERMS.area.vi }, { label: 'Điểm', num: true }, { label: 'Tỷ lệ', num: true }],
      rows: m.areas.map((a) => {
        const [name, score, max, pct] = [
          `${a.code}. ${a.title}`,
          formatPoints(a.score),
          formatPoints(a.max),
          formatPercent(a.percent),
        ];
        return { cells: [name, `${score} / ${max}`, pct], text: `${name}: ${score} / ${max} (${pct})` };
      }),
    },
  );
  const withSector = sectorTable(m);
  if (withSector.length > 0) {
    b.push(
      { h: 'Theo ngành' },
      {
        cols: [
          { label: TERMS.sector.vi },
          { label: 'Tiêu chí', num: true },
          { label: 'Cần xử lý', num: true },
          // Issue 14: how many of those still lack a solution, when the sheet has a Giải pháp column.
          ...(m.solutionColumn ? [{ label: 'Chưa có giải pháp', num: true }] : []),
          { label: 'Có thể mất', num: true },
        ],
        rows: withSector.map((s) => ({
          cells: [
            s.name,
            String(s.owned),
            String(s.atRiskCount),
            ...(m.solutionColumn ? [String(s.noSolutionCount)] : []),
            formatPoints(s.atStake),
          ],
          text:
            `${s.name}: ${s.owned} tiêu chí, ${s.atRiskCount} cần xử lý, có thể mất ${formatPoints(s.atStake)} điểm` +
            (m.solutionColumn ? `, ${s.noSolutionCount} chưa có giải pháp` : ''),
        })),
      },
    );
  }
  const unmailed = ctx.unmailedSectors ?? [];
  if (unmailed.length > 0) {
    b.push({
      p: `Ngành chưa có email trong danh bạ nên không nhận được thư này: ${unmailed.join(', ')}.`,
      tone: AMBER,
    });
  }
  return render(
    `[CCHC] ${communeLabel(m)} – tháng ${monthVi}: chỉ số ${formatPercent(m.indexPercent)} (${m.classification || '—'}), ${m.atRisk.length} ${TERMS.actionList.vi.toLowerCase()}`,
    `Tình hình chỉ số CCHC tháng ${monthVi}`,
    m,
    b,
  );
}

// ── Sector ──

/** The email to one sector head: only that sector's criteria, those needing action first. */
export function renderSectorEmail(
  m: ReportModel,
  sector: SectorReport,
  month: string,
  links?: SheetLinks | null,
): RenderedEmail {
  const monthVi = formatMonth(month);
  const act = sector.criteria.filter(needsAction);
  const rest = sector.criteria.filter((l) => !needsAction(l));
  const errorRows = new Set(act.filter((l) => l.status === 'error').map((l) => l.row));
  const b: Block[] = [
    {
      p: sector.head.trim() ? `Kính gửi ${sector.head.trim()},` : `Kính gửi phụ trách ngành ${sector.name},`,
    },
    // Issue 14: the email starts with what the sector still owes, a solution for each criterion at risk.
    ...noSolutionBlocks(act, links),
    {
      p:
        `Ngành phụ trách ${sector.owned} tiêu chí, đạt ${formatPoints(sector.secured)} / ${formatPoints(sector.applicableMax)} điểm (${TERMS.applicableMax.vi.toLowerCase()}). ` +
        (sector.atRiskCount > 0
          ? `${sector.atRiskCount} ${TERMS.actionList.vi.toLowerCase()}, có thể mất ${formatPoints(sector.atStake)} điểm.`
          : NO_RISK_TEXT),
    },
    {
      p: `Chỉ số chung của ${communeLabel(m)}: ${formatPercent(m.indexPercent)} (${m.classification || '—'}).`,
    },
    ...openLinks(links),
    ...dataErrorBlocks(
      m.dataErrors.filter((e) => e.row != null && errorRows.has(e.row)),
      links,
    ),
  ];
  if (act.length > 0) b.push({ h: TERMS.actionList.vi });
  for (const l of act) b.push(criterionCard(l, links, false));
  if (rest.length > 0) {
    b.push(
      { h: act.length > 0 ? 'Các tiêu chí khác' : 'Các tiêu chí của ngành' },
      {
        items: rest.map((l) => {
          const pts =
            l.status === 'notApplicable'
              ? ''
              : `${formatPoints(l.score ?? 0)} / ${formatPoints(l.max ?? 0)} điểm`;
          return {
            text: `${l.code} ${l.title}${l.shared ? ' (chung)' : ''}`,
            href: links ? rowLink(links, l.row) : undefined,
            badge: { label: l.statusLabel, status: l.status },
            tail: [pts, l.deadline ? `hạn ${formatDate(l.deadline)}` : ''].filter(Boolean).join(' · '),
            plain: `* ${l.code} ${l.title} [${l.statusLabel}]${pts ? ` – ${pts}` : ''}`,
          };
        }),
      },
    );
  }
  if (sector.criteria.some((l) => l.shared)) {
    b.push({
      p: `Tiêu chí ghi "${TERMS.allSectors.vi}" là trách nhiệm chung, được gửi cho mọi ngành.`,
      tone: GREY,
    });
  }
  return render(
    `[CCHC] ${communeLabel(m)} – ngành ${sector.name}, tháng ${monthVi}: ` +
      (sector.atRiskCount > 0
        ? `${sector.atRiskCount} ${TERMS.actionList.vi.toLowerCase()}`
        : `không có ${TERMS.actionList.vi.toLowerCase()}`),
    `Tiêu chí CCHC của ngành ${sector.name} – tháng ${monthVi}`,
    m,
    b,
  );
}

// ── The month's emails ──

function uniqueEmails(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of list) {
    const v = e.trim();
    if (v && !seen.has(v.toLowerCase())) {
      seen.add(v.toLowerCase());
      out.push(v);
    }
  }
  return out;
}

/**
 * Every email of the month: leadership (to the settings' leadership list) and one per directory sector that
 * has an email address and owns at least one criterion. Sectors without an address are listed, not mailed.
 */
export function composeMonthlyEmails(m: ReportModel, ctx: MonthlyContext): MonthlyEmails {
  const sectors: OutgoingEmail[] = [];
  const sectorsWithoutEmail: string[] = [];
  for (const s of m.sectors) {
    if (!s.inDirectory || s.owned === 0) continue;
    if (!s.email.trim()) {
      sectorsWithoutEmail.push(s.name);
      continue;
    }
    sectors.push({
      ...renderSectorEmail(m, s, ctx.month, ctx.links),
      to: uniqueEmails([s.email]),
      sector: s.name,
    });
  }
  const leadership: OutgoingEmail = {
    ...renderLeadershipEmail(m, { ...ctx, unmailedSectors: sectorsWithoutEmail }),
    to: uniqueEmails(ctx.leadership),
    sector: null,
  };
  return { leadership, sectors, sectorsWithoutEmail, sectorsNotInDirectory: m.unknownSectors };
}
