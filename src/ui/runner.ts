// Running server calls: one at a time per action, with progress, disabled buttons and a clear ending;
// and the panels' shared pieces (render a panel, the placeholder while there is no data).
import type { ActionResult } from '../server/api';
import { byId, el, replace, type Child } from './dom';
import { errorText, showError, showStatus } from './messages';
import { app, setData, state, tr, type ActionId, type TabId } from './state';

export function actionButton(
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

export function paintControl(control: HTMLElement): void {
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

export function paintBusy(): void {
  for (const control of Array.from(document.querySelectorAll<HTMLElement>('[data-action]')))
    paintControl(control);
  byId('progress').hidden = state.busy.size === 0;
}

export async function run<T>(
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
export function finishAction(result: ActionResult | null | undefined): void {
  if (!result || typeof result !== 'object') {
    showStatus(tr('err.done'), 'success');
    return;
  }
  if (result.data) setData(result.data);
  if (result.ok === false) showError(result.message || tr('err.unknown'));
  else showStatus(result.message || tr('err.done'), 'success');
}

export function renderPanel(id: TabId, children: Child[]): void {
  replace(byId(`panel-${id}`), children);
}

/** Shown in every tab while there is no data yet. */
export function placeholder(): Child[] | null {
  if (state.data) return null;
  if (state.loadError) {
    return [
      el(
        'div',
        { class: 'card error-box', role: 'alert' },
        el('p', null, tr('app.loadFailed')),
        el('p', null, state.loadError),
      ),
      actionButton('load', tr('app.retry'), tr('app.loading'), () => app.load(), 'action'),
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
