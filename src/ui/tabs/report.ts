// Tab "Báo cáo": email preview (sandboxed), send now (asks first), the monthly schedule switch, report and
// snapshot buttons.
import type { EmailMessage, SidebarData } from '../../server/api';
import { formatMonth } from '../../core/i18n';
import { el, type Child } from '../dom';
import { call } from '../server';
import { showError, showStatus } from '../messages';
import { renderNoSheet } from '../noSheet';
import { actionButton, finishAction, paintBusy, placeholder, renderPanel, run } from '../runner';
import { state, tr } from '../state';
import { selectTab } from '../tabBar';

function recipientCount(data: SidebarData): { leaders: number; sectors: number } {
  return {
    leaders: data.settings.leadership.length,
    sectors: data.settings.sectors.filter((s) => s.email).length,
  };
}

/** The month the server's send judges by (its calendar, not this computer's). */
const currentMonth = (data: SidebarData): string => data.today.slice(0, 7);

export function renderReport(): Child[] {
  const wait = placeholder();
  if (wait) return wait;
  const data = state.data as SidebarData;
  if (!data.sheetFound) return renderNoSheet(data);
  const count = recipientCount(data);
  const total = count.leaders + count.sectors;
  const schedule = data.schedule;
  const month = currentMonth(data);
  // A send record that cannot be read: nobody knows who has the mail, so only an explicit resend sends.
  const blocked = schedule.progressWarning != null;
  const alreadySent = schedule.lastSentMonth === month || blocked;
  return [
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'h-email' },
      el('h2', { id: 'h-email' }, tr('rep.emailTitle')),
      el('p', { class: 'gray small' }, tr('rep.emailHelp')),
      total === 0
        ? el(
            'p',
            { class: 'notice warn' },
            tr('rep.noRecipients'),
            ' ',
            el(
              'button',
              { type: 'button', class: 'link-button', onclick: () => selectTab('settings', true) },
              tr('rep.openSettings'),
            ),
          )
        : el('p', { class: 'small' }, tr('rep.recipients', count)),
      el(
        'p',
        { class: 'gray small' },
        schedule.lastSentMonth
          ? tr('rep.lastSent', { month: formatMonth(schedule.lastSentMonth) })
          : tr('rep.neverSent'),
      ),
      schedule.lastSkipped.length > 0
        ? el('p', { class: 'notice warn' }, tr('rep.skipped', { list: schedule.lastSkipped.join(', ') }))
        : null,
      blocked
        ? el(
            'p',
            { class: 'notice warn', role: 'alert', 'data-testid': 'send-blocked' },
            schedule.progressWarning,
          )
        : null,
      el(
        'div',
        { class: 'actions' },
        actionButton('preview', tr('rep.preview'), tr('rep.previewing'), previewEmail, 'block'),
        state.confirmSend
          ? null
          : actionButton('send', tr('rep.sendNow'), tr('rep.sending'), () => askSend(), 'action block', {
              'data-blocked': String(total === 0),
            }),
      ),
      state.confirmSend
        ? confirmBox(
            blocked
              ? tr('rep.confirmBlocked', { month: formatMonth(month), count: total })
              : alreadySent
                ? tr('rep.confirmResend', { month: formatMonth(month), count: total })
                : tr('rep.confirm', { count: total }),
            alreadySent,
          )
        : null,
      renderPreview(),
    ),
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'h-schedule' },
      el('h2', { id: 'h-schedule' }, tr('set.schedule')),
      el(
        'div',
        { class: 'switch-row' },
        el('input', {
          type: 'checkbox',
          id: 'schedule-toggle',
          checked: schedule.enabled,
          'data-action': 'schedule',
          'aria-describedby': 'schedule-help',
          onchange: (event: Event) => setSchedule((event.target as HTMLInputElement).checked),
        }),
        el('label', { for: 'schedule-toggle' }, tr('rep.schedule')),
      ),
      el(
        'p',
        { class: 'gray small', id: 'schedule-help' },
        tr('rep.scheduleHelp', { day: data.settings.scheduleDay, hour: data.settings.scheduleHour }),
      ),
      lastTick(schedule.lastTick),
    ),
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'h-report' },
      el('h2', { id: 'h-report' }, tr('rep.reportTitle')),
      el('p', { class: 'gray small' }, tr('rep.reportHelp')),
      actionButton('report', tr('rep.generate'), tr('rep.generating'), generateReport, 'block'),
      el('p', { class: 'gray small' }, tr('rep.snapshotHelp')),
      actionButton('snapshot', tr('rep.snapshot'), tr('rep.snapshotting'), snapshot, 'block'),
    ),
  ];
}

