// Deployment as a new user does it (issue 12): `npm run push` refuses the shipped placeholder id before
// anything runs, then gates clasp behind type checks, every test and a fresh build; `npm run set-script-id`
// fills the shipped .clasp.json; every `npm run` the README names exists. clasp itself never runs here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';

const ROOT = join(__dirname, '../..');
const node = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

function projectFile(content: object): string {
  const file = join(mkdtempSync(join(tmpdir(), 'clasp-')), '.clasp.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdEFGH';

describe('deployment', () => {
  test('the shipped .clasp.json keeps rootDir dist and the placeholder id', () => {
    expect(JSON.parse(readFileSync(join(ROOT, '.clasp.json'), 'utf8'))).toEqual({
      scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID',
      rootDir: 'dist',
    });
  });

  test('npm run push refuses the placeholder id before running any step, and says how to fix it', () => {
    const run = node('push.mjs', ['--dry-run'], { CCHC_CLASP_JSON: join(ROOT, '.clasp.json') });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('npm run set-script-id');
    expect(run.stdout).not.toContain('──');
  });

  test('with a real id: type checks, tests, build, then clasp push --force, in that order', () => {
    const run = node('push.mjs', ['--dry-run'], {
      CCHC_CLASP_JSON: projectFile({ scriptId: ID, rootDir: 'dist' }),
    });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('──'))).toEqual([
      '── type checks: npm run typecheck',
      '── tests: npm test',
      '── build: node build.mjs',
      '── clasp push: npx clasp push --force',
    ]);
  });

  test('a project file without rootDir dist is refused too', () => {
    const run = node('push.mjs', ['--dry-run'], { CCHC_CLASP_JSON: projectFile({ scriptId: ID }) });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"rootDir": "dist"');
  });

  test('npm run set-script-id writes the id and keeps rootDir; a bad id changes nothing', () => {
    const file = projectFile({ scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'dist' });
    expect(node('set-script-id.mjs', ['not an id'], { CCHC_CLASP_JSON: file }).status).toBe(2);
    expect(JSON.parse(readFileSync(file, 'utf8')).scriptId).toBe('REPLACE_WITH_YOUR_SCRIPT_ID');
    const run = node('set-script-id.mjs', [ID], { CCHC_CLASP_JSON: file });
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ scriptId: ID, rootDir: 'dist' });
    // …and push now accepts it.
    expect(node('push.mjs', ['--dry-run'], { CCHC_CLASP_JSON: file }).status).toBe(0);
  });

  test('npm run push is the gated script, and every npm run command in the README exists', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.push).toBe('node scripts/push.mjs');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const named = [...readme.matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1]!);
    expect(named).toEqual(expect.arrayContaining(['push', 'set-script-id']));
    for (const name of new Set(named)) expect(Object.keys(pkg.scripts)).toContain(name);
  });
});
