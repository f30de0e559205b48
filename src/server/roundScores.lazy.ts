// The rounds' score columns (issue 14), out of dist/Code.js (a lazy module, read only when the table has a
// Điểm tự chấm / Điểm thẩm định column): the appraised index beside the computed one (sidebar), and the round
// figures that cannot be read, as data problems naming the row and column (every list of the table's
// problems: problems.ts, tableProblems).
import { roundScores } from '../core/roundScores';
import type { CriteriaRow, Evaluation, Problem } from '../core/types';
import { tableFromGrid, type Grid } from '../sheets/table';
import type { Dashboard } from './api';

/** The appraised index (null without appraisal figures). */
export function roundFigures(grid: Grid, sheetName: string, evaluation: Evaluation): Dashboard['appraised'] {
  const read = tableFromGrid(grid, sheetName);
  if (!read.ok) return null;
  const a = roundScores(read.rows, evaluation).appraised;
  return a && { label: a.label, total: a.total, indexPercent: a.indexPercent };
}

/** The appraisal rounds' figures that cannot be read or lie outside 0..max. */
export function roundProblems(rows: CriteriaRow[], evaluation: Evaluation): Problem[] {
  return roundScores(rows, evaluation).problems;
}