/** "Lần chạy tự động gần nhất": red when the run failed or none ran for two days (server/tickLog.ts). */
function lastTick(tick: SidebarData['schedule']['lastTick']): HTMLElement | null {
  if (!tick) return null;
  const bad = !tick.ok || tick.stale;
  return el(
    'p',
    { class: `notice ${bad ? 'error' : 'ok'}`, 'data-testid': 'last-tick', 'data-ok': String(!bad) },
    el('strong', null, tr('rep.lastTick', { when: tick.atText ?? tr('rep.lastTickNever') })),
    el('br', null),
    tick.message,
  );
}

function confirmBox(question: string, force: boolean): HTMLElement {
  return el(
    'div',
    { class: 'confirm', role: 'group', 'aria-labelledby': 'confirm-q' },
    el('p', { id: 'confirm-q' }, question),
    el(
      'div',
      { class: 'inline-row' },
      actionButton(
        'send',
        tr(force ? 'rep.resend' : 'rep.confirmSend'),
        tr('rep.sending'),
        () => sendNow(force),
        'action',
        { id: 'confirm-send' },
      ),
      el('button', { type: 'button', onclick: cancelSend }, tr('rep.cancel')),
    ),
  );
}

function renderPreview(): Child {
  const preview = state.preview;
  if (!preview) return null;
  const messages: { label: string; message: EmailMessage }[] = [
    { label: tr('rep.leadership'), message: preview.leadership },
    ...preview.sectors.map((m) => ({ label: tr('rep.sectorMail', { name: m.sector ?? '' }), message: m })),
  ];
  const index = Math.min(state.previewIndex, messages.length - 1);
  const current = messages[index].message;
  return el(
    'div',
    { class: 'preview', id: 'email-preview' },
    messages.length > 1
      ? el(
          'div',
          { class: 'form-group' },
          el('label', { for: 'preview-pick' }, tr('rep.previewOf')),
          el(
            'select',
            {
              id: 'preview-pick',
              class: 'input',
              onchange: (event: Event) => {
                state.previewIndex = Number((event.target as HTMLSelectElement).value);
                rerenderReport('preview-pick');
              },
            },
            messages.map((m, i) => el('option', { value: i, selected: i === index }, m.label)),
          ),
        )
      : el('h3', null, tr('rep.previewOf')),
    el(
      'p',
      { class: 'small', 'data-testid': 'preview-to' },
      current.to.length ? tr('rep.to', { list: current.to.join(', ') }) : tr('rep.noTo'),
    ),
    el('p', { class: 'small' }, tr('rep.subject', { subject: current.subject })),
    // The server escaped user text in the email HTML; sandbox="" (no allow-scripts) keeps it inert anyway.
    el('iframe', {
      class: 'mail-frame',
      sandbox: true,
      title: tr('rep.frameTitle'),
      srcdoc: current.html,
      referrerpolicy: 'no-referrer',
    }),
  );
}

export function rerenderReport(focusId?: string): void {
  renderPanel('report', renderReport());
  paintBusy();
  if (focusId) document.getElementById(focusId)?.focus();
}

const generateReport = () =>
  void run('report', tr('rep.generating'), () => call('sidebarGenerateReport'), finishAction);
const snapshot = () =>
  void run('snapshot', tr('rep.snapshotting'), () => call('sidebarSnapshotNow'), finishAction);
function previewEmail(): void {
  void run(
    'preview',
    tr('rep.previewing'),
    () => call('sidebarPreviewEmail'),
    (result) => {
      const preview = result?.preview;
      if (!result || result.ok === false || !preview || !preview.leadership) {
        showError(result?.message || tr('err.unknown'));
        return;
      }
      state.preview = preview;
      state.previewIndex = 0;
      rerenderReport();
      showStatus(tr('rep.previewReady'), 'success');
      document.getElementById('email-preview')?.scrollIntoView({ block: 'nearest' });
    },
  );
}

function askSend(): void {
  state.confirmSend = true;
  rerenderReport('confirm-send');
}

function cancelSend(): void {
  state.confirmSend = false;
  rerenderReport();
  document.querySelector<HTMLElement>('[data-action="send"]')?.focus();
}

function sendNow(force: boolean): void {
  void run(
    'send',
    tr('rep.sending'),
    () => call('sidebarSendNow', force),
    (result) => {
      state.confirmSend = false;
      finishAction(result);
      rerenderReport();
    },
  );
}

function setSchedule(enabled: boolean): void {
  void run(
    'schedule',
    tr(enabled ? 'rep.scheduleOn' : 'rep.scheduleOff'),
    () => call('sidebarSetSchedule', enabled),
    finishAction,
  ).then(() => {
    // Whatever happened, the switch shows the stored state (a failed call leaves it as it was).
    const toggle = document.getElementById('schedule-toggle') as HTMLInputElement | null;
    if (toggle && state.data) toggle.checked = state.data.schedule.enabled;
  });
}
