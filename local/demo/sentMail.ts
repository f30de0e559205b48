// out/mail/*.html: every message the add-in handed to MailApp during the run, one file per message, the HTML
// body exactly as MailApp received it (the bundle's own send path: sidebarSendNow → MailApp.sendEmail on the
// stand-in, which records instead of sending). Named by order and recipient: 01-lanh-dao-chu-tich.html,
// 03-nganh-vp-tk.html — the preview tells whose address it is.
import type { SentMail } from '../gas/mail';
import type { EmailPreview } from '../../src/server/api';
import { slug } from './html';

export interface MailFile {
  /** Relative to the output folder: mail/NN-….html */
  file: string;
  message: SentMail;
}

/** The address's owner: "lanh-dao-chu-tich" (leadership, by the address's name) or "nganh-vp-tk". */
function ownerOf(address: string, preview: EmailPreview | null): string {
  const key = address.trim().toLowerCase();
  const local = slug(key.split('@')[0] ?? key);
  if (preview?.leadership.to.some((a) => a.trim().toLowerCase() === key)) return `lanh-dao-${local}`;
  const sector = preview?.sectors.find((m) => m.to.some((a) => a.trim().toLowerCase() === key));
  if (sector) {
    const name = `nganh-${slug(sector.sector ?? '')}`;
    return sector.to.length > 1 ? `${name}-${local}` : name;
  }
  return slug(key);
}

export function mailFiles(sent: readonly SentMail[], preview: EmailPreview | null): MailFile[] {
  const width = Math.max(2, String(sent.length).length);
  return sent.map((message, i) => ({
    file: `mail/${String(i + 1).padStart(width, '0')}-${ownerOf(message.to.split(',')[0] ?? '', preview)}.html`,
    message,
  }));
}
