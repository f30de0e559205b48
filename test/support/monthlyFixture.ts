// A small criteria sheet with every status the monthly summary must handle (secured, near deadline, losing,
// shared by all sectors, hostile titles) plus a sector directory, on the Apps Script stand-in.
import { fill, seedSettings, TZ } from './env';
import { holdProcessDate, setProcessDate } from './processClock';
import { createStandIn, type StandIn, type StandInOptions } from '../../local/gas/index';
import * as fns from '../../src/functions';
import { attachSheet } from '../../src/server/setUpTab';
import type { CellValue } from '../../src/core/types';

/** 1 November 2026, 07:00 local: the configured send day and hour. */
export const SEND_DAY = new Date(2026, 10, 1, 7, 0, 0);

export const HOSTILE_FORMULA = '=HYPERLINK("http://evil.example";"bấm")';
export const HOSTILE_HTML = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

export const HEADER: CellValue[] = [
  'Mã',
  'Tiêu chí',
  'Điểm tối đa',
  'Cách chấm',
  'Chỉ tiêu',
  'Kết quả',
  'Minh chứng',
  'Ngành',
  'Hạn',
];

export function criteriaRows(): CellValue[][] {
  return [
    ['BỘ CHỈ SỐ CCHC XÃ 2026'],
    HEADER,
    ['1', 'Công tác chỉ đạo, điều hành', 4, '', '', '', '', 'VP-TK', ''],
    ['1.1', HOSTILE_HTML, 2, 'CÓ/KHÔNG', '', 'Có', 'QĐ 12/QĐ-UBND', 'VP-TK', ''],
    ['1.2', 'Báo cáo CCHC quý đúng hạn', 2, 'HẠN(50%)', '', 'Chưa', '', 'VP-TK', '10/11/2026'],
    ['2', 'Cải cách thủ tục hành chính', 6, '', '', '', '', 'BPMC', ''],
    [
      '2.1',
      'Tỷ lệ hồ sơ giải quyết đúng hạn',
      4,
      'MỨC(100%: 4; 95%: 2)',
      '100%',
      '96%',
      'Báo cáo Q3',
      'BPMC, TP-HT',
      '',
    ],
    // The apostrophe keeps it text in the criteria sheet, as a user typing it with a leading ' would.
    ['2.2', `'${HOSTILE_FORMULA}`, 2, 'TỶ LỆ', '50%', '40%', 'BC', 'Tất cả các ngành', ''],
    ['3', 'Cải cách tài chính công', 2, '', '', '', '', 'TC-KT', ''],
    ['3.1', 'Quy chế chi tiêu nội bộ', 2, 'CÓ/KHÔNG', '', 'Có', 'BC', 'TC-KT', ''],
  ];
}

export const SETTINGS = {
  communeName: 'Xã Tiên Phong',
  year: 2026,
  leadership: ['ct@xa.vn', 'pct@xa.vn'],
  sectors: [
    { name: 'VP-TK', head: 'Chị Lan', email: 'vp@xa.vn' },
    { name: 'BPMC', head: 'Anh Minh', email: 'bpmc@xa.vn' },
    { name: 'TP-HT', head: 'Anh Hùng', email: 'tp@xa.vn' },
    { name: 'TC-KT', head: 'Chị Hoa', email: '' },
  ],
  scheduleDay: 1,
  scheduleHour: 7,
};

export const RECIPIENTS = ['ct@xa.vn', 'pct@xa.vn', 'vp@xa.vn', 'bpmc@xa.vn', 'tp@xa.vn'];

/** A stand-in on globalThis whose clock the test moves, with the fixture sheet set up (summary block included). */
export function monthlyEnv(
  options: {
    behaviours?: StandInOptions['behaviours'];
    mailQuota?: number;
    rows?: CellValue[][];
    /** The criteria tab's name (default `Tiêu chí`). */
    tab?: string;
    sheetNameLookup?: 'exact' | 'ignoreCase';
    /** Settings on top of SETTINGS. */
    settings?: Record<string, unknown>;
  } = {},
): {
  standIn: StandIn;
  clock: { now: Date };
} {
  // The process's Date follows the fixture's clock, so no test depends on the day it runs.
  holdProcessDate(SEND_DAY);
  let current = SEND_DAY;
  const clock = {
    get now(): Date {
      return current;
    },
    set now(when: Date) {
      current = when;
      setProcessDate(when);
    },
  };
  const standIn = createStandIn({
    now: () => clock.now,
    timeZone: TZ,
    mailQuota: options.mailQuota,
    behaviours: options.behaviours,
    sheetNameLookup: options.sheetNameLookup,
  });
  standIn.install(globalThis);
  standIn.setCustomFunctions({
    CCHC_SCORE: fns.cchcScore as never,
    CCHC_POINTS: fns.cchcPoints as never,
    CCHC_STATUS: fns.cchcStatus as never,
    CCHC_REASON: fns.cchcReason as never,
    CCHC_TOTAL: fns.cchcTotal as never,
    CCHC_MAX: fns.cchcMax as never,
    CCHC_INDEX: fns.cchcIndex as never,
    CCHC_CLASS: fns.cchcClass as never,
    CCHC_AT_STAKE: fns.cchcAtStake as never,
    CCHC_OUTPUTS: fns.cchcOutputs as never,
    CCHC_SUMMARY: fns.cchcSummary as never,
  });
  seedSettings(standIn, { ...SETTINGS, ...options.settings });
  const tab = options.tab ?? 'Tiêu chí';
  fill(standIn, tab, options.rows ?? criteriaRows());
  const r = attachSheet(tab, SEND_DAY);
  if (!r.ok) throw new Error(r.message);
  return { standIn, clock };
}
