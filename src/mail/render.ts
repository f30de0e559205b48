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

import type { RowStatus } from '../core/types';
import { TERMS } from '../core/vocabulary';

export interface RenderedEmail {
  subject: string;
  html: string;
  /** The plain-text part. */
  text: string;
}

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
}

/** How many at-risk criteria the leadership email lists. */
export const TOP_AT_RISK = 10;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Subjects are one line: user text must not smuggle line breaks into mail headers. */
function oneLine(s: string): string {
  return s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

// ── One description, two renderings ──
// Each email is a list of blocks rendered once to HTML (inline styles: Gmail drops <style> in some
// clients) and once to plain text, so both parts always say the same thing. Text is escaped here only.

const FONT = 'font-family:Arial,Helvetica,sans-serif;color:#202124;';
const BORDER = 'border:1px solid #d0d7de;';
const CELL = `padding:6px 8px;${BORDER}vertical-align:top;`;
const NUM = 'text-align:right;white-space:nowrap;';
const STATUS_COLOR: Partial<Record<RowStatus, string>> = {
  losing: '#c62828',
  atRisk: '#b26a00',
  error: '#c62828',
  secured: '#2e7d32',
  notApplicable: '#6b7280',
  tracking: '#6b7280',
};

interface Column {
  label: string;
  num?: boolean;
  /** CSS width ("30%"), so long reasons get room. */
  width?: string;
  /** This column shows the row's notes (reasons), one per line. */
  notes?: boolean;
}

interface Row {
  cells: string[];
  /** Status shown under the cell at index 1 (the title). */
  badge?: CriterionLine;
  /** Reasons: a cell in HTML, indented lines in text. */
  notes?: string[];
  /** The row as one plain-text line. */
  text: string;
}

type Block =
  { h: string } | { p: string; tone?: string } | { box: string[] } | { cols: Column[]; rows: Row[] };

function blockHtml(b: Block): string {
  if ('h' in b)
    return `<h2 style="font-size:16px;margin:20px 0 6px 0;color:#1a3d6d;">${escapeHtml(b.h)}</h2>`;
  if ('p' in b) return `<p style="margin:6px 0;${b.tone ? `color:${b.tone};` : ''}">${escapeHtml(b.p)}</p>`;
  if ('box' in b) {
    const lines = b.box.map(
      (l, i) => `<div${i === 1 ? ' style="font-size:18px;font-weight:bold;"' : ''}>${escapeHtml(l)}</div>`,
    );
    return `<div style="${BORDER}border-radius:6px;padding:10px 14px;background:#f8fafc;">${lines.join('')}</div>`;
  }
  const head = b.cols
    .map(
      (c) =>
        `<th style="${CELL}text-align:left;background:#eef2f7;${c.num ? NUM : ''}${c.width ? `width:${c.width};` : ''}">${escapeHtml(c.label)}</th>`,
    )
    .join('');
  const body = b.rows.map((r) => {
    let ci = 0;
    const tds = b.cols.map((c, i) => {
      const html = c.notes
        ? (r.notes ?? []).map(escapeHtml).join('<br>')
        : escapeHtml(r.cells[ci++] ?? '') + (i === 1 && r.badge ? `<br>${statusBadge(r.badge)}` : '');
      return `<td style="${CELL}${c.num ? NUM : ''}">${html}</td>`;
    });
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;max-width:680px;margin:8px 0 16px 0;font-size:13px;"><tr>${head}</tr>${body.join('')}</table>`;
}

function blockText(b: Block): string[] {
  if ('h' in b) return ['', b.h.toUpperCase()];
  if ('p' in b) return b.tone ? ['', b.p] : [b.p];
  if ('box' in b) return b.box;
  return b.rows.flatMap((r) => [r.text, ...(r.notes ?? []).map((n) => `    ${n}`)]);
}

function statusBadge(line: CriterionLine): string {
  return `<span style="color:${STATUS_COLOR[line.status] ?? '#202124'};font-weight:bold;">${escapeHtml(line.statusLabel)}</span>`;
}

function render(subject: string, title: string, m: ReportModel, blocks: Block[]): RenderedEmail {
  const sub = `${communeLabel(m)} – năm ${m.year}`;
  const footer = footerText(m);
  const html =
    `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="margin:0;padding:16px;background:#ffffff;${FONT}"><div style="max-width:680px;${FONT}font-size:14px;line-height:1.45;">` +
    `<h1 style="font-size:20px;margin:0 0 4px 0;color:#1a3d6d;">${escapeHtml(title)}</h1>` +
    `<p style="margin:0 0 12px 0;color:#4b5563;">${escapeHtml(sub)}</p>${blocks.map(blockHtml).join('')}` +
    `<p style="margin-top:24px;font-size:12px;color:#6b7280;">${escapeHtml(footer)}</p></div></body></html>`;
  const text = [title.toUpperCase(), sub, '', ...blocks.flatMap(blockText), '', footer].join('\n');
  return { subject: oneLine(subject), html, text };
}

function footerText(m: ReportModel): string {
  return (
    `Thư tự động từ CCHC Scorecard, số liệu tính đến ngày ${formatDate(m.asOf)}` +
    (m.errorCount > 0 ? `; bảng tiêu chí còn ${m.errorCount} ô dữ liệu lỗi cần sửa.` : '.')
  );
}

// ── Shared phrases ──

function standingLines(m: ReportModel): string[] {
  const lines = [
    `${TERMS.total.vi}: ${formatPoints(m.total)} / ${formatPoints(m.applicableMax)}`,
    `${TERMS.applicableMax.vi}: ${formatPoints(m.applicableMax)}`,
    `${TERMS.index.vi}: ${formatPercent(m.indexPercent)}`,
    `${TERMS.classification.vi}: ${m.classification || '—'}`,
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

/** The leadership email: standing, change since last month, top at-risk criteria, path to the next class. */
export function renderLeadershipEmail(m: ReportModel, ctx: MonthlyContext): RenderedEmail {
  const monthVi = formatMonth(ctx.month);
  const change = ctx.previous ? compareSnapshots(ctx.previous, ctx.current ?? snapshotOf(m, m.asOf)) : null;
  const top = m.atRisk.slice(0, TOP_AT_RISK);
  const b: Block[] = [{ box: standingLines(m) }, { h: 'Thay đổi so với tháng trước' }];
  for (const l of changeLines(change)) b.push({ p: l });

  b.push({ h: 'Tiêu chí cần xử lý trước' });
  if (top.length === 0) b.push({ p: NO_RISK_TEXT });
  else {
    b.push({
      cols: [
        { label: 'Mã' },
        { label: 'Tiêu chí' },
        { label: 'Ngành' },
        { label: 'Có thể mất', num: true },
        { label: 'Hạn' },
        { label: 'Lý do', width: '32%', notes: true },
      ],
      rows: top.map((l) => ({
        cells: [l.code, l.title, sectorsLabel(l), formatPoints(l.pointsAtStake), deadlineText(l.deadline)],
        badge: l,
        notes: l.reasons,
        text: criterionLine(l, true),
      })),
    });
    if (m.atRisk.length > top.length) {
      b.push({ p: `Và ${m.atRisk.length - top.length} tiêu chí khác (xem trang Báo cáo).`, tone: '#4b5563' });
    }
  }

  b.push({ h: 'Lộ trình lên mức xếp loại tiếp theo' }, { p: pathIntro(m) });
  if (m.path && m.path.steps.length > 0) {
    b.push({
      cols: [
        { label: '#' },
        { label: 'Mã' },
        { label: 'Tiêu chí' },
        { label: 'Ngành' },
        { label: 'Điểm gỡ được', num: true },
        { label: 'Hạn' },
      ],
      rows: m.path.steps.map(({ line: l }, i) => ({
        cells: [
          String(i + 1),
          l.code,
          l.title,
          sectorsLabel(l),
          formatPoints(l.recoverable),
          deadlineText(l.deadline),
        ],
        text: `${i + 1}. ${l.code} ${l.title} – ${sectorsLabel(l)} – gỡ ${formatPoints(l.recoverable)} điểm – hạn ${deadlineText(l.deadline)}`,
      })),
    });
  }

  b.push(
    { h: 'Theo lĩnh vực' },
    {
      cols: [
        { label: 'Lĩnh vực' },
        { label: 'Điểm', num: true },
        { label: TERMS.applicableMax.vi, num: true },
        { label: 'Tỷ lệ', num: true },
      ],
      rows: m.areas.map((a) => {
        const cells = [
          `${a.code}. ${a.title}`,
          formatPoints(a.score),
          formatPoints(a.max),
          formatPercent(a.percent),
        ];
        return { cells, text: `${cells[0]}: ${cells[1]} / ${cells[2]} (${cells[3]})` };
      }),
    },
  );
  const withSector = sectorTable(m);
  if (withSector.length > 0) {
    b.push(
      { h: 'Theo ngành' },
      {
        cols: [
          { label: 'Ngành' },
          { label: 'Số tiêu chí', num: true },
          { label: 'Cần xử lý', num: true },
          { label: 'Có thể mất (điểm)', num: true },
        ],
        rows: withSector.map((s) => ({
          cells: [s.name, String(s.owned), String(s.atRiskCount), formatPoints(s.atStake)],
          text: `${s.name}: ${s.owned} tiêu chí, ${s.atRiskCount} cần xử lý, có thể mất ${formatPoints(s.atStake)} điểm`,
        })),
      },
    );
  }
  const unmailed = ctx.unmailedSectors ?? [];
  if (unmailed.length > 0) {
    b.push({
      p: `Ngành chưa có email trong danh bạ nên không nhận được thư này: ${unmailed.join(', ')}.`,
      tone: '#b26a00',
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
export function renderSectorEmail(m: ReportModel, sector: SectorReport, month: string): RenderedEmail {
  const monthVi = formatMonth(month);
  const act = sector.criteria.filter(needsAction);
  const rest = sector.criteria.filter((l) => !needsAction(l));
  const shared = (l: CriterionLine) => l.title + (l.shared ? ' (chung)' : '');
  const b: Block[] = [
    {
      p: sector.head.trim() ? `Kính gửi ${sector.head.trim()},` : `Kính gửi phụ trách ngành ${sector.name},`,
    },
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
  ];
  if (act.length > 0) {
    b.push(
      { h: TERMS.actionList.vi },
      {
        cols: [
          { label: 'Mã' },
          { label: 'Tiêu chí' },
          { label: 'Lý do', width: '36%', notes: true },
          { label: 'Hạn' },
          { label: 'Có thể mất', num: true },
        ],
        rows: act.map((l) => ({
          cells: [l.code, shared(l), deadlineText(l.deadline), formatPoints(l.pointsAtStake)],
          badge: l,
          notes: l.reasons,
          text: criterionLine(l, false),
        })),
      },
    );
  }
  if (rest.length > 0) {
    b.push(
      { h: act.length > 0 ? 'Các tiêu chí khác' : 'Các tiêu chí của ngành' },
      {
        cols: [{ label: 'Mã' }, { label: 'Tiêu chí' }, { label: 'Điểm', num: true }, { label: 'Hạn' }],
        rows: rest.map((l) => {
          const pts =
            l.status === 'notApplicable'
              ? '—'
              : `${formatPoints(l.score ?? 0)} / ${formatPoints(l.max ?? 0)}`;
          return {
            cells: [l.code, shared(l), pts, deadlineText(l.deadline)],
            badge: l,
            text: `* ${l.code} ${l.title} [${l.statusLabel}]${l.status === 'notApplicable' ? '' : ` – ${pts} điểm`}`,
          };
        }),
      },
    );
  }
  if (sector.criteria.some((l) => l.shared)) {
    b.push({
      p: `Tiêu chí ghi "${TERMS.allSectors.vi}" là trách nhiệm chung, được gửi cho mọi ngành.`,
      tone: '#4b5563',
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
    sectors.push({ ...renderSectorEmail(m, s, ctx.month), to: uniqueEmails([s.email]), sector: s.name });
  }
  const leadership: OutgoingEmail = {
    ...renderLeadershipEmail(m, { ...ctx, unmailedSectors: sectorsWithoutEmail }),
    to: uniqueEmails(ctx.leadership),
    sector: null,
  };
  return { leadership, sectors, sectorsWithoutEmail, sectorsNotInDirectory: m.unknownSectors };
}
