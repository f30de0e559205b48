// npm run demo -- --province DIR [--out DIR]: every .csv/.xlsx in DIR is one commune's criteria sheet,
// named by its file name without extension. Each is run through exactly what `npm run demo -- --input FILE`
// runs (runDemo: the built add-in in the stand-in, attach, recompute, report, email); its figures come
// from the add-in's own answers (the sidebar payload) and its leaf rows from the Điểm column its formulas
// filled. The pure core then ranks the communes and lists the criteria that lose most points. A file that
// cannot be read becomes an entry of `errors`; the others are still ranked.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import {
  buildProvinceReport,
  type CommuneStanding,
  type ProvinceReport,
} from '../../src/core/provinceReport';
import { longFormatCsv } from '../../src/core/longFormat';
import { commonSetKey, OTHER_SET_REASON } from '../../src/core/communeStates';
import { indicatorSetKey } from '../../src/core/exportLayout';
import { formatPercent } from '../../src/core/format';
import { DEFAULT_BANDS, type Settings } from '../../src/core/settings';
import type { CriterionObservation } from '../../src/core/weakCriteria';
import { renderProvinceEmail } from '../../src/mail/provinceEmail';
import { fileSystemReason } from '../cli/main';
import { communeObservations } from './communeRows';
import { slug } from './html';
import { renderRankingPage } from './renderRanking';
import { cleanPreviousRun, previousEntries, writeManifest } from './outDir';
import { checkOutDir, ensureDir, InputError, runDemo } from './run';

export interface ProvinceOptions {
  dir: string;
  out: string;
  today?: string;
  print?: (line: string) => void;
  codePath?: string;
  /** Settings from `--settings FILE.json`, applied to every commune's run. */
  settings?: Partial<Settings>;
  /** That settings file: never removed when it sits in the output folder. */
  settingsPath?: string;
}

/** ranking.json (contract: design.md, "--province"). */
export interface RankingJson {
  communes: {
    name: string;
    total: number;
    applicableMax: number;
    indexPercent: number | null;
    classification: string;
    rank: number | null;
  }[];
  criteria: {
    code: string;
    title: string;
    communesLosing: number;
    pointsLost: number;
    averageShare: number;
    communesApplicable: number;
  }[];
  errors: { name: string; message: string }[];
}

const COMMUNE_FILE = /\.(csv|xlsx)$/i;

/** The commune files of DIR, in Vietnamese name order; one line why when DIR cannot be used. */
export function communeFiles(dir: string): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new InputError(`"${dir}" không phải thư mục.`);
    entries = readdirSync(dir);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`Không mở được thư mục "${dir}": ${fileSystemReason(error, 'thư mục')}.`);
  }
  const files = entries
    .filter((f) => COMMUNE_FILE.test(f) && !f.startsWith('~$') && statSync(join(dir, f)).isFile())
    .sort((a, b) => a.localeCompare(b, 'vi'));
  if (files.length === 0)
    throw new InputError(
      `Thư mục "${dir}" không có tệp .csv hay .xlsx nào (mỗi tệp là bảng tiêu chí của một xã).`,
    );
  return files.map((f) => join(dir, f));
}

export function rankingJson(report: ProvinceReport): RankingJson {
  return {
    communes: report.communes.map((c) => ({
      name: c.name,
      total: c.total,
      applicableMax: c.applicableMax,
      indexPercent: c.indexPercent,
      classification: c.classification,
      rank: c.rank,
    })),
    criteria: report.criteria.map((k) => ({
      code: k.code,
      title: k.title,
      communesLosing: k.communesLosing,
      pointsLost: k.pointsLost,
      averageShare: k.averageShare,
      communesApplicable: k.communesApplicable,
    })),
    errors: report.errors,
  };
}

