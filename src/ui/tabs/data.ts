// Tab "Dữ liệu": every data problem (errors first), "Kiểm tra dữ liệu"; a click selects the cell.
import type { SidebarData } from '../../server/api';
import { el, type Child } from '../dom';
import { call } from '../server';
import { problemItem } from '../items';
import { renderNoSheet } from '../noSheet';
import { importSection } from '../importSection';
import { actionButton, finishAction, placeholder, run } from '../runner';
import { state, tr } from '../state';

export function renderData(): Child[] {
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
    ...importSection(data),
  ];
}

const checkData = () => void run('check', tr('data.checking'), () => call('sidebarCheckData'), finishAction);
