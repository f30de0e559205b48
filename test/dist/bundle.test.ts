// What ships is what is tested: dist/Code.js (built by `npm test` before jest) loads in a bare vm context
// without touching any Apps Script service or Node/DOM global, and exposes every entry point as a
// top-level function declaration with its JSDoc.
import { describe, test, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const code = readFileSync('dist/Code.js', 'utf8');
const indexSource = readFileSync('src/index.ts', 'utf8');
const exported = [...indexSource.matchAll(/export\s+function\s+([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => m[1]);

describe('dist/Code.js', () => {
  test('loads in an empty context: no service, no Node or DOM global is touched at load time', () => {
    const touched: string[] = [];
    const watched = ['SpreadsheetApp', 'PropertiesService', 'LockService', 'MailApp', 'ScriptApp', 'HtmlService',
      'Session', 'Utilities', 'CacheService', 'Logger', 'process', 'require', 'module', 'Buffer', 'window',
      'document', 'setTimeout', 'TextEncoder', 'URL', 'atob', 'btoa'];
    // Each watched global is a getter on the context that records the read (and yields undefined, as the
    // name does not exist there): loading must read none of them.
    const sandbox = {};
    for (const name of watched) {
      Object.defineProperty(sandbox, name, { get: () => void touched.push(name), configurable: true });
    }
    const context = vm.createContext(sandbox);
    vm.runInContext(code, context);
    expect(touched).toEqual([]);
  });
  test('every export of src/index.ts is a top-level function declaration in Code.js', () => {
    expect(exported.length).toBeGreaterThan(2);
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const name of exported) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
      expect(typeof (context as Record<string, unknown>)[name]).toBe('function');
    }
  });

  test('custom functions carry @customfunction JSDoc right above their declaration', () => {
    for (const name of exported.filter((n) => n.startsWith('CCHC_'))) {
      expect(code).toMatch(new RegExp(`@customfunction\\s*\\*/\\s*function ${name}\\(`));
    }
  });

  test('onOpen builds the add-on menu through the services it is given', () => {
    const items: string[] = [];
    const menu = {
      addItem: (caption: string, fn: string) => (items.push(`${caption}→${fn}`), menu),
      addSeparator: () => menu,
      addSubMenu: () => menu,
      addToUi: () => undefined,
    };
    const context = vm.createContext({
      SpreadsheetApp: { getUi: () => ({ createAddonMenu: () => menu, createMenu: () => menu }) },
      ScriptApp: { AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL' } },
    });
    vm.runInContext(code, context);
    vm.runInContext('onOpen({ authMode: ScriptApp.AuthMode.NONE })', context);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(exported).toContain(item.split('→')[1]);
  });
});
