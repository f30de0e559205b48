// The sidebar's entry: renders the header, the tab bar and the five tabs (one file each in tabs/), loads the
// data with one server call (sidebarLoad) and switches the language. Every action re-renders from the `data`
// it returns (runner.ts). All sheet and server text goes in as text nodes (see dom.ts); the email preview
// sits in a sandboxed iframe.
import { byId, replace } from './dom';
import { call } from './server';
import { errorText, showError, showStatus } from './messages';
import { paintBusy, paintControl, renderPanel, run } from './runner';
import { app, setData, state, tr } from './state';
import { renderTabs } from './tabBar';
import { renderData } from './tabs/data';
import { renderOverview } from './tabs/overview';
import { renderReport } from './tabs/report';
import { renderRisk } from './tabs/risk';
import { renderSettings } from './tabs/settings';
import type { Lang } from '../core/i18n';

function render(): void {
  document.documentElement.lang = state.lang;
  renderHeader();
  renderTabs();
  renderPanel('overview', renderOverview());
  renderPanel('risk', renderRisk());
  renderPanel('data', renderData());
  renderPanel('report', renderReport());
  if (!state.settingsDirty || !byId('panel-settings').hasChildNodes())
    renderPanel('settings', renderSettings());
  paintBusy();
}

function renderHeader(): void {
  const data = state.data;
  byId('app-title').textContent = tr('app.title');
  const sub: string[] = [];
  if (data?.dashboard) {
    sub.push(data.dashboard.communeName || tr('app.unnamedCommune'));
    sub.push(String(data.dashboard.year));
  } else if (data) {
    sub.push(data.settings.communeName || tr('app.unnamedCommune'));
  }
  byId('commune').textContent = sub.join(' · ');
  const lang = byId<HTMLButtonElement>('lang');
  lang.dataset.action = 'lang';
  lang.dataset.label = tr('app.switchLang');
  lang.dataset.busyLabel = tr('app.switchLang');
  lang.setAttribute('aria-label', tr('app.switchLangLabel'));
  lang.title = tr('app.switchLangLabel');
  lang.dataset.blocked = String(!data);
  paintControl(lang);
}

function load(): void {
  let failure: string | null = null;
  const task = () =>
    call('sidebarLoad').catch((error: unknown) => {
      failure = errorText(error);
      throw error;
    });
  void run('load', tr('app.loading'), task, (data) => {
    setData(data);
    replace(byId('status'));
    if (data.settingsWarning) showStatus(tr('set.warning', { message: data.settingsWarning }), 'info');
  }).then(() => {
    if (!state.data && failure !== null) {
      // The panel says it, with a retry button: no need for the same text twice.
      state.loadError = failure;
      replace(byId('alert'));
      render();
    }
  });
}

function switchLanguage(): void {
  const data = state.data;
  if (!data || state.busy.has('lang')) return;
  const language: Lang = state.lang === 'vi' ? 'en' : 'vi';
  state.lang = language;
  render();
  // Remember the choice in the stored settings (the settings form's own edits stay unsaved).
  void run(
    'lang',
    tr('app.working'),
    () => call('sidebarSaveSettings', { ...data.settings, language }),
    (result) => {
      if (!result || result.ok === false) {
        showError(result?.message || tr('err.unknown'));
        return;
      }
      if (result.data) {
        const dirty = state.settingsDirty;
        setData(result.data);
        state.settingsDirty = dirty;
      } else data.settings.language = language;
      replace(byId('status'));
    },
  );
}

function start(): void {
  app.render = render;
  app.load = load;
  byId('lang').addEventListener('click', switchLanguage);
  render();
  load();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
