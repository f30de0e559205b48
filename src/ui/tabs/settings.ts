// Tab "Cài đặt" (gear): the settings form, validated here and again on the server; errors next to fields.
import type { ActionResult, SidebarData } from '../../server/api';
import type { FieldError, RoundDates } from '../../core/settings';
import { currentRound, passedRounds } from '../../core/rounds';
import { formatDate, type MessageKey } from '../../core/i18n';
import { el, type Child } from '../dom';
import { call } from '../server';
import { clearMessages, showError, showStatus } from '../messages';
import { attachForm } from '../noSheet';
import { actionButton, paintBusy, placeholder, renderPanel, run } from '../runner';
import { setData, state, tr } from '../state';
import {
  buildSettingsFields,
  clearFieldErrors,
  readSettingsForm,
  showFieldErrors,
  validateForm,
} from '../settingsForm';

export function renderSettings(): Child[] {
  const wait = placeholder();
  if (wait) return wait;
  const data = state.data as SidebarData;
  const form = el(
    'form',
    {
      id: 'settings-form',
      novalidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        saveSettings();
      },
      oninput: () => markDirty(),
      onchange: () => markDirty(),
    },
    buildSettingsFields(state.lang, data.settings),
    el('p', { class: 'gray small', id: 'dirty-note', hidden: !state.settingsDirty }, tr('set.dirty')),
    el(
      'div',
      { class: 'actions sticky-actions' },
      actionButton('save', tr('set.save'), tr('set.saving'), saveSettings, 'action', { id: 'save-settings' }),
      el('button', { type: 'button', onclick: resetSettings }, tr('set.reset')),
    ),
  );
  return [
    el('h2', null, tr('tab.settings')),
    lockCard(data),
    data.settingsWarning
      ? el('p', { class: 'notice warn' }, tr('set.warning', { message: data.settingsWarning }))
      : null,
    el(
      'div',
      { class: 'card sheet-card' },
      el(
        'p',
        { class: 'small' },
        `${tr('set.sheet')}: `,
        el('b', null, data.sheetName || data.settings.criteriaSheetName),
      ),
      attachForm(data),
    ),
    form,
  ];
}

/** The rounds as of the server's today (the date the server locks by): current and passed. */
function roundsView(rounds: RoundDates, unlocked: Record<string, string>, today: string) {
  const current = currentRound(rounds, today);
  return {
    current: current ? { round: current, until: rounds[current] as string } : null,
    passed: passedRounds(rounds, today).map((k) => ({
      round: k,
      until: rounds[k] as string,
      unlocked: unlocked[k] === rounds[k],
    })),
  };
}

/** The rounds as of today, and "Mở khóa" (asked first) / "Khóa lại". */
function lockCard(data: SidebarData): HTMLElement {
  const view = roundsView(data.settings.rounds, data.roundsUnlocked, data.today);
  const name = (round: string) => tr(`round.${round}` as MessageKey);
  const lines: Child[] = [];
  if (view.current)
    lines.push(
      el(
        'p',
        { class: 'small' },
        tr('lock.current', { round: name(view.current.round), date: formatDate(view.current.until) }),
      ),
    );
  for (const p of view.passed)
    lines.push(
      el(
        'p',
        { class: 'small', 'data-round': p.round },
        tr(p.unlocked ? 'lock.unlocked' : 'lock.locked', { round: name(p.round), date: formatDate(p.until) }),
      ),
    );
  if (!view.current && view.passed.length === 0)
    lines.push(el('p', { class: 'small gray' }, tr('lock.none')));
  const ask = el(
    'div',
    {
      class: 'notice warn',
      id: 'unlock-ask',
      hidden: true,
      role: 'alertdialog',
      'aria-label': tr('lock.unlock'),
    },
    el('p', { class: 'small' }, tr('lock.ask')),
    el(
      'div',
      { class: 'actions' },
      el(
        'button',
        { type: 'button', class: 'action', id: 'unlock-confirm', onclick: () => lockAction('unlock') },
        tr('lock.confirm'),
      ),
      el('button', { type: 'button', onclick: () => (ask.hidden = true) }, tr('lock.cancel')),
    ),
  );
  const buttons =
    view.passed.length > 0
      ? el(
          'div',
          { class: 'actions' },
          actionButton(
            'lock',
            tr('lock.unlock'),
            tr('lock.unlocking'),
            () => {
              ask.hidden = false;
              document.getElementById('unlock-confirm')?.focus();
            },
            '',
            { id: 'unlock-rounds' },
          ),
          actionButton('lock', tr('lock.relock'), tr('lock.relocking'), () => lockAction('relock'), '', {
            id: 'relock-rounds',
          }),
        )
      : null;
  return el(
    'div',
    { class: 'card', id: 'round-locks' },
    el('h3', null, tr('lock.title')),
    lines,
    buttons,
    ask,
  );
}

function lockAction(action: 'unlock' | 'relock'): void {
  const ask = document.getElementById('unlock-ask');
  if (ask) ask.hidden = true;
  void run(
    'lock',
    tr(action === 'unlock' ? 'lock.unlocking' : 'lock.relocking'),
    () => call('sidebarRoundLocks', action),
    (result: ActionResult) => {
      if (!result || result.ok === false) {
        showError(result?.message || tr('err.done'));
        return;
      }
      if (result.data) setData(result.data);
      showStatus(result.message, 'success');
    },
  );
}

function markDirty(): void {
  state.settingsDirty = true;
  const note = document.getElementById('dirty-note');
  if (note) note.hidden = false;
}

function resetSettings(): void {
  state.settingsDirty = false;
  renderPanel('settings', renderSettings());
  paintBusy();
  clearMessages();
}

function saveSettings(): void {
  const data = state.data;
  const form = document.getElementById('settings-form') as HTMLFormElement | null;
  if (!data || !form || state.busy.has('save')) return;
  const read = readSettingsForm(form, data.settings, state.lang);
  const { settings, errors } = validateForm(read);
  if (!settings) {
    reportFieldErrors(form, errors, read.rows);
    return;
  }
  clearFieldErrors(form);
  void run(
    'save',
    tr('set.saving'),
    () => call('sidebarSaveSettings', settings),
    (result: ActionResult) => {
      if (!result || result.ok === false) {
        reportFieldErrors(form, result?.errors ?? [], read.rows, result?.message);
        return;
      }
      state.settingsDirty = false;
      if (result.data) setData(result.data);
      else resetSettings();
      showStatus(result.message || tr('err.done'), 'success');
    },
  );
}

function reportFieldErrors(
  form: HTMLElement,
  errors: FieldError[],
  rows: Parameters<typeof showFieldErrors>[2],
  serverMessage?: string,
): void {
  const { unplaced, first } = showFieldErrors(form, errors, rows, state.lang);
  const lines = [
    serverMessage || tr('set.invalid', { count: errors.length }),
    ...unplaced.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)),
  ];
  showError(lines.join(' '));
  first?.focus();
}
