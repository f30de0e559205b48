// "Nhập bộ chỉ số chính thức" in the sidebar: the import button (asks in the sidebar before writing a new
// criteria tab when the current one has content) and the rows the import marked for review, each with the
// official guidance and the proposed rule side by side; a click selects the row's Cách chấm cell.
import type { ActionResult, ImportReviewItem, SidebarData } from '../server/api';
import { el, type Child } from './dom';
import { showError, showStatus } from './messages';
import { actionButton, finishAction, run } from './runner';
import { call } from './server';
import { app, state, tr } from './state';

export function importSection(data: SidebarData): Child[] {
  const items = data.importReview;
  return [
    el('h3', { 'data-testid': 'import-heading' }, tr('import.heading')),
    items.length > 0
      ? el(
          'p',
          { class: 'notice summary', 'data-testid': 'import-review-count' },
          tr('import.reviewCount', { count: items.length }),
        )
      : null,
    items.length > 0 ? el('p', { class: 'gray small' }, tr('import.reviewHint')) : null,
    items.length > 0 ? el('ul', { class: 'items', id: 'import-review' }, items.map(reviewItem)) : null,
    el('p', { class: 'gray small' }, tr('import.help')),
    state.importConfirm
      ? el(
          'div',
          { class: 'card confirm', 'data-testid': 'import-confirm' },
          el('p', null, state.importConfirm),
          el(
            'div',
            { class: 'inline-row' },
            actionButton(
              'import',
              tr('import.confirm'),
              tr('import.running'),
              () => runImport(true),
              'action',
            ),
            el(
              'button',
              { type: 'button', 'data-testid': 'import-cancel', onclick: cancel },
              tr('import.cancel'),
            ),
          ),
        )
      : actionButton('import', tr('import.run'), tr('import.running'), () => runImport(false), 'block'),
  ];
}

function reviewItem(item: ImportReviewItem): HTMLElement {
  return el(
    'li',
    null,
    el(
      'button',
      {
        type: 'button',
        class: 'item review-item',
        'data-row': item.row,
        'data-code': item.code,
        onclick: () => selectRule(item.row),
      },
      el(
        'span',
        { class: 'item-head' },
        el('span', { class: 'code' }, item.code),
        el('span', { class: 'item-title' }, item.title),
      ),
      el(
        'span',
        { class: 'side-by-side' },
        el(
          'span',
          { class: 'prose' },
          el('span', { class: 'label gray' }, tr('import.prose')),
          el('span', { class: 'prose-text' }, item.prose || tr('import.noProse')),
        ),
        el(
          'span',
          { class: 'proposed' },
          el('span', { class: 'label gray' }, tr('import.rule')),
          el('code', { class: 'rule' }, item.rule),
        ),
      ),
      el('span', { class: 'item-reason' }, item.reason),
    ),
  );
}

function runImport(confirmed: boolean): void {
  void run(
    'import',
    tr('import.running'),
    () => call('sidebarImportOfficial', '', confirmed),
    (result: ActionResult) => {
      if (result && result.needsConfirm) {
        state.importConfirm = result.message;
        app.render();
        return;
      }
      state.importConfirm = null;
      finishAction(result);
      if (!result?.data) app.render();
    },
  );
}

function cancel(): void {
  state.importConfirm = null;
  app.render();
}

function selectRule(row: number): void {
  void run(
    'select',
    tr('app.working'),
    () => call('sidebarSelectCell', row, 'rule'),
    (result) => {
      if (result && typeof result === 'object' && result.ok === false)
        showError(result.message || tr('err.unknown'));
      else showStatus(tr('risk.selected', { row }), 'success');
    },
  );
}
