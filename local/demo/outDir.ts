// The output folder holds one run only: before writing, the demo removes what its previous run wrote there
// (recorded in a small manifest), so a user never mixes two runs. Only those files go: a user's own file in
// the folder stays, and so does any file this run reads (its --input, --settings, a --province commune),
// even when it sits in the folder or a stale manifest names it.
import {
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

/** The record of what a run wrote, relative to its output folder. */
export const MANIFEST = '.cchc-demo-files.json';
const TOOL = 'cchc-scorecard-demo';

/**
 * What a manifest may name: a relative path of plain names (the demo writes slugs: `mail/01-lanh-dao.html`,
 * `xa/xa-a/summary.json`), or a folder ending in "/" that holds a run's own manifest (`xa/xa-a/`). Anything
 * else (`..`, an absolute path, a hand-edited entry) is ignored: the cleaning never leaves the folder.
 */
const ENTRY = /^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*\/)*(?:[A-Za-z0-9_][A-Za-z0-9_.-]*|)$/;

function isEntry(entry: unknown): entry is string {
  return typeof entry === 'string' && entry !== '' && ENTRY.test(entry) && !entry.split('/').includes('..');
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The entries of the folder's manifest; for a folder of a version that kept none, its summary.json's list. */
export function previousEntries(dir: string): string[] {
  const read = (name: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch {
      return null;
    }
  };
  const manifest = read(MANIFEST) as { tool?: unknown; files?: unknown } | null;
  if (manifest && manifest.tool === TOOL && Array.isArray(manifest.files))
    return manifest.files.filter(isEntry);
  // Earlier versions listed their outputs in summary.json ("files", with the cross-check beside them).
  const summary = read('summary.json') as { files?: unknown; crossCheck?: unknown } | null;
  if (summary && Array.isArray(summary.files) && Array.isArray(summary.crossCheck))
    return summary.files.filter(isEntry);
  return [];
}

/** Removes `dir/sub` and its empty parents up to (not including) `dir`, when they are empty. */
function pruneEmpty(dir: string, sub: string): void {
  const root = resolve(dir);
  for (let at = resolve(dir, sub); at.startsWith(root + sep); at = dirname(at)) {
    try {
      if (!statSync(at).isDirectory() || readdirSync(at).length > 0) return;
      rmdirSync(at);
    } catch {
      return;
    }
  }
}

/**
 * Deletes what the previous run recorded in `dir` (files, and run folders by their own manifests), never a
 * path in `keep`; folders it made are removed when they end up empty. Returns the relative paths removed.
 */
export function cleanPreviousRun(dir: string, keep: readonly string[] = []): string[] {
  if (!existsSync(dir)) return [];
  const kept = new Set(keep.map(realOrResolved));
  const removed: string[] = [];
  for (const entry of previousEntries(dir)) {
    const path = join(dir, entry);
    if (entry.endsWith('/')) {
      removed.push(...cleanPreviousRun(path, keep).map((f) => entry + f));
      pruneEmpty(dir, entry);
      continue;
    }
    try {
      if (kept.has(realOrResolved(path)) || !statSync(path).isFile()) continue;
      unlinkSync(path);
      removed.push(entry);
    } catch {
      continue; // already gone, or not ours to remove
    }
    if (entry.includes('/')) pruneEmpty(dir, dirname(entry));
  }
  try {
    unlinkSync(join(dir, MANIFEST));
  } catch {
    // none
  }
  return removed;
}

/** Records what this run wrote (relative paths; a run folder as "xa/name/"), for the next run to clean. */
export function writeManifest(dir: string, entries: readonly string[]): void {
  const files = [...new Set(entries.map((e) => e.split(sep).join('/')))].filter(isEntry);
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify({ tool: TOOL, files }, null, 2)}\n`);
}
