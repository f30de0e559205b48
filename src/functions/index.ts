// The custom functions (thin wrappers over src/core); src/index.ts exposes them as CCHC_*.
export { cchcScore } from './score';
export { cchcTotal } from './total';
export { cchcMax } from './max';
export { cchcIndex } from './indexRatio';
export { cchcClass, readBands } from './classify';
export { cchcPoints } from './points';
export { cchcStatus } from './status';
export { cchcReason } from './reason';
export { cchcAtStake } from './atStake';
export { cchcRank } from './rank';
export { cchcWeak } from './weak';
export { cchcOutputs } from './outputs';
export { cchcSummary } from './summary';
export { cchcCodes } from './codes';
