// Which Chromium the local tools drive (the demo's out/sidebar.png, the sidebar and email browser tests):
//   1. CHROMIUM_PATH, when set (a Chromium, Chrome or Edge executable);
//   2. Debian's /usr/bin/chromium (what the team's machines and CI use);
//   3. the Chromium Playwright itself downloaded (`npx playwright install chromium`, honouring
//      PLAYWRIGHT_BROWSERS_PATH): playwright-core has no variable for an executable path of its own (only
//      its MCP server reads one), this is its standard place.
import { existsSync, statSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Flags for a headless run on a shared machine (no sandbox in containers, no GPU, no background traffic). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** How to get a Chromium, in Vietnamese (one line). */
export const HOW_TO_GET_CHROMIUM =
  'cài Chromium (Debian/Ubuntu: sudo apt-get install chromium; nơi khác: npx playwright install chromium) ' +
  'hoặc đặt biến CHROMIUM_PATH là đường dẫn tới Chromium/Chrome/Edge ' +
  '(macOS: "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"; ' +
  'Windows: "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe")';

export type ChromiumLookup =
  | { ok: true; path: string; from: 'CHROMIUM_PATH' | 'playwright' | 'debian' }
  | { ok: false; message: string };

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

function playwrightChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Finds the Chromium to drive; when none, a Vietnamese message saying how to get one. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  places: { debian: string; playwright: () => string | null } = {
    debian: DEBIAN_CHROMIUM,
    playwright: playwrightChromium,
  },
): ChromiumLookup {
  const given = env.CHROMIUM_PATH?.trim();
  if (given) {
    if (isFile(given)) return { ok: true, path: given, from: 'CHROMIUM_PATH' };
    return {
      ok: false,
      message: `CHROMIUM_PATH="${given}" không phải tệp chạy được; hãy sửa đường dẫn, hoặc ${HOW_TO_GET_CHROMIUM}.`,
    };
  }
  if (isFile(places.debian)) return { ok: true, path: places.debian, from: 'debian' };
  const downloaded = places.playwright();
  if (downloaded) return { ok: true, path: downloaded, from: 'playwright' };
  return { ok: false, message: `Không tìm thấy Chromium: ${HOW_TO_GET_CHROMIUM}.` };
}
