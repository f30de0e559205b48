// The sidebar's state: the data from the server, the open tab, filters, running actions, the language;
// the translation helpers; and setData, the one way new data arrives (it re-renders through `app`).
import type { EmailPreview, SidebarData } from '../server/api';
import type { RiskKind } from '../core/types';
import { formatNumber, t, type Lang, type MessageKey, type Params } from '../core/i18n';
import type { Child } from './dom';

/** Set by the entry (sidebar.ts): the modules below call back through it, so imports stay acyclic. */
export const app = {
  /** Re-renders the header, the tab bar and every panel. */
  render: (): void => undefined,
  /** Loads the data again (the retry button). */
  load: (): void => undefined,
};

export type TabId = 'overview' | 'risk' | 'data' | 'report' | 'settings';
export type ActionId =
  | 'load'
  | 'setup'
  | 'setup766'
  | 'attach'
  | 'tabs'
  | 'recompute'
  | 'check'
  | 'report'
  | 'preview'
  | 'send'
  | 'schedule'
  | 'snapshot'
  | 'save'
  | 'select'
  | 'import'
  | 'provinceSetup'
  | 'provinceSend'
  | 'lock'
  | 'lang';
export const TABS: { id: TabId; label: MessageKey; long: MessageKey }[] = [
  { id: 'overview', label: 'tab.overview', long: 'tab.overview' },
  { id: 'risk', label: 'tab.risk', long: 'tab.riskLong' },
  { id: 'data', label: 'tab.data', long: 'tab.dataLong' },
  { id: 'report', label: 'tab.report', long: 'tab.reportLong' },
  { id: 'settings', label: 'tab.settings', long: 'tab.settings' },
];
export const state = {
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
  /** The server asked before importing over a criteria tab with content: its question. */
  importConfirm: null as string | null,
  settingsDirty: false,
  /** The tabs' names asked by "Gắn với trang khác…" (a sheet with a table gets none in its payload). */
  tabNames: null as string[] | null,
};

export const tr = (key: MessageKey, params?: Params) => t(state.lang, key, params);
export const num = (value: number, decimals = 2) => formatNumber(state.lang, value, decimals);
/** A translated template whose placeholders are filled with nodes (so figures can carry test ids). */
export function trNodes(key: MessageKey, params: Record<string, Child>): Child[] {
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

export function setData(data: SidebarData): void {
  state.data = data;
  state.loadError = null;
  state.lang = data.language === 'en' ? 'en' : 'vi';
  if (state.preview && !data.sheetFound) state.preview = null;
  app.render();
}
