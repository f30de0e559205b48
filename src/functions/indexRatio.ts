// CCHC_INDEX(codes, max, scores) → Σ leaf scores / Σ leaf max over applicable rows, as a fraction.
// Bonus ("+") and penalty ("-") rows are outside the 100: added / subtracted (capped by their "+"/"-" row's
// max, else 2 / 5) to the numerator only, as evaluate() does.
import { NOT_APPLICABLE_TEXT } from '../core/vocabulary';
import { DEFAULT_BONUS_CAP, DEFAULT_PENALTY_CAP } from '../core/criteria';
import { codedRows, maxValue, scoreValue } from './leaves';
import { applicableLeaves } from './max';
import { prepare, type Arg } from './ranges';
import { isBlank } from '../core/values';

// Globals are read once here: in a vm sandbox (the benchmark, the dist tests) every global lookup goes
// through the sandbox's interceptor, which costs more than these per-cell functions themselves.
const M = Math;

export function cchcIndex(codes: Arg, max: Arg, scores: Arg): number {
  const [c, m, s] = prepare([codes, max, scores]).cols;
  let points = 0;
  let denominator = 0;
  for (const r of applicableLeaves(c, s, '')) {
    points += scoreValue(s[r.index]);
    denominator += maxValue(m[r.index]);
  }
  if (!(denominator > 0)) {
    throw new Error(
      `Không có tiêu chí nào được tính điểm (tất cả "${NOT_APPLICABLE_TEXT}" hoặc thiếu điểm tối đa): chưa tính được chỉ số.`,
    );
  }
  const rows = codedRows(c);
  let bonus = 0;
  let penalty = 0;
  let bonusCap = DEFAULT_BONUS_CAP;
  let penaltyCap = DEFAULT_PENALTY_CAP;
  for (const r of rows) {
    if (r.code === '+' && !isBlank(m[r.index])) bonusCap = maxValue(m[r.index]);
    if (r.code === '-' && !isBlank(m[r.index])) penaltyCap = maxValue(m[r.index]);
    if (!r.isLeaf) continue;
    if (r.kind === 'bonus') bonus += scoreValue(s[r.index]);
    // Penalty scores are shown negative (CCHC_POINTS); a positive one typed by hand means the same.
    else if (r.kind === 'penalty') penalty += M.abs(scoreValue(s[r.index]));
  }
  const total = points + M.min(M.max(bonus, 0), bonusCap) - M.min(penalty, penaltyCap);
  // As evaluate(): bonus points make up lost points but the index never passes 100%, nor goes below 0.
  return M.min(M.max(total / denominator, 0), 1);
}
