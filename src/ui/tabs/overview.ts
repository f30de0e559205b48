// Tab "Tổng quan": index, class, points, the gap to the next class, the change since the last snapshot,
// a bar per area, the three things to fix first, and "Tính lại".
import type { SidebarData } from '../../server/api';
import { formatDate, formatDelta, formatPercent } from '../../core/i18n';
import { el, type Child } from '../dom';
import { call } from '../server';
import { riskItem, sortedRisks } from '../items';
import { renderNoSheet } from '../noSheet';
import { actionButton, finishAction, placeholder, run } from '../runner';
import { num, state, tr, trNodes } from '../state';
import { selectTab } from '../tabBar';

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

export function renderOverview(): Child[] {
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
      d.appraised
        ? el(
            'p',
            { class: 'small', 'data-testid': 'appraised' },
            tr('ov.appraised', {
              round: d.appraised.label,
              index:
                d.appraised.indexPercent === null ? '–' : formatPercent(state.lang, d.appraised.indexPercent),
              total: num(d.appraised.total),
            }),
          )
        : null,
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

const recompute = () =>
  void run('recompute', tr('ov.recomputing'), () => call('sidebarRecompute'), finishAction);
