// The one option parser of the local commands (`npm run demo`, `npm run import`). Node's util.parseArgs
// speaks English ("Unknown option '--bogus'"); a commune clerk gets one Vietnamese line instead, naming the
// option and what is accepted. `--name value`, `--name=value` and `-x value` are read; nothing positional.
import { InputError } from '../demo/loadSheet';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

export type OptionValues<S extends Record<string, OptionSpec>> = {
  [K in keyof S]?: S[K]['type'] extends 'boolean' ? boolean : string;
};

/** "--input, --out, --today" for messages. */
function known(spec: Record<string, OptionSpec>): string {
  return Object.keys(spec)
    .map((k) => `--${k}`)
    .join(', ');
}

export function parseOptions<S extends Record<string, OptionSpec>>(
  argv: readonly string[],
  spec: S,
): OptionValues<S> {
  const values: Record<string, string | boolean> = {};
  const byShort = new Map(
    Object.entries(spec)
      .filter(([, s]) => s.short)
      .map(([name, s]) => [s.short as string, name]),
  );
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    let name: string | undefined;
    let inline: string | undefined;
    if (token.startsWith('--') && token.length > 2) {
      const eq = token.indexOf('=');
      name = eq < 0 ? token.slice(2) : token.slice(2, eq);
      inline = eq < 0 ? undefined : token.slice(eq + 1);
    } else if (/^-[^-]$/.test(token)) {
      name = byShort.get(token.slice(1));
      if (name === undefined)
        throw new InputError(`Không có tùy chọn "${token}". Các tùy chọn: ${known(spec)} (xem --help).`);
    } else {
      throw new InputError(
        `Không hiểu "${token}": mỗi giá trị phải đi sau tên tùy chọn, ví dụ --input tieu-chi.csv (xem --help).`,
      );
    }
    const option = spec[name];
    if (!option)
      throw new InputError(`Không có tùy chọn "--${name}". Các tùy chọn: ${known(spec)} (xem --help).`);
    if (name in values) throw new InputError(`Tùy chọn --${name} được ghi hai lần.`);
    if (option.type === 'boolean') {
      if (inline !== undefined) throw new InputError(`Tùy chọn --${name} không nhận giá trị.`);
      values[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      // A following option is not this option's value (`--out --today …` forgot the folder).
      if (next === undefined || (next.startsWith('-') && next.length > 1))
        throw new InputError(`Thiếu giá trị sau --${name}.`);
      value = next;
      i++;
    }
    if (value.trim() === '') throw new InputError(`Giá trị của --${name} đang để trống.`);
    values[name] = value;
  }
  return values as OptionValues<S>;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const VIETNAMESE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * `--today` as YYYY-MM-DD or dd/mm/yyyy (as Vietnamese dates are written) → YYYY-MM-DD; an impossible date
 * (31/02/2026) or another form is refused in one Vietnamese line.
 */
export function parseToday(text: string): string {
  const t = text.trim();
  const iso = ISO.exec(t);
  const vi = VIETNAMESE.exec(t);
  const parts = iso
    ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }
    : vi
      ? { year: Number(vi[3]), month: Number(vi[2]), day: Number(vi[1]) }
      : null;
  if (!parts)
    throw new InputError(
      `--today "${text}" không phải ngày: viết dạng dd/mm/yyyy (20/06/2024) hoặc YYYY-MM-DD (2024-06-20).`,
    );
  const { year, month, day } = parts;
  if (year < 1900 || year > 2200)
    throw new InputError(`--today "${text}": năm ${year} nằm ngoài khoảng 1900–2200.`);
  if (month < 1 || month > 12)
    throw new InputError(`--today "${text}" không phải ngày có thật: tháng phải từ 1 đến 12.`);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days)
    throw new InputError(
      `--today "${text}" không phải ngày có thật: tháng ${month} năm ${year} có ${days} ngày.`,
    );
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
