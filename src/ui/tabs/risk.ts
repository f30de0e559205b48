// Tab "Nguy cơ": the at-risk criteria by points at stake, filtered by sector and kind of risk.
import type { SidebarData } from '../../server/api';
import type { RiskKind } from '../../core/types';
import { RISK_KINDS, riskLabel } from '../../core/i18n';
import { el, type Child } from '../dom';
import { riskItem, sectorMatches, sortedRisks } from '../items';
import { renderNoSheet } from '../noSheet';
import { paintBusy, placeholder, renderPanel } from '../runner';
import { num, state, tr } from '../state';

export function renderRisk(): Child[] {
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
