// email.html and email-<sector>.html: each monthly email as an inbox shows it: sender, recipients and
// subject above the body, the body being the add-in's HTML exactly as MailApp receives it, isolated in a
// sandboxed iframe (no script, its own styles). A navigation bar links every email of the month.
import type { EmailMessage } from '../../src/server/api';
import { esc, page } from './html';

export interface EmailFile {
  file: string;
  label: string;
  message: EmailMessage;
}

export function renderEmailPage(
  current: EmailFile,
  all: EmailFile[],
  meta: { from: string; note: string },
): string {
  const nav = all
    .map((e) =>
      e.file === current.file ? `<b>${esc(e.label)}</b>` : `<a href="${esc(e.file)}">${esc(e.label)}</a>`,
    )
    .join(' · ');
  const to = current.message.to.length
    ? current.message.to.join(', ')
    : '(chưa có người nhận: nhập email trong Cài đặt)';
  const body = `<nav class="mails">Thư tháng này: ${nav}</nav>
<div class="head">
<div class="subject">${esc(current.message.subject)}</div>
<div><span class="k">Từ:</span> ${esc(meta.from)}</div>
<div><span class="k">Tới:</span> ${esc(to)}</div>
</div>
<iframe class="body" sandbox="" title="Nội dung thư" srcdoc="${esc(current.message.html)}"></iframe>
<details><summary>Phần văn bản thuần (text/plain)</summary><pre>${esc(current.message.text)}</pre></details>
<p class="meta">${esc(meta.note)}</p>`;
  return page(
    current.message.subject,
    body,
    `
nav.mails { margin-bottom: 12px; font-size: 12px; } nav.mails a { color: #1a73e8; }
.head { border-bottom: 1px solid #dadce0; padding-bottom: 8px; margin-bottom: 8px; }
.head .subject { font-size: 20px; margin-bottom: 6px; } .head .k { color: #5f6368; }
iframe.body { width: 100%; max-width: 760px; height: 75vh; border: 1px solid #dadce0; }
pre { white-space: pre-wrap; font-size: 12px; background: #f8f9fa; padding: 8px; max-width: 760px; }`,
  );
}
