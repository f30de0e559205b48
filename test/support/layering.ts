// The layering rules of src/ (docs/ARCHITECTURE.md), checked over import statements. Pure: it takes file
// texts so the test can feed it both the real tree and small trees that break each rule.
import { posix } from 'node:path';

/** One import of one file: the imported file (resolved, without extension) and whether it is type only. */
export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** The layer of a file under src/: its first folder, or "index" for src/index.ts. */
export function layerOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1] : posix.basename(file).replace(/(\.d)?\.ts$/, '');
}

const IMPORT =
  /(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[\w*\s{},$]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Relative imports of a source text, resolved against `files` (paths like "src/core/x.ts"). */
export function importsOf(file: string, text: string, files: Set<string>): ImportEdge[] {
  const out: ImportEdge[] = [];
  // Comments may mention imports: drop them first.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4];
    if (!spec.startsWith('.')) continue;
    // `import { type A, type B }` is type only too when every name is marked.
    const braces = /\{([^}]*)\}/.exec(m[0]);
    const allNamesTyped =
      braces !== null &&
      !/^\s*import\s+[\w$]+\s*,/.test(m[0]) &&
      braces[1]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '));
    const base = posix.normalize(posix.join(posix.dirname(file), spec));
    const to =
      [`${base}.ts`, `${base}.d.ts`, `${base}/index.ts`].find((c) => files.has(c)) ?? `${base}.ts (missing)`;
    out.push({ from: file, to, typeOnly: m[4] === undefined && (Boolean(m[2]) || allNamesTyped) });
  }
  return out;
}

/** Layers each layer may import at run time; `typeOnly` lists what it may import with `import type` only. */
export const RULES: Record<string, { runtime: string[]; typeOnly?: string[] }> = {
  core: { runtime: ['core'] },
  functions: { runtime: ['functions', 'core'] },
  mail: { runtime: ['mail', 'core'] },
  sheets: { runtime: ['sheets', 'core'] },
  server: { runtime: ['server', 'sheets', 'mail', 'core'] },
  ui: { runtime: ['ui', 'core'], typeOnly: ['server', 'index'] },
  index: { runtime: ['server', 'functions', 'core'] },
};

/** Every broken rule and every import cycle among `files` (path → text), as readable lines. */
export function layeringViolations(files: Map<string, string>): string[] {
  const names = new Set(files.keys());
  const edges = [...files].flatMap(([file, text]) => importsOf(file, text, names));
  const out: string[] = [];
  for (const e of edges) {
    if (e.to.endsWith('(missing)')) {
      out.push(`${e.from} imports ${e.to}`);
      continue;
    }
    const from = layerOf(e.from);
    const to = layerOf(e.to);
    const rule = RULES[from];
    if (!rule) {
      out.push(`${e.from}: layer "${from}" has no rule`);
      continue;
    }
    if (rule.runtime.includes(to)) continue;
    if (e.typeOnly && rule.typeOnly?.includes(to)) continue;
    out.push(
      `${e.from} imports ${e.to}${e.typeOnly ? ' (type only)' : ''}: ${from} may not import ${to}` +
        (rule.typeOnly?.includes(to) ? ' other than with `import type`' : ''),
    );
  }
  // Cycles (type-only imports included: a cycle of types still ties the files together).
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      if (state.get(to) === 'open') out.push(`cycle: ${[...stack.slice(stack.indexOf(to)), to].join(' → ')}`);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...names].sort()) if (!state.has(file)) visit(file);
  return out;
}
