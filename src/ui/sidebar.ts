// The sidebar: dashboard, at-risk list, data check, report/email actions and settings.
// One server call (sidebarLoad) on open; every action re-renders from the `data` it returns.
// All sheet and server text goes in as text nodes (see dom.ts); the email preview sits in a sandboxed iframe.
import type {
  ActionResult,
  AtRiskItem,
  EmailMessage,
  EmailPreview,
  ProblemItem,
  SidebarData,
} from '../server/api';
import type { RiskKind } from '../core/types';
import type { FieldError } from '../core/settings';
import {
  RISK_KINDS,
  columnLabel,
  formatDate,
  formatDelta,
  formatMonth,
  formatNumber,
  formatPercent,
  riskLabel,
  t,
  type Lang,
  type MessageKey,
  type Params,
} from '../core/i18n';
import { byId, el, icon, replace, type Child } from './dom';
import { call, cleanMessage } from './server';
import {
  buildSettingsFields,
  clearFieldErrors,
  readSettingsForm,
  showFieldErrors,
  validateForm,
} from './settingsForm';

type TabId = 'overview' | 'risk' | 'data' | 'report' | 'settings';
type ActionId =
  | 'load'
  | 'setup'
  | 'attach'
  | 'recompute'
  | 'check'
  | 'report'
  | 'preview'
  | 'send'
  | 'schedule'
  | 'snapshot'
  | 'save'
  | 'select'
  | 'lang';

// Material "settings" gear: the settings tab is icon-only so five tabs fit in 300 px.
const GEAR =
  'M19.14 12.94c.04-.3.06-.61.06-.94 0-.32-.02-.64-.07-.94l2.03-1.58a.49.49 0 0 0 .12-.61l-1.92-3.32a.488.488 0 0 0-.59-.22l-2.39.96c-.5-.38-1.03-.7-1.62-.94l-.36-2.54a.484.484 0 0 0-.48-.41h-3.84c-.24 0-.43.17-.47.41l-.36 2.54c-.59.24-1.13.57-1.62.94l-2.39-.96c-.22-.08-.47 0-.59.22L2.74 8.87c-.12.21-.08.47.12.61l2.03 1.58c-.05.3-.09.63-.09.94s.02.64.07.94l-2.03 1.58a.49.49 0 0 0-.12.61l1.92 3.32c.12.22.37.29.59.22l2.39-.96c.5.38 1.03.7 1.62.94l.36 2.54c.05.24.24.41.48.41h3.84c.24 0 .44-.17.47-.41l.36-2.54c.59-.24 1.13-.56 1.62-.94l2.39.96c.22.08.47 0 .59-.22l1.92-3.32c.12-.22.07-.47-.12-.61l-2.01-1.58zM12 15.6c-1.98 0-3.6-1.62-3.6-3.6s1.62-3.6 3.6-3.6 3.6 1.62 3.6 3.6-1.62 3.6-3.6 3.6z';

const TABS: { id: TabId; label: MessageKey; long: MessageKey }[] = [
  { id: 'overview', label: 'tab.overview', long: 'tab.overview' },
  { id: 'risk', label: 'tab.risk', long: 'tab.riskLong' },
  { id: 'data', label: 'tab.data', long: 'tab.dataLong' },
  { id: 'report', label: 'tab.report', long: 'tab.reportLong' },
  { id: 'settings', label: 'tab.settings', long: 'tab.settings' },
];

const state = {
  lang: 'vi' as Lang,
  data: null as SidebarData | null,
  loadError: null as string | null,
  tab: 'overview' as TabId,
  sectorFilter: '',
  kindFilter: '' as RiskKind | '',
  busy: new Set<ActionId>(),
  preview: null as EmailPreview | null,
  previewIndex: 0,
  confirmSend: false,
  settingsDirty: false,
};

const tr = (key: MessageKey, params?: Params) => t(state.lang, key, params);
const num = (value: number, decimals = 2) => formatNumber(state.lang, value, decimals);

