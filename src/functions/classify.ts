// CCHC_CLASS(index, [bands]) → the class label. index ≤ 1 is a fraction, > 1 a percent; an empty index gives
// an empty label. bands: an optional 2-column range (label, minimum in percent, e.g. 95), any order.
import { DEFAULT_BANDS } from '../core/settings';
import { classify } from '../core/scoring';
import type { Band, CellValue } from '../core/types';
import { EPS, EXPECT_RATIO, isBlank, isNotApplicable, readNumber, showValue } from '../core/values';
import { ERROR_PREFIX } from '../core/vocabulary';
import { asColumn, cellsOf, isRange, type Arg } from './ranges';

/** Reads the bands range. A first row whose minimum is not a number is taken as a header. */
export function readBands(bands: Arg): Band[] {
  if (isBlank(bands) || (isRange(bands) && cellsOf(bands).every((c) => isBlank(c)))) return DEFAULT_BANDS;
  if (!isRange(bands) || !bands.every((row) => Array.isArray(row) && row.length >= 2)) {
    throw new Error(
      'Bảng xếp loại phải là một vùng 2 cột: tên xếp loại và ngưỡng tối thiểu (%), ví dụ Xuất sắc | 90.',
    );
  }
  const out: Band[] = [];
  let percentText = false;
  (bands as CellValue[][]).forEach((row, i) => {
    const [label, min] = row;
    if (isBlank(label) && isBlank(min)) return;
    const n = readNumber(min, 'Ngưỡng', { percent: true });
    if (!n.ok && i === 0 && typeof min === 'string') return; // header row
    if (isBlank(label)) throw new Error(`Bảng xếp loại, dòng ${i + 1}: thiếu tên xếp loại.`);
    if (!n.ok)
      throw new Error(
        `Bảng xếp loại, dòng ${i + 1}: ngưỡng "${showValue(min)}" không đọc được: cần một số phần trăm, ví dụ 90.`,
      );
    const isPercentText = typeof min === 'string' && min.includes('%');
    if (isPercentText) percentText = true;
    out.push({ label: String(label).trim(), minPercent: isPercentText ? n.value * 100 : n.value });
  });
  if (out.length === 0) throw new Error('Bảng xếp loại không có mức nào.');
  // Minimums formatted as % in Sheets arrive as fractions (0.9): read them as such when all are ≤ 1.
  if (!percentText && out.every((b) => b.minPercent <= 1) && out.some((b) => b.minPercent > 0)) {
    for (const b of out) b.minPercent *= 100;
  }
  return out;
}

/** An index cell as a fraction; null when empty. */
function indexFraction(v: CellValue): number | null {
  if (isBlank(v) || isNotApplicable(v)) return null;
  const n = readNumber(v, 'Chỉ số', { percent: true });
  if (!n.ok) throw new Error(n.message);
  if (n.value < 0) throw new Error(`Chỉ số "${showValue(v)}" không được âm: cần ${EXPECT_RATIO}.`);
  const textPercent = typeof v === 'string' && v.includes('%');
  // ≤ 1 with the boundary tolerance: an index of 100% computed as 1.0000000000000002 is still a fraction.
  return textPercent || n.value <= 1 + EPS ? n.value : n.value / 100;
}

export function cchcClass(index: Arg, bands?: Arg): string | string[][] {
  const list = readBands(bands);
  if (!isRange(index)) return classify(indexFraction(index as CellValue), list);
  return asColumn(
    cellsOf(index).map((v) => {
      try {
        return classify(indexFraction(v), list);
      } catch (e) {
        return ERROR_PREFIX + (e as Error).message;
      }
    }),
  );
}
