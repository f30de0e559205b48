// The rule language: parser (one parse per distinct text) and the scorer.
export {
  parseRule,
  RULE_LIST,
  RULE_NAME,
  type ParsedRule,
  type Rule,
  type RuleKind,
  type Tier,
} from './parser';
export {
  scoreRow,
  scoreRule,
  type Completion,
  type RowScore,
  type ScoreColumn,
  type ScoreInput,
} from './score';
