// The document the README guide's screenshots are taken from (scripts/screenshots.ts): the demo on the
// embedded sample, in a spreadsheet whose locale is vi_VN like a Vietnamese commune's real sheet, so the
// pictures show 7,25 and 72,19% as the commune sees them (the stand-in's default locale is en_GB).
import { createStandIn, type StandIn } from '../local/gas/index';
import { runDemo, type DemoResult } from '../local/demo/run';

export const SCREENSHOT_LOCALE = 'vi_VN';

export function screenshotDemo(out: string): Promise<DemoResult> {
  return runDemo({ out, print: () => undefined, locale: SCREENSHOT_LOCALE });
}

/** A new spreadsheet with no criteria tab yet (the first-run picture), in the same locale. */
export function firstRunStandIn(): StandIn {
  return createStandIn({
    timeZone: 'Asia/Ho_Chi_Minh',
    spreadsheetName: 'Bảng tính của xã',
    locale: SCREENSHOT_LOCALE,
  });
}
