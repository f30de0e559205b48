// The output folder holds one run: what the previous run recorded goes, nothing else (issue 19). The whole
// demo run twice into one folder is in demo.test.ts ("a second run into the same folder").
import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cleanPreviousRun, MANIFEST, writeManifest } from '../../local/demo/outDir';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-out-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Every file under dir, relative, sorted. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

describe('cleanPreviousRun', () => {
  test('removes exactly the recorded files; user files, also in mail/, stay; emptied folders go', () => {
    const dir = folder({
      'sheet.html': 'old',
      'email-vp-tk.html': 'old',
      'mail/01-lanh-dao.html': 'old',
      'mail/02-vp-tk.html': 'old',
      'mail/cua-toi.html': 'user',
      'ghi-chu.txt': 'user',
      'report.html': 'not recorded: a user file of that name stays',
    });
    writeManifest(dir, ['sheet.html', 'email-vp-tk.html', 'mail/01-lanh-dao.html', 'mail/02-vp-tk.html']);
    expect(cleanPreviousRun(dir).sort()).toEqual([
      'email-vp-tk.html',
      'mail/01-lanh-dao.html',
      'mail/02-vp-tk.html',
      'sheet.html',
    ]);
    expect(listing(dir)).toEqual(['ghi-chu.txt', 'mail/cua-toi.html', 'report.html']);

    const only = folder({ 'mail/01-lanh-dao.html': 'old' });
    writeManifest(only, ['mail/01-lanh-dao.html']);
    cleanPreviousRun(only);
    expect(readdirSync(only)).toEqual([]);
  });

  test('never a file this run reads, even when the manifest names it', () => {
    const dir = folder({ 'tieu-chi.csv': 'input', 'cai-dat.json': '{}', 'summary.json': 'old' });
    writeManifest(dir, ['tieu-chi.csv', 'cai-dat.json', 'summary.json']);
    cleanPreviousRun(dir, [join(dir, 'tieu-chi.csv'), join(dir, '.', 'cai-dat.json')]);
    expect(listing(dir)).toEqual(['cai-dat.json', 'tieu-chi.csv']);
  });

  test('entries leaving the folder or hand-edited are ignored', () => {
    const outside = folder({ 'victim.txt': 'keep me' });
    const dir = folder({ 'a.html': 'old' });
    writeFileSync(
      join(dir, MANIFEST),
      JSON.stringify({
        tool: 'cchc-scorecard-demo',
        files: ['a.html', `../${outside.split('/').pop()}/victim.txt`, join(outside, 'victim.txt'), 42, '.'],
      }),
    );
    expect(cleanPreviousRun(dir)).toEqual(['a.html']);
    expect(existsSync(join(outside, 'victim.txt'))).toBe(true);
  });

  test('a manifest of another tool, or none, removes nothing', () => {
    const dir = folder({ 'a.html': 'x', [MANIFEST]: JSON.stringify({ tool: 'other', files: ['a.html'] }) });
    expect(cleanPreviousRun(dir)).toEqual([]);
    const none = folder({ 'a.html': 'x' });
    expect(cleanPreviousRun(none)).toEqual([]);
    expect(listing(none)).toEqual(['a.html']);
  });

  test('a run folder ("xa/xa-a/") is cleaned by its own manifest, then removed when empty', () => {
    const dir = folder({
      'ranking.json': 'old',
      'xa/xa-a/summary.json': 'old',
      'xa/xa-a/mail/01-lanh-dao.html': 'old',
      'xa/xa-b/summary.json': 'old',
      'xa/xa-b/cua-toi.txt': 'user',
    });
    writeManifest(join(dir, 'xa/xa-a'), ['summary.json', 'mail/01-lanh-dao.html']);
    writeManifest(join(dir, 'xa/xa-b'), ['summary.json']);
    writeManifest(dir, ['ranking.json', 'xa/xa-a/', 'xa/xa-b/']);
    cleanPreviousRun(dir);
    expect(listing(dir)).toEqual(['xa/xa-b/cua-toi.txt']);
    expect(existsSync(join(dir, 'xa', 'xa-a'))).toBe(false);
  });

  test('a folder written by an earlier version: its summary.json list of files', () => {
    const dir = folder({
      'summary.json': JSON.stringify({
        files: ['sheet.html', 'mail/email.html', 'summary.json'],
        crossCheck: [],
      }),
      'sheet.html': 'old',
      'mail/email.html': 'old',
      'ghi-chu.txt': 'user',
    });
    cleanPreviousRun(dir);
    expect(listing(dir)).toEqual(['ghi-chu.txt']);
  });
});
