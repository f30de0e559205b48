// The two live regions: progress and success notes (#status) and errors (#alert).
import { byId, el, replace } from './dom';
import { cleanMessage } from './server';
import { tr } from './state';

export function showStatus(text: string, kind: 'progress' | 'success' | 'info'): void {
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

export function showError(text: string): void {
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

export function clearMessages(): void {
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

export function errorText(error: unknown): string {
  const message = cleanMessage(error);
  return message || tr('err.unknown');
}
