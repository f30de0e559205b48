// Which Chromium the demo's screenshot and the browser tests drive: CHROMIUM_PATH, else /usr/bin/chromium,
// else Playwright's own download; none → a Vietnamese line saying how to get one (issue 19).
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../../local/browser/chromium';
import { launchBrowser } from '../support/browser';

const tmp = mkdtempSync(join(tmpdir(), 'cchc-chromium-'));
const exe = (name: string) => {
  const path = join(tmp, name);
  writeFileSync(path, '#!/bin/sh\n', { mode: 0o755 });
  return path;
};
const mine = exe('my-chrome');
const debian = exe('chromium');
const downloaded = exe('chrome');
const missing = join(tmp, 'none');

describe('findChromium', () => {
  test('CHROMIUM_PATH wins over every other place', () => {
    expect(findChromium({ CHROMIUM_PATH: mine }, { debian, playwright: () => downloaded })).toEqual({
      ok: true,
      path: mine,
      from: 'CHROMIUM_PATH',
    });
  });

  test('then Debian’s chromium, then Playwright’s download', () => {
    expect(findChromium({}, { debian, playwright: () => downloaded })).toMatchObject({ path: debian });
    expect(findChromium({ CHROMIUM_PATH: '  ' }, { debian: missing, playwright: () => downloaded })).toEqual({
      ok: true,
      path: downloaded,
      from: 'playwright',
    });
  });

  test('a CHROMIUM_PATH that is no file is said so (never silently replaced by another browser)', () => {
    const r = findChromium({ CHROMIUM_PATH: missing }, { debian, playwright: () => downloaded });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^CHROMIUM_PATH=".*none" không phải tệp chạy được/);
    expect(findChromium({ CHROMIUM_PATH: tmp }, { debian, playwright: () => null }).ok).toBe(false);
  });

  test('none at all: one Vietnamese line saying how to get one', () => {
    const r = findChromium({}, { debian: missing, playwright: () => null });
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : r.message;
    expect(message).toMatch(/^Không tìm thấy Chromium: cài Chromium/);
    expect(message).toContain('apt-get install chromium');
    expect(message).toContain('npx playwright install chromium');
    expect(message).toContain('CHROMIUM_PATH');
    expect(message).not.toMatch(/\n/);
  });
});

describe('the tests’ browser launcher (test/support/browser.ts) honours CHROMIUM_PATH', () => {
  const saved = process.env.CHROMIUM_PATH;
  const restore = () => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  };

  test('a Chromium elsewhere is launched; a wrong path fails with the message', async () => {
    // The machine's Chromium under another name, as if installed where the launcher would not look.
    const found = findChromium();
    if (!found.ok) throw new Error(found.message);
    const elsewhere = join(tmp, 'elsewhere-chromium');
    symlinkSync(found.path, elsewhere);
    try {
      process.env.CHROMIUM_PATH = elsewhere;
      const browser = await launchBrowser();
      try {
        const page = browser.context.pages()[0] ?? (await browser.context.newPage());
        await page.setContent('<p id="x">Chỉ số</p>');
        expect(await page.textContent('#x')).toBe('Chỉ số');
      } finally {
        await browser.close();
      }
      process.env.CHROMIUM_PATH = missing;
      await expect(launchBrowser()).rejects.toThrow(/CHROMIUM_PATH=".*none" không phải tệp chạy được/);
    } finally {
      restore();
    }
  }, 60000);
});