/** A translated template whose placeholders are filled with nodes (so figures can carry test ids). */
function trNodes(key: MessageKey, params: Record<string, Child>): Child[] {
  const template = t(state.lang, key);
  const out: Child[] = [];
  let last = 0;
  template.replace(/\{(\w+)\}/g, (whole, name: string, offset: number) => {
    out.push(template.slice(last, offset), name in params ? params[name] : whole);
    last = offset + whole.length;
    return whole;
  });
  out.push(template.slice(last));
  return out;
}

// ── Messages (live regions) ──

function showStatus(text: string, kind: 'progress' | 'success' | 'info'): void {
  const region = byId('status');
  replace(
    region,
    text
      ? el(
          'div',
          { class: `message ${kind}` },
          kind === 'progress' ? el('span', { class: 'spinner', 'aria-hidden': 'true' }) : null,
          el('span', { class: 'message-text' }, text),
          kind === 'progress' ? null : dismissButton(() => replace(region)),
        )
      : null,
  );
}

function showError(text: string): void {
  const region = byId('alert');
  replace(
    region,
    el(
      'div',
      { class: 'message error-box' },
      el('span', { class: 'message-text' }, text),
      dismissButton(() => replace(region)),
    ),
  );
}

function clearMessages(): void {
  replace(byId('alert'));
  replace(byId('status'));
}

function dismissButton(onClick: () => void): HTMLButtonElement {
  return el(
    'button',
    {
      type: 'button',
      class: 'icon-button',
      'aria-label': tr('app.dismiss'),
      title: tr('app.dismiss'),
      onclick: onClick,
    },
    '×',
  );
}

function errorText(error: unknown): string {
  const message = cleanMessage(error);
  return message || tr('err.unknown');
}

// ── Running server calls: one at a time per action, with progress and a clear ending ──

function actionButton(
  id: ActionId,
  label: string,
  busyLabel: string,
  onClick: () => void,
  cls = '',
  extra: Record<string, string | boolean> = {},
): HTMLButtonElement {
  const button = el('button', {
    type: 'button',
    class: cls,
    'data-action': id,
    'data-label': label,
    'data-busy-label': busyLabel,
    ...extra,
    onclick: () => {
      if (!state.busy.has(id)) onClick();
    },
  });
  paintControl(button);
  return button;
}

function paintControl(control: HTMLElement): void {
  const id = control.dataset.action as ActionId;
  const running = state.busy.has(id);
  const blocked = control.dataset.blocked === 'true';
  (control as HTMLButtonElement).disabled = running || blocked;
  control.setAttribute('aria-busy', String(running));
  if (control.tagName === 'BUTTON' && control.dataset.label) {
    replace(
      control,
      running
        ? [el('span', { class: 'spinner', 'aria-hidden': 'true' }), control.dataset.busyLabel ?? '']
        : control.dataset.label,
    );
  }
}

function paintBusy(): void {
  for (const control of Array.from(document.querySelectorAll<HTMLElement>('[data-action]')))
    paintControl(control);
  byId('progress').hidden = state.busy.size === 0;
}

async function run<T>(
  id: ActionId,
  progress: string,
  task: () => Promise<T>,
  done: (value: T) => void,
): Promise<void> {
  if (state.busy.has(id)) return;
  state.busy.add(id);
  replace(byId('alert'));
  showStatus(progress, 'progress');
  paintBusy();
  try {
    const value = await task();
    state.busy.delete(id);
    if (byId('status').querySelector('.progress')) replace(byId('status'));
    done(value);
  } catch (error) {
    state.busy.delete(id);
    replace(byId('status'));
    showError(errorText(error));
  } finally {
    state.busy.delete(id);
    paintBusy();
  }
}

/** The common ending of an action: fresh data re-renders, the message says how it went. */
function finishAction(result: ActionResult | null | undefined): void {
  if (!result || typeof result !== 'object') {
    showStatus(tr('err.done'), 'success');
    return;
  }
  if (result.data) setData(result.data);
  if (result.ok === false) showError(result.message || tr('err.unknown'));
  else showStatus(result.message || tr('err.done'), 'success');
}

