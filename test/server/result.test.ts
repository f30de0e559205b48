// The one error→result policy of every menu and sidebar action (src/server/result.ts).
import { describe, test, expect, jest } from '@jest/globals';
import { env, NOW } from '../support/env';
import { setupSample } from '../../src/server/setUpTab';
import { settle, UserError } from '../../src/server/result';
import { BusyError } from '../../src/server/locks';
import { runFromMenu } from '../../src/server/menuActions';
import { sidebarGenerateReportAction, sidebarRecomputeAction } from '../../src/server/sidebarActions';

describe('one error→result policy', () => {
  test('a result passes through; expected errors become their message; others are logged too', () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(settle(() => ({ ok: true, message: 'xong' }))).toEqual({ ok: true, message: 'xong' });
      const busy = new BusyError();
      expect(
        settle(() => {
          throw busy;
        }),
      ).toEqual({ ok: false, message: busy.message });
      expect(
        settle(() => {
          throw new UserError('Chưa có bảng tiêu chí.');
        }),
      ).toEqual({ ok: false, message: 'Chưa có bảng tiêu chí.' });
      expect(log).not.toHaveBeenCalled();
      expect(
        settle(() => {
          throw new TypeError('x is undefined');
        }),
      ).toEqual({ ok: false, message: 'x is undefined' });
      expect(log).toHaveBeenCalledTimes(1);
      expect(
        settle(() => {
          throw 'chuỗi';
        }),
      ).toEqual({ ok: false, message: 'chuỗi' });
    } finally {
      log.mockRestore();
    }
  });

  test('the menu shows a failure in an alert and a success in a toast (when asked)', () => {
    const standIn = env();
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      runFromMenu(
        'Thử',
        () => {
          throw new Error('hỏng');
        },
        true,
      );
      expect(standIn.ui.alerts.at(-1)).toContain('hỏng');
      runFromMenu('Thử', () => ({ ok: true, message: 'được' }), true);
      expect(standIn.ui.toasts.at(-1)?.message).toBe('được');
      runFromMenu('Thử', () => ({ ok: true, message: 'hộp thoại' }), false);
      expect(standIn.ui.alerts.at(-1)).toContain('hộp thoại');
    } finally {
      log.mockRestore();
    }
  });

  test('sidebar actions answer ok: false instead of throwing (no table, lock busy)', () => {
    const standIn = env();
    const report = sidebarGenerateReportAction();
    expect(report.ok).toBe(false);
    expect(report.message).toContain('Thiết lập bảng tiêu chí mẫu');
    setupSample(NOW);
    standIn.locks.holdDocumentLock();
    const busy = sidebarRecomputeAction();
    expect(busy).toEqual({ ok: false, message: new BusyError().message });
    standIn.locks.release('document');
    expect(sidebarRecomputeAction().ok).toBe(true);
  });
});
