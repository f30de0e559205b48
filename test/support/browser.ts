// The browser every headless-Chromium test launches: the executable chosen as the demo chooses it
// (CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own download: local/browser/chromium.ts), the
// team's flags, a fresh profile. A machine without any Chromium fails the test with the way to get one
// (a skipped browser test would be a hole in the suite).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../local/browser/chromium';

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

function chromiumPath(): string {
  const found = findChromium();
  if (!found.ok) throw new Error(`${found.message} (the browser tests need a Chromium)`);
  return found.path;
}

/** A browser for tests that open several pages of their own sizes (browser.newPage({ viewport })). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** One persistent context with a fresh profile (the sidebar harness). */
export async function launchBrowser(
  viewport: { width: number; height: number } = { width: 300, height: 800 },
  /** The page's time zone (default: the process's, Asia/Ho_Chi_Minh under jest). */
  timezoneId?: string,
): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  const profile = mkdtempSync(join(tmpdir(), 'cchc-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    args: CHROMIUM_ARGS,
    ...(timezoneId ? { timezoneId } : {}),
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