// ── Data and whole-page rendering ──

function setData(data: SidebarData): void {
  state.data = data;
  state.loadError = null;
  state.lang = data.language === 'en' ? 'en' : 'vi';
  if (state.preview && !data.sheetFound) state.preview = null;
  render();
}

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

function renderTabs(): void {
  const list = byId('tablist');
  list.setAttribute('aria-label', tr('tab.tablist'));
  const counts: Partial<Record<TabId, number>> = {};
  if (state.data?.sheetFound) {
    counts.risk = state.data.atRisk.length;
    counts.data = state.data.problems.filter((p) => p.severity === 'error').length;
  }
  replace(
    list,
    TABS.map((tab) => {
      const selected = tab.id === state.tab;
      const count = counts[tab.id];
      const iconOnly = tab.id === 'settings';
      return el(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `tab-${tab.id}`,
          class: iconOnly ? 'tab icon-tab' : 'tab',
          'aria-label': iconOnly ? tr(tab.label) : null,
          'aria-selected': String(selected),
          'aria-controls': `panel-${tab.id}`,
          tabindex: selected ? 0 : -1,
          title: tr(tab.long),
          onclick: () => selectTab(tab.id, false),
          onkeydown: onTabKey,
        },
        iconOnly ? icon(GEAR) : el('span', { class: 'tab-label' }, tr(tab.label)),
        count
          ? el('span', { class: `badge ${tab.id}` }, el('span', { class: 'sr-only' }, ' '), String(count))
          : null,
      );
    }),
  );
  for (const tab of TABS) {
    const panel = byId(`panel-${tab.id}`);
    panel.hidden = tab.id !== state.tab;
  }
}

function selectTab(id: TabId, focus: boolean): void {
  // A finished action's note belongs to the tab it came from; errors stay until dismissed.
  if (id !== state.tab && !byId('status').querySelector('.progress')) replace(byId('status'));
  state.tab = id;
  for (const tab of TABS) {
    const button = byId(`tab-${tab.id}`);
    const selected = tab.id === id;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    byId(`panel-${tab.id}`).hidden = !selected;
  }
  if (focus) byId(`tab-${id}`).focus();
  window.scrollTo(0, 0);
}

