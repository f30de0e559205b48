// The tab bar: five tabs (the settings tab is a gear icon), arrow-key navigation, error counts as badges.
import { byId, el, icon, replace } from './dom';
import { state, TABS, tr, type TabId } from './state';

// Material "settings" gear: the settings tab is icon-only so five tabs fit in 300 px.
const GEAR =
  'M19.14 12.94c.04-.3.06-.61.06-.94 0-.32-.02-.64-.07-.94l2.03-1.58a.49.49 0 0 0 .12-.61l-1.92-3.32a.488.488 0 0 0-.59-.22l-2.39.96c-.5-.38-1.03-.7-1.62-.94l-.36-2.54a.484.484 0 0 0-.48-.41h-3.84c-.24 0-.43.17-.47.41l-.36 2.54c-.59.24-1.13.57-1.62.94l-2.39-.96c-.22-.08-.47 0-.59.22L2.74 8.87c-.12.21-.08.47.12.61l2.03 1.58c-.05.3-.09.63-.09.94s.02.64.07.94l-2.03 1.58a.49.49 0 0 0-.12.61l1.92 3.32c.12.22.37.29.59.22l2.39-.96c.5.38 1.03.7 1.62.94l.36 2.54c.05.24.24.41.48.41h3.84c.24 0 .44-.17.47-.41l.36-2.54c.59-.24 1.13-.56 1.62-.94l2.39.96c.22.08.47 0 .59-.22l1.92-3.32c.12-.22.07-.47-.12-.61l-2.01-1.58zM12 15.6c-1.98 0-3.6-1.62-3.6-3.6s1.62-3.6 3.6-3.6 3.6 1.62 3.6 3.6-1.62 3.6-3.6 3.6z';
export function renderTabs(): void {
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

export function selectTab(id: TabId, focus: boolean): void {
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
