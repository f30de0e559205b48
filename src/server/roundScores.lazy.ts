// The rounds' score columns for the sidebar (issue 14), out of dist/Code.js (a lazy module, read only when
// the table has a Điểm tự chấm / Điểm thẩm định column): the appraised index beside the computed one, and
// the round figures that cannot be read, as data problems naming the row and column.
import { roundScores } from '../core/roundScores';
import type { Evaluation } from '../core/types';
import { tableFromGrid, type Grid } from '../sheets/table';
import type { Dashboard, ProblemItem } from './api';
import { problemItems } from './problems';

/** The appraised index (null without appraisal figures) and the round columns' problems. */
export function roundFigures(
  grid: Grid,
  sheetName: string,
  evaluation: Evaluation,
): { appraised: Dashboard['appraised']; problems: ProblemItem[] } {
  const read = tableFromGrid(grid, sheetName);
  if (!read.ok) return { appraised: null, problems: [] };
  const r = roundScores(read.rows, evaluation);
  const a = r.appraised;
  return {
    appraised: a && { label: a.label, total: a.total, indexPercent: a.indexPercent },
    problems: problemItems(r.problems, read.layout),
  };
}
