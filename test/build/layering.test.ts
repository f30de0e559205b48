// Executable layering (docs/ARCHITECTURE.md): core imports nothing of the adapters, sheets never imports
// server, the sidebar sees the server only through `import type`, and src/ has no import cycle. The rules'
// checker is itself tested on small trees that break each rule, so a weakened checker fails here too.
import { describe, test, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { importsOf, layeringViolations } from '../support/layering';

const ROOT = resolve(__dirname, '../..');

function sourceTree(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts'))
        files.set(relative(ROOT, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(join(ROOT, 'src'));
  return files;
}

const tree = (files: Record<string, string>) => new Map(Object.entries(files));

describe('layering of src/', () => {
  test('the real tree keeps every rule and has no cycle', () => {
    const files = sourceTree();
    expect(files.size).toBeGreaterThan(50);
    expect(files.has('src/index.ts')).toBe(true);
    // The parser sees the real imports (multi-line, type-only, value), so an empty list means something.
    const edges = [...files].flatMap(([f, t]) => importsOf(f, t, new Set(files.keys())));
    expect(edges.length).toBeGreaterThan(150);
    expect(edges).toContainEqual({ from: 'src/ui/contract.ts', to: 'src/index.ts', typeOnly: true });
    expect(edges).toContainEqual({
      from: 'src/server/recompute.ts',
      to: 'src/sheets/setup.ts',
      typeOnly: false,
    });
    expect(edges).toContainEqual({
      from: 'src/index.ts',
      to: 'src/server/sidebarActions.ts',
      typeOnly: false,
    });
    expect(layeringViolations(files)).toEqual([]);
  });

  test('core importing sheets, server, ui or mail is refused', () => {
    for (const layer of ['sheets', 'server', 'ui', 'mail']) {
      const files = tree({
        'src/core/a.ts': `import { x } from '../${layer}/b';\nexport const a = x;`,
        [`src/${layer}/b.ts`]: 'export const x = 1;',
      });
      expect(layeringViolations(files)).toEqual([
        `src/core/a.ts imports src/${layer}/b.ts: core may not import ${layer}`,
      ]);
    }
  });

  test('sheets importing server is refused, even for types', () => {
    const files = tree({
      'src/sheets/a.ts': "import type { X } from '../server/api';\nexport type A = X;",
      'src/server/api.ts': 'export interface X { a: number }',
    });
    expect(layeringViolations(files)).toEqual([
      'src/sheets/a.ts imports src/server/api.ts (type only): sheets may not import server',
    ]);
  });

  test('ui may import server only with import type', () => {
    const ok = tree({
      'src/ui/a.ts': [
        "import type { X } from '../server/api';",
        "import { type Y, type Z } from '../server/api';",
        "import type * as Entries from '../index';",
        'export type A = X | Y | Z | typeof Entries;',
      ].join('\n'),
      'src/server/api.ts': 'export interface X {}\nexport interface Y {}\nexport interface Z {}',
      'src/index.ts': "export * from './server/api';",
    });
    expect(layeringViolations(ok)).toEqual([]);
    for (const line of [
      "import { X } from '../server/api';",
      "import { type X, Y } from '../server/api';",
      "export { X } from '../server/api';",
      "const m = import('../server/api');",
    ]) {
      const bad = tree({
        'src/ui/a.ts': line,
        'src/server/api.ts': 'export const X = 1; export const Y = 2;',
      });
      expect(layeringViolations(bad)).toEqual([
        'src/ui/a.ts imports src/server/api.ts: ui may not import server other than with `import type`',
      ]);
    }
  });

  test('a cycle is refused, even within one layer', () => {
    const files = tree({
      'src/server/a.ts': "import { b } from './b';\nexport const a = () => b;",
      'src/server/b.ts': "import { c } from './c';\nexport const b = () => c;",
      'src/server/c.ts': "import type { A } from './a';\nexport const c: A | null = null;",
    });
    expect(layeringViolations(files)).toEqual([
      'cycle: src/server/a.ts → src/server/b.ts → src/server/c.ts → src/server/a.ts',
    ]);
  });

  test('imports in comments do not count; an import of a missing file does', () => {
    const names = new Set(['src/core/a.ts', 'src/sheets/b.ts']);
    expect(
      importsOf('src/core/a.ts', "// import { b } from '../sheets/b';\n/* import '../sheets/b' */", names),
    ).toEqual([]);
    expect(layeringViolations(tree({ 'src/core/a.ts': "import { z } from './gone';" }))).toEqual([
      'src/core/a.ts imports src/core/gone.ts (missing)',
    ]);
  });
});

describe('one concept per file', () => {
  // src/index.ts is the exception: the build wraps only the `export function`s written there, each with its
  // JSDoc (Sheets reads the custom functions' help from it), so it grows by one block per entry point.
  test('no file in src/ is over 520 lines (src/index.ts, the list of entry points, aside)', () => {
    const long = [...sourceTree()]
      .filter(([file]) => file !== 'src/index.ts')
      .map(([file, text]) => ({ file, lines: text.replace(/\n$/, '').split('\n').length }))
      .filter((f) => f.lines > 520);
    expect(long).toEqual([]);
  });
});

describe('docs/ARCHITECTURE.md stays true', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');

  /** The files the "Folders and files" lists name: `### \`src/x/\`` headings over "- `a.ts`, `b.ts` — …" lines. */
  function listedFiles(): string[] {
    const out: string[] = [];
    let folder: string | null = null;
    for (const line of doc.split('\n')) {
      const heading = /^### `(src\/[^`]*)`/.exec(line);
      if (heading) folder = heading[1];
      else if (line.startsWith('#')) folder = null;
      else if (folder && line.startsWith('- ')) {
        const names = line.slice(2).split(' — ')[0];
        for (const m of names.matchAll(/`([^`]+)`/g)) out.push(folder + m[1]);
      } else if (folder === 'src/index.ts' && line.trim() !== '' && !out.includes(folder)) out.push(folder);
    }
    return out.sort();
  }

  function allFiles(): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else out.push(relative(ROOT, path).split('\\').join('/'));
      }
    };
    walk(join(ROOT, 'src'));
    return out.sort();
  }

  test('the file lists name every file of src/ and no file that does not exist', () => {
    expect(listedFiles()).toEqual(allFiles());
  });

  test('"Where the code is" names entries and files that exist', () => {
    const index = readFileSync(join(ROOT, 'src', 'index.ts'), 'utf8');
    const table = doc.slice(doc.indexOf('## Where the code is'), doc.indexOf('## Folders and files'));
    const names = [...table.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      if (name.endsWith('/')) expect(allFiles().some((f) => f.startsWith(name))).toBe(true);
      else if (name.endsWith('.ts')) {
        const path = name.includes('/') ? `src/${name}` : `src/server/${name}`;
        expect(allFiles()).toContain(path);
      } else expect(index).toMatch(new RegExp(`export function ${name}\\(`));
    }
  });
});
