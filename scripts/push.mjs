// `npm run push`: the only way the add-in reaches Apps Script. It refuses before doing anything when
// .clasp.json still holds the placeholder script id, then runs the gates in order — type checks, every
// test (npm test, which also builds), a fresh build — and only then `clasp push --force` (clasp 3 uploads
// dist/ as it is; --force overwrites the remote manifest with ours). A failing gate stops everything.
// `--dry-run` prints the steps instead of running them (used by the tests: nothing here ever reaches Google
// from a test).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
export const PLACEHOLDER = 'REPLACE_WITH_YOUR_SCRIPT_ID';

/** The steps, in order: [label, command, args]. */
export const STEPS = [
  ['type checks', 'npm', ['run', 'typecheck']],
  ['tests', 'npm', ['test']],
  ['build', 'node', ['build.mjs']],
  ['clasp push', 'npx', ['clasp', 'push', '--force']],
];

/** Why the project file cannot be pushed, or null. */
export function projectProblem(text) {
  let project;
  try {
    project = JSON.parse(text);
  } catch {
    return '.clasp.json không đọc được (không phải JSON).';
  }
  if (project.rootDir !== 'dist') return '.clasp.json phải có "rootDir": "dist" (clasp đẩy thư mục dist/).';
  const id = String(project.scriptId ?? '');
  if (id === '' || id === PLACEHOLDER) {
    return (
      'Chưa có mã tập lệnh trong .clasp.json: mở bảng tính → Tiện ích mở rộng → Apps Script → Cài đặt dự án → ' +
      'sao chép "Mã tập lệnh", rồi chạy: npm run set-script-id -- <mã>'
    );
  }
  if (!/^[A-Za-z0-9_-]{20,}$/.test(id)) return `Mã tập lệnh "${id}" trong .clasp.json không hợp lệ.`;
  return null;
}

function main() {
  const dryRun = process.argv.includes('--dry-run');
  const file = process.env.CCHC_CLASP_JSON ?? join(ROOT, '.clasp.json');
  const problem = projectProblem(readFileSync(file, 'utf8'));
  if (problem) {
    console.error(problem);
    process.exit(2);
  }
  for (const [label, command, args] of STEPS) {
    console.log(`── ${label}: ${command} ${args.join(' ')}`);
    if (dryRun) continue;
    const run = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`Dừng: bước "${label}" lỗi; chưa đẩy gì lên Apps Script.`);
      process.exit(1);
    }
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) main();
