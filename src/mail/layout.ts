// The phone-safe layout every email uses: one column, as wide as the screen up to 680 px, text ≥ 14 px,
// a card per criterion and tables only for summaries of a few short columns. An email is a list of blocks
// rendered once to HTML and once to plain text, so both parts say the same thing. Styles are inline only:
// Gmail drops <style> blocks in some clients. Text is escaped here, and only here.
import type { RowStatus } from '../core/types';

export interface RenderedEmail {
  subject: string;
  html: string;
  /** The plain-text part. */
  text: string;
}

/** A status word in its colour. */
export interface Badge {
  label: string;
  status: RowStatus;
}

/** One criterion: its code and title (a link to its row), the status word, then facts and reasons. */
export interface Card {
  title: string;
  href?: string;
  badge?: Badge;
  /** Short facts shown after the status word: "có thể mất 2 điểm", "hạn 20/11/2026". */
  facts: string[];
  /** Longer lines, one per line: "Ngành: BPMC", the reasons. */
  lines: string[];
  /** The card as plain text: a head line, then indented lines. */
  text: string[];
}

/** One line of a compact list (a link when href is given). */
export interface Item {
  text: string;
  href?: string;
  badge?: Badge;
  /** After the badge: "2 / 2 điểm". */
  tail?: string;
  /** The plain-text line, when it differs from the HTML text. */
  plain?: string;
}

export interface Column {
  label: string;
  num?: boolean;
}

export type Block =
  | { h: string }
  | { p: string; tone?: string; href?: string }
  /** Key figures; the first line is the headline. */
  | { box: string[] }
  | { card: Card }
  | { items: Item[] }
  /** A short, visible section (data errors) near the top. */
  | { alert: string; items: Item[] }
  /** A short table; a row's href links its first cell (a commune's name to its spreadsheet). */
  | { cols: Column[]; rows: { cells: string[]; text: string; href?: string }[] };

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
export function oneLine(s: string): string {
  return s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const INK = '#202124';
const NAVY = '#1a3d6d';
export const GREY = '#4b5563';
export const AMBER = '#b26a00';
const RED = '#c62828';
const LINE = '#d0d7de';
const STATUS_COLOR: Partial<Record<RowStatus, string>> = {
  losing: RED,
  atRisk: AMBER,
  error: RED,
  secured: '#2e7d32',
};
const colorOf = (s: RowStatus | undefined) => (s ? (STATUS_COLOR[s] ?? GREY) : LINE);
// Long unbroken user text (a pasted link, a formula) wraps instead of widening the screen.
const WRAP = 'word-wrap:break-word;word-break:break-word;overflow-wrap:anywhere;';

const link = (text: string, href?: string) =>
  href ? `<a href="${escapeHtml(href)}" style="color:${NAVY};">${escapeHtml(text)}</a>` : escapeHtml(text);
const badge = (b?: Badge) => (b ? `<b style="color:${colorOf(b.status)};">${escapeHtml(b.label)}</b>` : '');
const div = (style: string, html: string) => `<div style="${style}">${html}</div>`;

function itemHtml(i: Item): string {
  const rest = [badge(i.badge), escapeHtml(i.tail ?? '')].filter(Boolean).join(' · ');
  return div(
    `padding:6px 0;border-bottom:1px solid #e5e7eb;`,
    link(i.text, i.href) + (rest ? ` · ${rest}` : ''),
  );
}

function blockHtml(b: Block): string {
  if ('h' in b)
    return `<h2 style="font-size:17px;margin:22px 0 8px 0;color:${NAVY};">${escapeHtml(b.h)}</h2>`;
  if ('p' in b) return `<p style="margin:6px 0;${b.tone ? `color:${b.tone};` : ''}">${link(b.p, b.href)}</p>`;
  if ('box' in b)
    return div(
      `border:1px solid ${LINE};border-radius:6px;padding:10px 14px;background:#f8fafc;`,
      b.box.map((l, i) => div(i === 0 ? 'font-size:20px;font-weight:bold;' : '', escapeHtml(l))).join(''),
    );
  if ('card' in b) {
    const c = b.card;
    const head = [badge(c.badge), ...c.facts.map(escapeHtml)].filter(Boolean).join(' · ');
    return div(
      `border:1px solid ${LINE};border-left:4px solid ${colorOf(c.badge?.status)};border-radius:6px;padding:8px 12px;margin:0 0 10px 0;`,
      div('font-weight:bold;', link(c.title, c.href)) +
        (head ? div('margin-top:2px;', head) : '') +
        c.lines.map((l) => div(`margin-top:2px;color:#374151;`, escapeHtml(l))).join(''),
    );
  }
  if ('alert' in b)
    return div(
      `border:1px solid #f1b0b0;border-left:4px solid ${RED};border-radius:6px;padding:8px 12px;margin:14px 0;background:#fdf2f2;`,
      div(`font-weight:bold;color:${RED};font-size:16px;`, escapeHtml(b.alert)) +
        b.items.map(itemHtml).join(''),
    );
  if ('items' in b) return div('margin:4px 0 12px 0;', b.items.map(itemHtml).join(''));
  // Headers are ours: they break between words only (a narrow column must not split "Hạng" letter by letter).
  const cell = (num?: boolean) =>
    `padding:6px 8px;border:1px solid ${LINE};vertical-align:top;text-align:${num ? 'right;white-space:nowrap' : 'left'};`;
  const head = b.cols
    .map(
      (c) =>
        `<th style="${cell(c.num)}background:#eef2f7;white-space:normal;word-break:normal;overflow-wrap:normal;">${escapeHtml(c.label)}</th>`,
    )
    .join('');
  const rows = b.rows.map(
    (r) =>
      `<tr>${r.cells.map((v, i) => `<td style="${cell(b.cols[i]?.num)}">${link(v, i === 0 ? r.href : undefined)}</td>`).join('')}</tr>`,
  );
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;margin:8px 0 16px 0;font-size:14px;"><tr>${head}</tr>${rows.join('')}</table>`;
}

function blockText(b: Block): string[] {
  if ('h' in b) return ['', b.h.toUpperCase()];
  if ('p' in b) return [...(b.tone ? [''] : []), b.p, ...(b.href ? [`  ${b.href}`] : [])];
  if ('box' in b) return b.box;
  if ('card' in b) return b.card.text;
  const items = (list: Item[]) => list.map((i) => i.plain ?? i.text);
  if ('alert' in b) return ['', b.alert.toUpperCase(), ...items(b.items)];
  if ('items' in b) return items(b.items);
  return b.rows.map((r) => r.text);
}

/** The whole message: a title, a subtitle, the blocks and a footer, as HTML and as plain text. */
export function emailOf(
  subject: string,
  title: string,
  sub: string,
  blocks: Block[],
  footer: string,
): RenderedEmail {
  const html =
    `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title></head>` +
    `<body style="margin:0;padding:12px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;color:${INK};">` +
    `<div style="max-width:680px;margin:0 auto;font-size:15px;line-height:1.45;${WRAP}">` +
    `<h1 style="font-size:21px;line-height:1.3;margin:0 0 4px 0;color:${NAVY};">${escapeHtml(title)}</h1>` +
    `<p style="margin:0 0 12px 0;color:${GREY};">${escapeHtml(sub)}</p>${blocks.map(blockHtml).join('')}` +
    `<p style="margin-top:24px;font-size:14px;color:${GREY};">${escapeHtml(footer)}</p></div></body></html>`;
  const text = [title.toUpperCase(), sub, '', ...blocks.flatMap(blockText), '', footer].join('\n');
  return { subject: oneLine(subject), html, text };
}