function onTabKey(event: KeyboardEvent): void {
  const index = TABS.findIndex((tab) => tab.id === state.tab);
  let next = -1;
  if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
  else if (event.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = TABS.length - 1;
  if (next < 0) return;
  event.preventDefault();
  selectTab(TABS[next].id, true);
}

function renderPanel(id: TabId, children: Child[]): void {
  replace(byId(`panel-${id}`), children);
}

/** Shown in every tab while there is no data yet. */
function placeholder(): Child[] | null {
  if (state.data) return null;
  if (state.loadError) {
    return [
      el(
        'div',
        { class: 'card error-box', role: 'alert' },
        el('p', null, tr('app.loadFailed')),
        el('p', null, state.loadError),
      ),
      actionButton('load', tr('app.retry'), tr('app.loading'), load, 'action'),
    ];
  }
  return [
    el(
      'p',
      { class: 'gray loading' },
      el('span', { class: 'spinner', 'aria-hidden': 'true' }),
      tr('app.loading'),
    ),
  ];
}

// ── Tổng quan ──

function bandTone(label: string): string {
  const bands = state.data?.settings.bands ?? [];
  const rank = bands.findIndex((b) => b.label === label);
  if (rank < 0 || bands.length < 2) return 'tone-mid';
  const share = rank / (bands.length - 1);
  return share === 0 ? 'tone-top' : share < 0.5 ? 'tone-good' : share < 1 ? 'tone-mid' : 'tone-low';
}

function toneForPercent(percent: number | null): string {
  if (percent === null) return 'tone-na';
  const bands = state.data?.settings.bands ?? [];
  const band = bands.find((b) => percent + 1e-9 >= b.minPercent);
  return band ? bandTone(band.label) : 'tone-low';
}

function renderOverview(): Child[] {
  const wait = placeholder();
  if (wait) return wait;
  const data = state.data as SidebarData;
  if (!data.sheetFound || !data.dashboard) return renderNoSheet(data);
  const d = data.dashboard;
  const sorted = sortedRisks(data.atRisk);
  const errors = data.problems.filter((p) => p.severity === 'error').length;
  return [
    el('p', { class: 'gray small as-of' }, tr('ov.asOf', { date: formatDate(d.asOf) })),
    el(
      'div',
      { class: 'card score-card' },
      el(
        'div',
        { class: 'score-row' },
        el(
          'div',
          { class: 'figure' },
          el(
            'div',
            { class: 'big', 'data-testid': 'index' },
            d.indexPercent === null ? '–' : formatPercent(state.lang, d.indexPercent),
          ),
          el('div', { class: 'gray small' }, tr('ov.index')),
        ),
        el(
          'div',
          { class: 'figure right' },
          el(
            'div',
            { class: `chip ${bandTone(d.classification)}`, 'data-testid': 'class' },
            d.classification || '–',
          ),
          el('div', { class: 'gray small' }, tr('ov.class')),
        ),
      ),
      el(
        'p',
        { class: 'points', title: tr('ov.pointsLabel') },
        trNodes('ov.points', {
          total: el('b', { 'data-testid': 'total' }, num(d.total)),
          max: el('span', { 'data-testid': 'applicable-max' }, num(d.applicableMax)),
        }),
      ),
      el(
        'p',
        { class: 'next', 'data-testid': 'next-class' },
        d.nextClass
          ? trNodes('ov.nextClass', {
              gap: el('b', null, num(d.nextClass.gapPoints)),
              label: el('b', null, d.nextClass.label),
              min: num(d.nextClass.minPercent, 1),
            })
          : tr('ov.topClass'),
      ),
      el('p', { class: 'gray small', 'data-testid': 'since' }, sinceText(d.sinceSnapshot)),
    ),
    renderAreas(d.areas),
    el('h2', null, tr('ov.fixFirst')),
    sorted.length === 0
      ? el('p', { class: 'gray' }, tr('ov.noRisk'))
      : el('ul', { class: 'items', 'aria-label': tr('ov.fixFirst') }, sorted.slice(0, 3).map(riskItem)),
    sorted.length > 3
      ? el(
          'button',
          { type: 'button', class: 'link-button', onclick: () => selectTab('risk', true) },
          tr('ov.seeAllRisk', { count: sorted.length }),
        )
      : null,
    errors > 0
      ? el(
          'p',
          { class: 'notice warn' },
          tr('ov.problems', { count: errors }),
          ' ',
          el(
            'button',
            { type: 'button', class: 'link-button', onclick: () => selectTab('data', true) },
            tr('ov.seeProblems'),
          ),
        )
      : null,
    el(
      'div',
      { class: 'actions' },
      el(
        'button',
        { type: 'button', class: 'action block', onclick: () => selectTab('report', true) },
        tr('ov.goSend'),
      ),
      actionButton('recompute', tr('ov.recompute'), tr('ov.recomputing'), recompute, 'block'),
    ),
  ];
}

function sinceText(since: NonNullable<SidebarData['dashboard']>['sinceSnapshot']): string {
  if (!since) return tr('ov.noSnapshot');
  const points = formatDelta(state.lang, since.totalDelta);
  if (since.indexPercentDelta === null)
    return tr('ov.sinceNoIndex', { date: formatDate(since.date), points });
  return tr('ov.since', {
    date: formatDate(since.date),
    points,
    percent: formatDelta(state.lang, since.indexPercentDelta, 1),
  });
}

function renderAreas(areas: NonNullable<SidebarData['dashboard']>['areas']): Child[] {
  if (areas.length === 0) return [];
  return [
    el('h2', null, tr('ov.areas')),
    el(
      'ul',
      { class: 'areas' },
      areas.map((area) => {
        const width = area.percent === null ? 0 : Math.max(0, Math.min(100, area.percent));
        const value =
          area.percent === null
            ? tr('ov.areaNA')
            : tr('ov.areaValue', { score: num(area.score), max: num(area.max) });
        // The visible text is what screen readers read (aria-label on a plain li is not announced reliably).
        return el(
          'li',
          { class: 'area', 'data-testid': `area-${area.code}` },
          el(
            'div',
            { class: 'area-head' },
            el('span', { class: 'area-title', title: area.title }, `${area.code}. ${area.title}`),
            el('span', { class: 'area-value', 'data-testid': `area-value-${area.code}` }, value),
          ),
          el(
            'div',
            { class: 'bar', 'aria-hidden': 'true' },
            el('div', { class: `fill ${toneForPercent(area.percent)}`, style: `width:${width}%` }),
          ),
        );
      }),
    ),
  ];
}

function renderNoSheet(data: SidebarData): Child[] {
  return [
    el(
      'div',
      { class: 'card' },
      el('h2', null, tr('ov.noSheetTitle')),
      data.sheetMessage ? el('p', { 'data-testid': 'sheet-message' }, data.sheetMessage) : null,
      el('p', { class: 'gray' }, tr('ov.noSheetHelp')),
      actionButton('setup', tr('ov.setupSample'), tr('ov.settingUp'), setupSample, 'action block'),
    ),
    attachForm(data),
  ];
}

function attachForm(data: SidebarData): HTMLElement {
  const id = `attach-${Math.random().toString(36).slice(2, 8)}`;
  const select = el(
    'select',
    { id, class: 'input' },
    data.sheetNames.length === 0
      ? el('option', { value: '' }, tr('ov.noTabs'))
      : data.sheetNames.map((name) => el('option', { value: name, selected: name === data.sheetName }, name)),
  );
  return el(
    'div',
    { class: 'form-group attach' },
    el('label', { for: id }, tr('ov.attachLabel')),
    el(
      'div',
      { class: 'inline-row' },
      select,
      actionButton('attach', tr('ov.attach'), tr('ov.attaching'), () => attach(select.value), '', {
        'data-blocked': String(data.sheetNames.length === 0),
      }),
    ),
  );
}

// ── Nguy cơ mất điểm ──

function sortedRisks(items: AtRiskItem[]): AtRiskItem[] {
  return [...items].sort((a, b) => b.pointsAtStake - a.pointsAtStake || a.row - b.row);
}

function sectorMatches(item: AtRiskItem, sector: string): boolean {
  if (!sector) return true;
  if (item.sector === sector) return true;
  return item.sector
    .split(/[,;]/)
    .map((s) => s.trim())
    .includes(sector);
}

function riskItem(item: AtRiskItem): HTMLElement {
  const meta: string[] = [item.sector || tr('risk.noSector')];
  if (item.deadline) meta.push(tr('risk.deadline', { date: formatDate(item.deadline) }));
  // The cell to fix: the evidence column when evidence is all that is missing, else the result.
  const column = item.risks.length > 0 && item.risks.every((r) => r === 'noEvidence') ? 'evidence' : 'actual';
  return el(
    'li',
    null,
    el(
      'button',
      {
        type: 'button',
        class: `item risk-item ${item.status}`,
        'data-row': item.row,
        'data-code': item.code,
        onclick: () => selectCell(item.row, column),
      },
      el(
        'span',
        { class: 'item-head' },
        el('span', { class: 'code' }, item.code),
        el('span', { class: 'item-title' }, item.title),
        el(
          'span',
          { class: 'stake' },
          el('span', { 'aria-hidden': 'true' }, tr('risk.stake', { points: num(item.pointsAtStake) })),
          el('span', { class: 'sr-only' }, tr('risk.stakeAria', { points: num(item.pointsAtStake) })),
        ),
      ),
      el('span', { class: 'item-meta gray' }, meta.join(' · ')),
      item.risks.length > 0
        ? el(
            'span',
            { class: 'kinds' },
            item.risks.map((k) => el('span', { class: `kind ${k}` }, riskLabel(state.lang, k))),
          )
        : null,
      item.reasons.length > 0 ? el('span', { class: 'item-reason' }, item.reasons.join('; ')) : null,
      el('span', { class: 'sr-only' }, `, ${tr('risk.rowAria', { row: item.row })}`),
    ),
  );
}

function renderRisk(): Child[] {
  const wait = placeholder();
  if (wait) return wait;
  const data = state.data as SidebarData;
  if (!data.sheetFound) return renderNoSheet(data);
  const all = sortedRisks(data.atRisk);
  const sectors = [...data.sectorsInSheet];
  for (const item of all)
    if (item.sector && !sectors.includes(item.sector) && !item.sector.includes(','))
      sectors.push(item.sector);
  const kinds = RISK_KINDS.filter((k) => all.some((item) => item.risks.includes(k)));
  if (state.sectorFilter && !sectors.includes(state.sectorFilter)) state.sectorFilter = '';
  if (state.kindFilter && !kinds.includes(state.kindFilter)) state.kindFilter = '';
  const shown = all.filter(
    (item) =>
      sectorMatches(item, state.sectorFilter) && (!state.kindFilter || item.risks.includes(state.kindFilter)),
  );
  const stake = shown.reduce((sum, item) => sum + item.pointsAtStake, 0);
  const sectorSelect = el(
    'select',
    {
      id: 'filter-sector',
      class: 'input',
      onchange: (event: Event) => {
        state.sectorFilter = (event.target as HTMLSelectElement).value;
        rerenderRisk('filter-sector');
      },
    },
    el('option', { value: '' }, tr('risk.allSectors')),
    sectors.map((s) => el('option', { value: s, selected: s === state.sectorFilter }, s)),
  );
  const kindSelect = el(
    'select',
    {
      id: 'filter-kind',
      class: 'input',
      onchange: (event: Event) => {
        state.kindFilter = (event.target as HTMLSelectElement).value as RiskKind | '';
        rerenderRisk('filter-kind');
      },
    },
    el('option', { value: '' }, tr('risk.allKinds')),
    kinds.map((k) => el('option', { value: k, selected: k === state.kindFilter }, riskLabel(state.lang, k))),
  );
  return [
    el('h2', null, tr('tab.riskLong')),
    el(
      'div',
      { class: 'filters' },
      el(
        'div',
        { class: 'form-group' },
        el('label', { for: 'filter-sector' }, tr('risk.filterSector')),
        sectorSelect,
      ),
      el(
        'div',
        { class: 'form-group' },
        el('label', { for: 'filter-kind' }, tr('risk.filterKind')),
        kindSelect,
      ),
    ),
    el(
      'p',
      { class: 'gray small', 'data-testid': 'risk-summary', 'aria-live': 'polite' },
      tr('risk.summary', { count: shown.length, points: num(stake) }),
    ),
    all.length === 0
      ? el('p', { class: 'gray' }, tr('risk.none'))
      : shown.length === 0
        ? el('p', { class: 'gray' }, tr('risk.noneFiltered'))
        : [
            el('p', { class: 'gray small' }, tr('risk.selectHint')),
            el('ul', { class: 'items', id: 'risk-list' }, shown.map(riskItem)),
          ],
  ];
}

function rerenderRisk(focusId: string): void {
  renderPanel('risk', renderRisk());
  paintBusy();
  document.getElementById(focusId)?.focus();
}

// ── Kiểm tra dữ liệu ──

function renderData(): Child[] {
  const wait = placeholder();
  if (wait) return wait;
  const data = state.data as SidebarData;
  if (!data.sheetFound) return renderNoSheet(data);
  const problems = [...data.problems].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || (a.row ?? 0) - (b.row ?? 0),
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  return [
    el('h2', null, tr('tab.dataLong')),
    actionButton('check', tr('data.check'), tr('data.checking'), checkData, 'block'),
    el(
      'p',
      {
        class: problems.length === 0 ? 'notice ok summary' : 'gray small summary',
        'data-testid': 'problem-summary',
      },
      problems.length === 0
        ? tr('data.none')
        : tr('data.summary', { errors, warnings: problems.length - errors }),
    ),
    problems.length > 0 ? el('p', { class: 'gray small' }, tr('data.selectHint')) : null,
    el('ul', { class: 'items', id: 'problem-list' }, problems.map(problemItem)),
  ];
}

function problemItem(problem: ProblemItem): HTMLElement {
  const where: string[] = [];
  if (problem.a1) where.push(problem.a1);
  else if (problem.row !== null) where.push(tr('data.row', { row: problem.row }));
  else where.push(tr('data.whole'));
  const header = problem.columnHeader ?? (problem.column ? columnLabel(state.lang, problem.column) : null);
  if (header) where.push(header);
  const body: Child[] = [
    el(
      'span',
      { class: 'item-head' },
      el(
        'span',
        { class: `severity ${problem.severity}` },
        tr(problem.severity === 'error' ? 'data.error' : 'data.warning'),
      ),
      el('span', { class: 'where' }, where.join(' · ')),
    ),
    el('span', { class: 'item-reason' }, problem.message),
    problem.fix ? el('span', { class: 'item-fix gray' }, tr('data.fix', { fix: problem.fix })) : null,
  ];
  if (problem.row === null)
    return el('li', null, el('div', { class: `item static ${problem.severity}` }, body));
  const row = problem.row;
  return el(
    'li',
    null,
    el(
      'button',
      {
        type: 'button',
        class: `item ${problem.severity}`,
        'data-row': row,
        onclick: () => selectCell(row, problem.column),
      },
      body,
    ),
  );
}

// ── Báo cáo và email ──

function recipientCount(data: SidebarData): { leaders: number; sectors: number } {
  return {
    leaders: data.settings.leadership.length,
    sectors: data.settings.sectors.filter((s) => s.email).length,
  };
}

function currentMonth(data: SidebarData): string {
  if (data.dashboard?.asOf) return data.dashboard.asOf.slice(0, 7);
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

function renderReport(): Child[] {
  const wait = placeholder();
  if (wait) return wait;
  const data = state.data as SidebarData;
  if (!data.sheetFound) return renderNoSheet(data);
  const count = recipientCount(data);
  const total = count.leaders + count.sectors;
  const schedule = data.schedule;
  const month = currentMonth(data);
  const alreadySent = schedule.lastSentMonth === month;
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
            alreadySent
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

function rerenderReport(focusId?: string): void {
  renderPanel('report', renderReport());
  paintBusy();
  if (focusId) document.getElementById(focusId)?.focus();
}

// ── Cài đặt ──

function renderSettings(): Child[] {
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

// ── Actions ──

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

const setupSample = () =>
  void run('setup', tr('ov.settingUp'), () => call('sidebarSetupSample'), finishAction);
const attach = (name: string) =>
  void run('attach', tr('ov.attaching'), () => call('sidebarAttachSheet', name), finishAction);
const recompute = () =>
  void run('recompute', tr('ov.recomputing'), () => call('sidebarRecompute'), finishAction);
const checkData = () => void run('check', tr('data.checking'), () => call('sidebarCheckData'), finishAction);
const generateReport = () =>
  void run('report', tr('rep.generating'), () => call('sidebarGenerateReport'), finishAction);
const snapshot = () =>
  void run('snapshot', tr('rep.snapshotting'), () => call('sidebarSnapshotNow'), finishAction);

function selectCell(row: number, column: ProblemItem['column']): void {
  void run(
    'select',
    tr('app.working'),
    () => call('sidebarSelectCell', row, column),
    (result) => {
      if (result && typeof result === 'object' && result.ok === false)
        showError(result.message || tr('err.unknown'));
      else showStatus(tr('risk.selected', { row }), 'success');
    },
  );
}

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
  byId('lang').addEventListener('click', switchLanguage);
  render();
  load();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
