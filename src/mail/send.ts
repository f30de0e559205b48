// Sends the month's emails through MailApp, one message per recipient, leadership first, within the daily
// quota. Progress is saved after every message, so a crash or a quota stop leaves a record of exactly who
// got the mail and a retry sends only the rest. (A crash between MailApp accepting a message and the save
// that follows it is the one window that could repeat a single message; nothing can close it from a script.)
import { sectorKey } from '../core/sectors';
import type { MonthlyEmails, OutgoingEmail } from './render';

/** One message to one address. */
export interface Delivery {
  /** Stable identity within a month: "L|boss@x.vn" or "S|bpmc|head@x.vn". */
  key: string;
  to: string;
  sector: string | null;
  subject: string;
  html: string;
  text: string;
}

export interface SkippedDelivery {
  key: string;
  to: string;
  sector: string | null;
  reason: 'quota' | 'error';
  message: string;
}

/** What was done for one month, stored in document properties between runs. */
export interface SendProgress {
  /** yyyy-MM */
  month: string;
  /** 1 for the month's normal send; +1 for each forced resend (which starts over). */
  round: number;
  /** Keys of deliveries MailApp accepted in this round. */
  sent: string[];
  /** Deliveries not sent in the latest attempt (quota or error); retried by the next run. */
  skipped: SkippedDelivery[];
  /** Sectors with criteria but no email address in the directory. */
  noEmail: string[];
  complete: boolean;
  /** ISO time of the last change. */
  updatedAt: string;
}

/** The mail service as send.ts needs it (MailApp in production; tests may pass their own). */
export interface Mailer {
  remainingQuota(): number;
  send(d: Delivery): void;
}

/** Sender name shown in the inbox. */
export const SENDER_NAME = 'CCHC Scorecard';

/** MailApp, touched only when called (nothing at module top level may use a service). */
export function mailAppMailer(): Mailer {
  return {
    remainingQuota: () => MailApp.getRemainingDailyQuota(),
    send: (d) => MailApp.sendEmail(d.to, d.subject, d.text, { htmlBody: d.html, name: SENDER_NAME }),
  };
}

/** Splits the month's emails into one delivery per address: leadership first, then sectors in directory order. */
export function deliveriesOf(emails: MonthlyEmails): Delivery[] {
  const out: Delivery[] = [];
  const seen = new Set<string>();
  const add = (mail: OutgoingEmail, prefix: string) => {
    for (const to of mail.to) {
      const key = `${prefix}|${to.trim().toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        key,
        to: to.trim(),
        sector: mail.sector,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
      });
    }
  };
  add(emails.leadership, 'L');
  for (const s of emails.sectors) add(s, `S|${sectorKey(s.sector ?? '')}`);
  return out;
}

/** A fresh record for a month. */
export function newProgress(month: string, round: number, nowIso: string): SendProgress {
  return { month, round, sent: [], skipped: [], noEmail: [], complete: false, updatedAt: nowIso };
}

export interface SendOutcome {
  /** Deliveries sent by this call. */
  sentNow: Delivery[];
  /** Deliveries left unsent by this call (quota or error). */
  skipped: SkippedDelivery[];
  /** Deliveries already sent earlier this round (not sent again). */
  alreadySent: number;
  /** Quota reported before sending. */
  quotaBefore: number;
  complete: boolean;
}

// MailApp's quota error ("Service invoked too many times for one day: email.") and its relatives.
const QUOTA_ERROR = /too many times|quota|limit exceeded|rate limit/i;
const QUOTA_MESSAGE = 'Hết hạn mức gửi thư trong ngày';

/**
 * Sends what this round has not sent yet. Each recipient costs one unit of quota (one address per message);
 * when the quota cannot cover everyone the first ones in order (leadership) go out and the rest are recorded
 * as skipped. `save` runs after every accepted message and once at the end, even when something throws.
 */
export function sendPending(
  deliveries: Delivery[],
  progress: SendProgress,
  save: (p: SendProgress) => void,
  mailer: Mailer,
  nowIso: () => string,
): SendOutcome {
  const done = new Set(progress.sent);
  const pending = deliveries.filter((d) => !done.has(d.key));
  const sentNow: Delivery[] = [];
  const skipped: SkippedDelivery[] = [];
  let quota = 0;
  let quotaBefore = 0;
  let i = 0;
  try {
    quota = Math.max(0, Math.floor(Number(mailer.remainingQuota()) || 0));
    quotaBefore = quota;
    for (; i < pending.length; i++) {
      const d = pending[i];
      if (quota < 1) {
        skipped.push(skip(d, 'quota', QUOTA_MESSAGE));
        continue;
      }
      try {
        mailer.send(d);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (QUOTA_ERROR.test(message)) {
          quota = 0;
          skipped.push(skip(d, 'quota', QUOTA_MESSAGE));
        } else {
          skipped.push(skip(d, 'error', message));
        }
        continue;
      }
      quota--;
      sentNow.push(d);
      progress.sent.push(d.key);
      progress.updatedAt = nowIso();
      save(progress);
    }
  } finally {
    // Anything not reached (an unexpected throw) is recorded as skipped, so the record is never silent.
    const recorded = new Set([...progress.sent, ...skipped.map((s) => s.key)]);
    for (const d of pending) if (!recorded.has(d.key)) skipped.push(skip(d, 'error', 'Bị gián đoạn'));
    progress.skipped = skipped;
    progress.complete = skipped.length === 0;
    progress.updatedAt = nowIso();
    save(progress);
  }
  return {
    sentNow,
    skipped,
    alreadySent: deliveries.length - pending.length,
    quotaBefore,
    complete: progress.complete,
  };
}

/** Longest error message kept per skipped recipient (the record is stored in document properties). */
export const SKIP_MESSAGE_CHARS = 200;

function skip(d: Delivery, reason: SkippedDelivery['reason'], message: string): SkippedDelivery {
  const short =
    message.length > SKIP_MESSAGE_CHARS ? `${message.slice(0, SKIP_MESSAGE_CHARS - 1)}…` : message;
  return { key: d.key, to: d.to, sector: d.sector, reason, message: short };
}
