// The province card (issue 17): set up the province workbook, update it for the commune list, send the
// province email, and the monthly schedule, with what the workbook holds (communes ranked, the ones it cannot
// use and why). Shown in the no-table view: a province workbook has no criteria table of its own.
import type { SidebarData } from '../server/api';
import { formatMonth } from '../core/i18n';
import { provinceText, type ProvinceKey } from '../core/i18nProvince';
import { el } from './dom';
import { call } from './server';
import { actionButton, finishAction, run } from './runner';
import { state, tr } from './state';
import type { Params } from '../core/i18n';

const pt = (key: ProvinceKey, params?: Params): string => provinceText(state.lang, key, params);

export function provinceCard(data: SidebarData): HTMLElement {
  const p = data.province;
  const built = p?.built === true;
  const toggleId = `province-schedule-${Math.random().toString(36).slice(2, 8)}`;
  return el(
    'section',
    { class: 'card province', 'data-testid': 'province-card' },
    el('h2', null, pt('prov.title')),
    !p ? el('p', { class: 'gray small' }, pt('prov.help')) : null,
    p && !built ? el('p', { class: 'small' }, pt('prov.listOnly', { count: p.communes })) : null,
    built
      ? el(
          'p',
          { class: 'small', 'data-testid': 'province-counts' },
          pt('prov.counts', { ready: p.ready, count: p.communes }),
        )
      : null,
    built && p.waiting.length > 0
      ? el(
          'div',
          { class: 'notice warn', 'data-testid': 'province-waiting' },
          el('p', null, pt('prov.waitingTitle', { count: p.communes - p.ready })),
          el(
            'ul',
            null,
            p.waiting.map((w) => el('li', null, el('b', null, w.name), `: ${w.state}`)),
          ),
          el('p', { class: 'small' }, pt('prov.allowHint')),
        )
      : null,
    actionButton(
      'provinceSetup',
      pt(built ? 'prov.refresh' : 'prov.setup'),
      pt('prov.settingUp'),
      setupProvince,
      'action block',
    ),
    built
      ? el(
          'p',
          { class: 'gray small', 'data-testid': 'province-email-state' },
          p.emailMonth ? pt('prov.sent', { month: formatMonth(p.emailMonth) }) : pt('prov.notSent'),
          ' ',
          pt('prov.recipients', { count: data.settings.leadership.length }),
        )
      : null,
    built
      ? actionButton('provinceSend', pt('prov.send'), pt('prov.sending'), sendProvinceEmail, 'block', {
          'data-blocked': String(
            p.emailMonth === data.today.slice(0, 7) || data.settings.leadership.length === 0,
          ),
        })
      : null,
    built
      ? el(
          'div',
          { class: 'switch-row' },
          el('input', {
            type: 'checkbox',
            id: toggleId,
            checked: data.schedule.enabled,
            'data-action': 'schedule',
            onchange: (event: Event) => setSchedule((event.target as HTMLInputElement).checked),
          }),
          el('label', { for: toggleId }, pt('prov.schedule')),
        )
      : null,
    built
      ? el(
          'p',
          { class: 'gray small' },
          tr('rep.scheduleHelp', { day: data.settings.scheduleDay, hour: data.settings.scheduleHour }),
        )
      : null,
  );
}

const setupProvince = () =>
  void run('provinceSetup', pt('prov.settingUp'), () => call('sidebarSetupProvince'), finishAction);
const sendProvinceEmail = () =>
  void run('provinceSend', pt('prov.sending'), () => call('sidebarSendProvinceEmail'), finishAction);
const setSchedule = (enabled: boolean) =>
  void run(
    'schedule',
    tr(enabled ? 'rep.scheduleOn' : 'rep.scheduleOff'),
    () => call('sidebarSetSchedule', enabled),
    finishAction,
  ).then(() => {
    // Whatever happened, every copy of the switch shows the stored state.
    if (!state.data) return;
    document
      .querySelectorAll<HTMLInputElement>('.province input[type=checkbox]')
      .forEach((t) => (t.checked = state.data!.schedule.enabled));
  });
