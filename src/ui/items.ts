// The clickable list items of the at-risk and problem lists: one item-button helper; a click (or Enter)
// selects the row's cell in the sheet.
import type { AtRiskItem, ProblemItem } from '../server/api';
import type { ColumnKey } from '../core/types';
import { columnLabel, formatDate, riskLabel } from '../core/i18n';
import { isAllSectors, sectorKey, splitSectorCell } from '../core/sectors';
import { byUrgency } from '../core/summary';
import { NO_SOLUTION_REASON, SOLUTION_OVERDUE_REASON } from '../core/risk';
import { el, type Child } from './dom';
import { call } from './server';
import { showError, showStatus } from './messages';
import { run } from './runner';
import { num, state, tr } from './state';

/** A list item whose button selects `row` (and `column`, or the whole row) in the criteria tab. */
function itemButton(
  row: number,
  column: ColumnKey | null,
  attributes: Record<string, string | number>,
  body: Child[],
): HTMLElement {
  return el(
    'li',
    null,
    el(
      'button',
      { type: 'button', ...attributes, 'data-row': row, onclick: () => selectCell(row, column) },
      body,
    ),
  );
}

/** The order of the report and the emails: data errors first, then points at stake, deadline, row. */
export function sortedRisks(items: AtRiskItem[]): AtRiskItem[] {
  return [...items].sort(byUrgency);
}

/**
 * True when the item belongs to `sector`: its cell is split as the core splits it (",", ";" or a new line)
 * and names match as the core matches them; a criterion of every sector ("Tất cả các ngành") belongs to each.
 */
export function sectorMatches(item: AtRiskItem, sector: string): boolean {
  if (!sector) return true;
  const key = sectorKey(sector);
  return splitSectorCell(item.sector).some((name) => isAllSectors(name) || sectorKey(name) === key);
}

/**
 * The row's solution under its item (issue 14), when the sheet has a Giải pháp column: the solution, who and
 * by when, or "no solution yet"; a click selects the row's Giải pháp cell to type in.
 */
function solutionButton(item: AtRiskItem): HTMLElement {
  const missing = !item.solution;
  const parts = [missing ? tr('risk.noSolution') : tr('risk.solution', { text: item.solution ?? '' })];
  if (item.solutionOwner) parts.push(tr('risk.owner', { owner: item.solutionOwner }));
  if (item.solutionDue) parts.push(tr('risk.fixBy', { date: formatDate(item.solutionDue) }));
  const overdue = item.risks.includes('solutionOverdue');
  return el(
    'button',
    {
      type: 'button',
      class: `solution-line${missing ? ' missing' : ''}${overdue ? ' overdue' : ''}`,
      'data-solution-row': item.row,
      onclick: () => selectCell(item.row, 'solution'),
    },
    parts.join(' · '),
  );
}

export function riskItem(item: AtRiskItem): HTMLElement {
  const li = riskButton(item);
  if (item.solution !== undefined) li.appendChild(solutionButton(item));
  return li;
}

/**
 * The row's reasons. When the solution line is shown under the item, it already says "no solution" or
 * "overdue" (and the kind badge too), so those two reasons are not repeated here.
 */
function reasonLine(item: AtRiskItem): HTMLElement | null {
  const shown =
    item.solution === undefined
      ? item.reasons
      : item.reasons.filter((r) => r !== NO_SOLUTION_REASON && r !== SOLUTION_OVERDUE_REASON);
  return shown.length > 0 ? el('span', { class: 'item-reason' }, shown.join('; ')) : null;
}

function riskButton(item: AtRiskItem): HTMLElement {
  const meta: string[] = [item.sector || tr('risk.noSector')];
  if (item.deadline) meta.push(tr('risk.deadline', { date: formatDate(item.deadline) }));
  // The cell to fix: the evidence column when evidence is all that is missing, else the result.
  const column = item.risks.length > 0 && item.risks.every((r) => r === 'noEvidence') ? 'evidence' : 'actual';
  return itemButton(item.row, column, { class: `item risk-item ${item.status}`, 'data-code': item.code }, [
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
    reasonLine(item),
    el('span', { class: 'sr-only' }, `, ${tr('risk.rowAria', { row: item.row })}`),
  ]);
}

export function problemItem(problem: ProblemItem): HTMLElement {
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
  return itemButton(problem.row, problem.column, { class: `item ${problem.severity}` }, body);
}

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
