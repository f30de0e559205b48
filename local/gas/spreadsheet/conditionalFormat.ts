// Conditional-format rules: builder, rule and boolean condition as Apps Script exposes them, plus
// `effectiveFormat`, which judges the rules for one cell the way Sheets paints it (the first rule whose
// condition holds wins), so renderers and tests can see the colours a user would see.
import { ownObject, type StandInContext } from '../context';
import { counted } from '../counter';
import { isDate, toSerial } from '../time';
import type { Scalar } from './grid';
import { normaliseColor, standInRange, type StandInRange } from './range';
import type { StandInSheet } from './sheet';
import {
  asGas,
  type GasBooleanCondition,
  type GasBooleanCriteria,
  type GasConditionalFormatRule,
  type GasConditionalFormatRuleBuilder,
  type GasRange,
} from './types';
import { cellValue } from './values';

type RelativeDate = GoogleAppsScript.Spreadsheet.RelativeDate;
type DateArg = GoogleAppsScript.Base.Date | RelativeDate;

export interface RuleSpec {
  criteria: string | null;
  values: unknown[];
  ranges: StandInRange[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

const CONDITION_METHODS = [
  'getBackground',
  'getBold',
  'getCriteriaType',
  'getCriteriaValues',
  'getFontColor',
  'getItalic',
  'getStrikethrough',
  'getUnderline',
] as const;
type ConditionMethod = (typeof CONDITION_METHODS)[number];

export class StandInBooleanCondition implements Pick<GasBooleanCondition, ConditionMethod> {
  constructor(
    readonly ctx: StandInContext,
    private readonly spec: RuleSpec,
  ) {}

  getCriteriaType(): GasBooleanCriteria {
    return this.spec.criteria as unknown as GasBooleanCriteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.spec.values];
  }

  getBackground(): string | null {
    return this.spec.background;
  }

  getFontColor(): string | null {
    return this.spec.fontColor;
  }

  getBold(): boolean | null {
    return this.spec.bold;
  }

  getItalic(): boolean | null {
    return this.spec.italic;
  }

  getStrikethrough(): boolean | null {
    return this.spec.strikethrough;
  }

  getUnderline(): boolean | null {
    return this.spec.underline;
  }
}

const BUILDER_METHODS = [
  'build',
  'copy',
  'getBooleanCondition',
  'getGradientCondition',
  'getRanges',
  'setBackground',
  'setBold',
  'setFontColor',
  'setItalic',
  'setRanges',
  'setStrikethrough',
  'setUnderline',
  'whenCellEmpty',
  'whenCellNotEmpty',
  'whenDateAfter',
  'whenDateBefore',
  'whenDateEqualTo',
  'whenFormulaSatisfied',
  'whenNumberBetween',
  'whenNumberEqualTo',
  'whenNumberGreaterThan',
  'whenNumberGreaterThanOrEqualTo',
  'whenNumberLessThan',
  'whenNumberLessThanOrEqualTo',
  'whenNumberNotBetween',
  'whenNumberNotEqualTo',
  'whenTextContains',
  'whenTextDoesNotContain',
  'whenTextEndsWith',
  'whenTextEqualTo',
  'whenTextStartsWith',
  'withCriteria',
] as const;
type BuilderMethod = (typeof BUILDER_METHODS)[number];

function copySpec(spec: RuleSpec): RuleSpec {
  return { ...spec, values: [...spec.values], ranges: [...spec.ranges] };
}

export class StandInConditionalFormatRuleBuilder implements Pick<
  GasConditionalFormatRuleBuilder,
  BuilderMethod
> {
  readonly spec: RuleSpec;

  constructor(
    readonly ctx: StandInContext,
    from?: RuleSpec,
  ) {
    this.spec = from
      ? copySpec(from)
      : {
          criteria: null,
          values: [],
          ranges: [],
          background: null,
          fontColor: null,
          bold: null,
          italic: null,
          strikethrough: null,
          underline: null,
        };
  }

  private self(): GasConditionalFormatRuleBuilder {
    return asGas<GasConditionalFormatRuleBuilder>(this);
  }

  private when(criteria: string, values: unknown[]): GasConditionalFormatRuleBuilder {
    this.spec.criteria = criteria;
    this.spec.values = values;
    return this.self();
  }

  build(): GasConditionalFormatRule {
    if (this.spec.criteria === null) throw this.ctx.error('A conditional format rule needs a condition.');
    return asGas<GasConditionalFormatRule>(new StandInConditionalFormatRule(this.ctx, copySpec(this.spec)));
  }

  copy(): GasConditionalFormatRuleBuilder {
    return asGas<GasConditionalFormatRuleBuilder>(
      new StandInConditionalFormatRuleBuilder(this.ctx, this.spec),
    );
  }

  getBooleanCondition(): GasBooleanCondition | null {
    return this.spec.criteria === null
      ? null
      : asGas<GasBooleanCondition>(new StandInBooleanCondition(this.ctx, copySpec(this.spec)));
  }

  getGradientCondition(): null {
    return null;
  }

  getRanges(): GasRange[] {
    return this.spec.ranges.map((r) => asGas<GasRange>(r));
  }

  setRanges(ranges: GasRange[]): GasConditionalFormatRuleBuilder {
    this.spec.ranges = ranges.map((r) => standInRange(r, this.ctx));
    return this.self();
  }

  setBackground(color: string | null): GasConditionalFormatRuleBuilder {
    this.spec.background = color === null ? null : normaliseColor(color);
    return this.self();
  }

  setFontColor(color: string | null): GasConditionalFormatRuleBuilder {
    this.spec.fontColor = color === null ? null : normaliseColor(color);
    return this.self();
  }

  setBold(bold: boolean | null): GasConditionalFormatRuleBuilder {
    this.spec.bold = bold;
    return this.self();
  }

  setItalic(italic: boolean | null): GasConditionalFormatRuleBuilder {
    this.spec.italic = italic;
    return this.self();
  }

  setStrikethrough(strikethrough: boolean | null): GasConditionalFormatRuleBuilder {
    this.spec.strikethrough = strikethrough;
    return this.self();
  }

  setUnderline(underline: boolean | null): GasConditionalFormatRuleBuilder {
    this.spec.underline = underline;
    return this.self();
  }

  whenCellEmpty(): GasConditionalFormatRuleBuilder {
    return this.when('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): GasConditionalFormatRuleBuilder {
    return this.when('CELL_NOT_EMPTY', []);
  }

  whenDateAfter(date: DateArg): GasConditionalFormatRuleBuilder {
    return isDate(date) ? this.when('DATE_AFTER', [date]) : this.when('DATE_AFTER_RELATIVE', [date]);
  }

  whenDateBefore(date: DateArg): GasConditionalFormatRuleBuilder {
    return isDate(date) ? this.when('DATE_BEFORE', [date]) : this.when('DATE_BEFORE_RELATIVE', [date]);
  }

  whenDateEqualTo(date: DateArg): GasConditionalFormatRuleBuilder {
    return isDate(date) ? this.when('DATE_EQUAL_TO', [date]) : this.when('DATE_EQUAL_TO_RELATIVE', [date]);
  }

  whenFormulaSatisfied(formula: string): GasConditionalFormatRuleBuilder {
    return this.when('CUSTOM_FORMULA', [formula]);
  }

  whenNumberBetween(start: number, end: number): GasConditionalFormatRuleBuilder {
    return this.when('NUMBER_BETWEEN', [start, end]);
  }

  whenNumberNotBetween(start: number, end: number): GasConditionalFormatRuleBuilder {
    return this.when('NUMBER_NOT_BETWEEN', [start, end]);
  }

  whenNumberEqualTo(number: number): GasConditionalFormatRuleBuilder {
    return this.when('NUMBER_EQUAL_TO', [number]);
  }

  whenNumberNotEqualTo(number: number): GasConditionalFormatRuleBuilder {
    return this.when('NUMBER_NOT_EQUAL_TO', [number]);
  }

  whenNumberGreaterThan(number: number): GasConditionalFormatRuleBuilder {
    return this.when('NUMBER_GREATER_THAN', [number]);
  }

  whenNumberGreaterThanOrEqualTo(number: number): GasConditionalFormatRuleBuilder {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  whenNumberLessThan(number: number): GasConditionalFormatRuleBuilder {
    return this.when('NUMBER_LESS_THAN', [number]);
  }

  whenNumberLessThanOrEqualTo(number: number): GasConditionalFormatRuleBuilder {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  whenTextContains(text: string): GasConditionalFormatRuleBuilder {
    return this.when('TEXT_CONTAINS', [text]);
  }

  whenTextDoesNotContain(text: string): GasConditionalFormatRuleBuilder {
    return this.when('TEXT_DOES_NOT_CONTAIN', [text]);
  }

  whenTextEqualTo(text: string): GasConditionalFormatRuleBuilder {
    return this.when('TEXT_EQUAL_TO', [text]);
  }

  whenTextStartsWith(text: string): GasConditionalFormatRuleBuilder {
    return this.when('TEXT_STARTS_WITH', [text]);
  }

  whenTextEndsWith(text: string): GasConditionalFormatRuleBuilder {
    return this.when('TEXT_ENDS_WITH', [text]);
  }

  withCriteria(criteria: GasBooleanCriteria, args: unknown[]): GasConditionalFormatRuleBuilder {
    return this.when(String(criteria), [...args]);
  }
}

const RULE_METHODS = ['copy', 'getBooleanCondition', 'getGradientCondition', 'getRanges'] as const;
type RuleMethod = (typeof RULE_METHODS)[number];

export class StandInConditionalFormatRule implements Pick<GasConditionalFormatRule, RuleMethod> {
  constructor(
    readonly ctx: StandInContext,
    readonly spec: RuleSpec,
  ) {}

  copy(): GasConditionalFormatRuleBuilder {
    return asGas<GasConditionalFormatRuleBuilder>(
      new StandInConditionalFormatRuleBuilder(this.ctx, this.spec),
    );
  }

  getBooleanCondition(): GasBooleanCondition | null {
    return asGas<GasBooleanCondition>(new StandInBooleanCondition(this.ctx, this.spec));
  }

  getGradientCondition(): null {
    return null;
  }

  getRanges(): GasRange[] {
    return this.spec.ranges.map((r) => asGas<GasRange>(r));
  }
}

counted(StandInBooleanCondition, 'BooleanCondition', 'Spreadsheet', CONDITION_METHODS);
counted(StandInConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder', 'Spreadsheet', BUILDER_METHODS);
counted(StandInConditionalFormatRule, 'ConditionalFormatRule', 'Spreadsheet', RULE_METHODS);

export function standInRule(
  rule: GasConditionalFormatRule | StandInConditionalFormatRule,
  ctx: StandInContext,
): StandInConditionalFormatRule {
  return ownObject(StandInConditionalFormatRule, rule, 'rules', ctx);
}

// ── painting ──

export interface EffectiveFormat {
  background: string;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  strikethrough: boolean;
  underline: boolean;
  /** Index of the rule that applied, or -1. */
  ruleIndex: number;
}

function asNumber(v: Scalar, timeZone: string): number | null {
  if (typeof v === 'number') return v;
  if (isDate(v)) return toSerial(v, timeZone);
  return null;
}

function holds(
  spec: RuleSpec,
  sheet: StandInSheet,
  anchor: StandInRange,
  row: number,
  column: number,
): boolean {
  const tz = sheet.ctx.timeZone;
  const value = cellValue(sheet.grid.get(row, column), tz);
  const text = typeof value === 'string' ? value.toLowerCase() : String(value).toLowerCase();
  const arg = (i: number): string => String(spec.values[i] ?? '').toLowerCase();
  const n = asNumber(value, tz);
  const num = (i: number): number => Number(spec.values[i]);
  switch (spec.criteria) {
    case 'CUSTOM_FORMULA': {
      const result = sheet.spreadsheet.engine.evaluateAt(
        String(spec.values[0]),
        sheet,
        anchor.row,
        anchor.column,
        row,
        column,
      );
      return result === true || (typeof result === 'number' && result !== 0);
    }
    case 'CELL_EMPTY':
      return value === '';
    case 'CELL_NOT_EMPTY':
      return value !== '';
    case 'TEXT_EQUAL_TO':
      return value !== '' && text === arg(0);
    case 'TEXT_CONTAINS':
      return text.includes(arg(0));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(arg(0));
    case 'TEXT_STARTS_WITH':
      return text.startsWith(arg(0));
    case 'TEXT_ENDS_WITH':
      return text.endsWith(arg(0));
    case 'NUMBER_EQUAL_TO':
      return n !== null && n === num(0);
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== null && n !== num(0);
    case 'NUMBER_GREATER_THAN':
      return n !== null && n > num(0);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== null && n >= num(0);
    case 'NUMBER_LESS_THAN':
      return n !== null && n < num(0);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== null && n <= num(0);
    case 'NUMBER_BETWEEN':
      return n !== null && n >= Math.min(num(0), num(1)) && n <= Math.max(num(0), num(1));
    case 'NUMBER_NOT_BETWEEN':
      return n !== null && (n < Math.min(num(0), num(1)) || n > Math.max(num(0), num(1)));
    case 'DATE_BEFORE':
    case 'DATE_AFTER':
    case 'DATE_EQUAL_TO': {
      if (!isDate(value)) return false;
      const d = Math.floor(toSerial(value, tz));
      const target = Math.floor(toSerial(spec.values[0] as Date, tz));
      return spec.criteria === 'DATE_BEFORE'
        ? d < target
        : spec.criteria === 'DATE_AFTER'
          ? d > target
          : d === target;
    }
    default:
      return false; // relative dates and gradients are not judged
  }
}

/** The format Sheets would paint in (row, column): the cell's own format under the first matching rule. */
export function effectiveFormat(sheet: StandInSheet, row: number, column: number): EffectiveFormat {
  const cell = sheet.grid.get(row, column);
  const base: EffectiveFormat = {
    background: cell?.background ?? '#ffffff',
    fontColor: cell?.fontColor ?? '#000000',
    bold: cell?.fontWeight === 'bold',
    italic: cell?.fontStyle === 'italic',
    strikethrough: cell?.fontLine === 'line-through',
    underline: cell?.fontLine === 'underline',
    ruleIndex: -1,
  };
  for (const [index, rule] of sheet.rules.entries()) {
    const spec = rule.spec;
    const hit = spec.ranges.find((r) => r.sheet === sheet && r.contains(row, column));
    if (
      !hit ||
      !holds(
        spec,
        sheet,
        spec.ranges.find((r) => r.sheet === sheet)!,
        row,
        column,
      )
    )
      continue;
    return {
      background: spec.background ?? base.background,
      fontColor: spec.fontColor ?? base.fontColor,
      bold: spec.bold ?? base.bold,
      italic: spec.italic ?? base.italic,
      strikethrough: spec.strikethrough ?? base.strikethrough,
      underline: spec.underline ?? base.underline,
      ruleIndex: index,
    };
  }
  return base;
}
