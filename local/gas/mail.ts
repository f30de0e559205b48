// MailApp: messages are recorded, not sent. Every recipient (to + cc + bcc) uses one unit of the daily
// quota (100 for a gmail.com account); the quota refills when the stand-in clock reaches a new day.
import type { StandInContext } from './context';
import { counted } from './counter';
import { formatSimpleDate } from './time';

type GasMailApp = GoogleAppsScript.Mail.MailApp;
type MailOptions = GoogleAppsScript.Mail.MailAdvancedParameters;

export interface SentMail {
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments: number;
  sentAt: Date;
}

export interface MailRecords {
  sent: SentMail[];
  /** Daily quota (recipients per day). */
  quota: number;
  usedToday: number;
  day: string;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

const MAIL_METHODS = ['getRemainingDailyQuota', 'sendEmail'] as const;

export class StandInMailApp implements Pick<GasMailApp, (typeof MAIL_METHODS)[number]> {
  constructor(
    readonly ctx: StandInContext,
    private readonly records: MailRecords,
  ) {}

  /** Resets the day's usage when the clock has moved to another day (in the script's time zone). */
  private today(): MailRecords {
    const day = formatSimpleDate(this.ctx.now(), this.ctx.timeZone, 'yyyy-MM-dd');
    if (day !== this.records.day) {
      this.records.day = day;
      this.records.usedToday = 0;
    }
    return this.records;
  }

  getRemainingDailyQuota(): number {
    const r = this.today();
    return Math.max(r.quota - r.usedToday, 0);
  }

  sendEmail(a: string | MailOptions, b?: string, c?: string, d?: string | MailOptions): void {
    let message: MailOptions;
    if (typeof a === 'object' && a !== null) message = { ...a };
    else if (typeof d === 'string') message = { to: a, replyTo: b, subject: c, body: d };
    else message = { ...(d ?? {}), to: a, subject: b, body: c };

    const addresses = (list: string | undefined): string[] =>
      (list ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    const to = addresses(message.to);
    const all = [...to, ...addresses(message.cc), ...addresses(message.bcc)];
    if (all.length === 0) throw this.ctx.error('Failed to send email: no recipient');
    for (const address of all) if (!EMAIL.test(address)) throw this.ctx.error(`Invalid email: ${address}`);
    if (message.subject === undefined || message.subject === null)
      throw this.ctx.error('Invalid argument: subject');
    if (message.replyTo !== undefined && message.replyTo !== '' && !EMAIL.test(message.replyTo)) {
      throw this.ctx.error(`Invalid email: ${message.replyTo}`);
    }
    const r = this.today();
    if (r.usedToday + all.length > r.quota)
      throw this.ctx.error('Service invoked too many times for one day: email.');
    r.usedToday += all.length;

    const sent: SentMail = {
      to: to.join(','),
      subject: String(message.subject),
      body: String(message.body ?? ''),
      attachments: message.attachments?.length ?? 0,
      sentAt: this.ctx.now(),
    };
    if (message.cc) sent.cc = message.cc;
    if (message.bcc) sent.bcc = message.bcc;
    if (message.htmlBody !== undefined) sent.htmlBody = message.htmlBody;
    if (message.name !== undefined) sent.name = message.name;
    if (message.replyTo) sent.replyTo = message.replyTo;
    if (message.noReply !== undefined) sent.noReply = message.noReply;
    r.sent.push(sent);
  }
}

counted(StandInMailApp, 'MailApp', 'Mail', MAIL_METHODS, 'deny');
