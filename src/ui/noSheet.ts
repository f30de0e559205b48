// Shown when no criteria table was found: why, "set up the sample" or "Bộ chỉ số 766", and "attach to a tab";
// and the province card (first in a province workbook, last elsewhere).
import type { SidebarData } from '../server/api';
import { el, type Child } from './dom';
import { call } from './server';
import { actionButton, finishAction, run } from './runner';
import { app, state, tr } from './state';
import { importSection } from './importSection';
import { provinceCard } from './provinceCard';

export function renderNoSheet(data: SidebarData): Child[] {
  const province = provinceCard(data);
  return [
    data.province ? province : null,
    el(
      'div',
      { class: 'card' },
      el('h2', null, tr('ov.noSheetTitle')),
      data.sheetMessage ? el('p', { 'data-testid': 'sheet-message' }, data.sheetMessage) : null,
      el('p', { class: 'gray' }, tr('ov.noSheetHelp')),
      // A copied spreadsheet shows #NAME? until the add-on is enabled in it (README, "#NAME? in a copy").
      el('p', { class: 'gray small', 'data-testid': 'use-in-document' }, tr('ov.useInDocument')),
      actionButton('setup', tr('ov.setupSample'), tr('ov.settingUp'), setupSample, 'action block'),
      actionButton('setup766', tr('ov.setup766'), tr('ov.settingUp'), setup766, 'action block'),
    ),
    attachForm(data),
    el('div', { class: 'card' }, importSection(data)),
    data.province ? null : province,
  ];
}

export function attachForm(data: SidebarData): HTMLElement {
  // A sheet with a table leaves the tab names out of its payload (one call per tab): asked on demand.
  const names = data.sheetFound ? state.tabNames : data.sheetNames;
  if (names === null)
    return el(
      'div',
      { class: 'form-group attach' },
      actionButton('tabs', tr('ov.otherTab'), tr('ov.loadingTabs'), loadTabNames, 'link-button'),
    );
  const id = `attach-${Math.random().toString(36).slice(2, 8)}`;
  const select = el(
    'select',
    { id, class: 'input' },
    names.length === 0
      ? el('option', { value: '' }, tr('ov.noTabs'))
      : names.map((name) => el('option', { value: name, selected: name === data.sheetName }, name)),
  );
  // Issue 14: the user chooses whether the solution columns are added (never without asking).
  const solutions = el('input', { type: 'checkbox', id: `${id}-solutions` }) as HTMLInputElement;
  return el(
    'div',
    { class: 'form-group attach' },
    el('label', { for: id }, tr('ov.attachLabel')),
    el(
      'div',
      { class: 'inline-row' },
      select,
      actionButton(
        'attach',
        tr('ov.attach'),
        tr('ov.attaching'),
        () => attach(select.value, solutions.checked),
        '',
        { 'data-blocked': String(names.length === 0) },
      ),
    ),
    el('label', { class: 'check small', for: `${id}-solutions` }, solutions, ` ${tr('ov.addSolutions')}`),
  );
}

const setupSample = () =>
  void run('setup', tr('ov.settingUp'), () => call('sidebarSetupSample', 'sample'), finishAction);
const setup766 = () =>
  void run('setup766', tr('ov.settingUp'), () => call('sidebarSetupSample', '766'), finishAction);
const loadTabNames = () =>
  void run(
    'tabs',
    tr('ov.loadingTabs'),
    () => call('sidebarListTabs'),
    (names) => {
      state.tabNames = names;
      app.render();
    },
  );
const attach = (name: string, addSolutions: boolean) =>
  void run('attach', tr('ov.attaching'), () => call('sidebarAttachSheet', name, addSolutions), finishAction);