export async function runProvince(
  options: ProvinceOptions,
): Promise<{ report: ProvinceReport; files: string[] }> {
  const print = options.print ?? ((line: string) => console.log(line));
  // What the previous run wrote (province-long.csv…) is never read back as a commune, when DIR is also --out.
  const produced = new Set(previousEntries(resolve(options.out)).map((e) => resolve(options.out, e)));
  const files = communeFiles(resolve(options.dir)).filter((f) => !produced.has(resolve(f)));
  checkOutDir(options.out);
  // One run per folder (the communes' own folders included); the commune files themselves always stay.
  const keep = [...files, ...(options.settingsPath ? [options.settingsPath] : [])];
  cleanPreviousRun(resolve(options.out), keep);
  // Each file's outcome, in file order: its standing, leaf rows and indicator set, or why it was not read.
  type Outcome =
    | { name: string; standing: CommuneStanding; rows: CriterionObservation[]; setKey: string }
    | { name: string; message: string };
  const outcomes: Outcome[] = [];
  let asOf = '';
  const bands = options.settings?.bands ?? DEFAULT_BANDS;
  const used = new Set<string>();
  for (const file of files) {
    const name = basename(file, extname(file));
    let folder = slug(name);
    for (let i = 2; used.has(folder); i++) folder = `${slug(name)}-${i}`;
    used.add(folder);
    try {
      const { summary, standIn } = await runDemo({
        input: file,
        out: join(options.out, 'xa', folder),
        today: options.today,
        print: () => undefined,
        codePath: options.codePath,
        communeName: name,
        settings: options.settings,
        settingsPath: options.settingsPath,
        keep,
        screenshot: false,
      });
      const ss = standIn.globals.SpreadsheetApp.getActiveSpreadsheet();
      const sheet = ss.getSheetByName(summary.sheetName);
      if (!sheet) throw new Error(`Không thấy trang "${summary.sheetName}" sau khi tính.`);
      const rows = communeObservations(sheet, name);
      outcomes.push({
        name,
        rows,
        // The key the commune's export tab carries (every coded row with its max), as the workbook compares.
        setKey: indicatorSetKey(rows),
        standing: {
          name,
          group: '',
          total: summary.total,
          applicableMax: summary.applicableMax,
          indexPercent: summary.indexPercent,
          classification: summary.classification,
          areas: summary.areas,
        },
      });
      asOf = summary.asOf;
    } catch (error) {
      outcomes.push({ name, message: (error as Error).message.replace(/\s*\n\s*/g, ' ') });
    }
  }
  // Communes on another indicator set than most of the folder's are left out with the workbook's reason:
  // ranked together, their criteria would be merged by code with the others'.
  const provinceSet = commonSetKey(outcomes.flatMap((o) => ('setKey' in o ? [o.setKey] : [])));
  const communes: CommuneStanding[] = [];
  const observations: CriterionObservation[] = [];
  const errors: { name: string; message: string }[] = [];
  for (const o of outcomes) {
    if (!('setKey' in o)) {
      errors.push(o);
      print(`  ${o.name}: KHÔNG ĐỌC ĐƯỢC – ${o.message}`);
    } else if (o.setKey !== provinceSet) {
      const message = `${OTHER_SET_REASON}: bộ của xã là "${o.setKey}", bộ mà nhiều xã trong thư mục dùng nhất là "${provinceSet}"; xã không được xếp hạng cùng các xã khác`;
      errors.push({ name: o.name, message });
      print(`  ${o.name}: KHÔNG XẾP HẠNG – ${message}`);
    } else {
      communes.push(o.standing);
      observations.push(...o.rows);
      print(`  ${o.name}: ${formatPercent('vi', o.standing.indexPercent)} ${o.standing.classification}`);
    }
  }
  const report = buildProvinceReport({
    provinceName: 'Các xã trong thư mục ' + basename(resolve(options.dir)),
    asOf,
    communes,
    observations,
    errors,
    bands,
  });
  const month = (asOf || new Date().toISOString()).slice(0, 7);
  const email = renderProvinceEmail(report, month);
  const out = resolve(options.out);
  ensureDir(out);
  const written: string[] = [];
  const put = (name: string, content: string) => {
    writeFileSync(join(out, name), content);
    written.push(name);
  };
  put('ranking.json', `${JSON.stringify(rankingJson(report), null, 2)}\n`);
  put('ranking.html', renderRankingPage(report));
  put('province-email.html', email.html);
  // The long format of docs/scale.md (commune × month × criterion), ready for BigQuery.
  const indexByName = new Map(communes.map((c) => [c.name, c.indexPercent]));
  put(
    'province-long.csv',
    longFormatCsv(observations, {
      asOf: asOf || new Date().toISOString().slice(0, 10),
      indexOf: (name) => indexByName.get(name) ?? null,
    }),
  );
  writeManifest(out, [...written, ...[...used].map((folder) => `xa/${folder}/`)]);
  print('');
  print(`Xếp hạng ${communes.length} xã (${errors.length} xã không xếp hạng được) → ${written.join(', ')}`);
  return { report, files: written };
}
