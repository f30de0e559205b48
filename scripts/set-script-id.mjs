// `npm run set-script-id -- <id>`: writes the Apps Script project's id (Project Settings → IDs → Script ID)
// into the shipped .clasp.json, keeping "rootDir": "dist". Offline; the next step is `npx clasp login`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const file = process.env.CCHC_CLASP_JSON ?? join(ROOT, '.clasp.json');
const id = (process.argv[2] ?? '').trim();
if (!/^[A-Za-z0-9_-]{20,}$/.test(id)) {
  console.error(
    'Cần mã tập lệnh: npm run set-script-id -- <mã> (Apps Script → Cài đặt dự án → Mã nhận dạng → Mã tập lệnh).',
  );
  process.exit(2);
}
const project = JSON.parse(readFileSync(file, 'utf8'));
writeFileSync(file, `${JSON.stringify({ ...project, scriptId: id, rootDir: 'dist' }, null, 2)}\n`);
console.log(`Đã ghi mã tập lệnh vào ${file}. Tiếp theo: npx clasp login, rồi npm run push.`);
