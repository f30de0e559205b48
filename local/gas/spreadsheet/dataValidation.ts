// Data validation rules: recorded on cells and read back; values written by scripts are not checked.
import { ownObject, type StandInContext } from '../context';
import { counted } from '../counter';
import { standInRange } from './range';
import {
  asGas,
  type GasDataValidation,
  type GasDataValidationBuilder,
  type GasDataValidationCriteria,
  type GasRange,
} from './types';

type AsDate = GoogleAppsScript.Base.Date;

interface ValidationSpec {
  criteria: string | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

const BUILDER_METHODS = [
  'build',
  'copy',
  'getAllowInvalid',
  'getCriteriaType',
  'getCriteriaValues',
  'getHelpText',
  'requireCheckbox',
  'requireDate',
  'requireDateAfter',
  'requireDateBefore',
  'requireDateBetween',
  'requireDateEqualTo',
  'requireDateNotBetween',
  'requireDateOnOrAfter',
  'requireDateOnOrBefore',
  'requireFormulaSatisfied',
  'requireNumberBetween',
  'requireNumberEqualTo',
  'requireNumberGreaterThan',
  'requireNumberGreaterThanOrEqualTo',
  'requireNumberLessThan',
  'requireNumberLessThanOrEqualTo',
  'requireNumberNotBetween',
  'requireNumberNotEqualTo',
  'requireTextContains',
  'requireTextDoesNotContain',
  'requireTextEqualTo',
  'requireTextIsEmail',
  'requireTextIsUrl',
  'requireValueInList',
  'requireValueInRange',
  'setAllowInvalid',
  'setHelpText',
  'withCriteria',
] as const;
type BuilderMethod = (typeof BUILDER_METHODS)[number];

const VALIDATION_METHODS = [
  'copy',
  'getAllowInvalid',
  'getCriteriaType',
  'getCriteriaValues',
  'getHelpText',
] as const;
type ValidationMethod = (typeof VALIDATION_METHODS)[number];

export class StandInDataValidationBuilder implements Pick<GasDataValidationBuilder, BuilderMethod> {
  readonly spec: ValidationSpec;

  constructor(
    readonly ctx: StandInContext,
    from?: ValidationSpec,
  ) {
    // Apps Script's default: invalid input is allowed and shown with a warning.
    this.spec = from
      ? { ...from, values: [...from.values] }
      : { criteria: null, values: [], allowInvalid: true, helpText: null };
  }

  private require(criteria: string, values: unknown[]): GasDataValidationBuilder {
    this.spec.criteria = criteria;
    this.spec.values = values;
    return asGas<GasDataValidationBuilder>(this);
  }

  build(): GasDataValidation {
    if (this.spec.criteria === null) throw this.ctx.error('A data validation rule needs a criterion.');
    return asGas<GasDataValidation>(
      new StandInDataValidation(this.ctx, { ...this.spec, values: [...this.spec.values] }),
    );
  }

  copy(): GasDataValidationBuilder {
    return asGas<GasDataValidationBuilder>(new StandInDataValidationBuilder(this.ctx, this.spec));
  }

  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  getCriteriaType(): GasDataValidationCriteria {
    return this.spec.criteria as unknown as GasDataValidationCriteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.spec.values];
  }

  getHelpText(): string | null {
    return this.spec.helpText;
  }

  setAllowInvalid(allowInvalidData: boolean): GasDataValidationBuilder {
    this.spec.allowInvalid = allowInvalidData;
    return asGas<GasDataValidationBuilder>(this);
  }

  setHelpText(helpText: string): GasDataValidationBuilder {
    this.spec.helpText = helpText;
    return asGas<GasDataValidationBuilder>(this);
  }

  withCriteria(criteria: GasDataValidationCriteria, args: unknown[]): GasDataValidationBuilder {
    return this.require(String(criteria), [...args]);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): GasDataValidationBuilder {
    return this.require(
      'CHECKBOX',
      [checkedValue, uncheckedValue].filter((v) => v !== undefined),
    );
  }

  requireDate(): GasDataValidationBuilder {
    return this.require('DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: AsDate): GasDataValidationBuilder {
    return this.require('DATE_AFTER', [date]);
  }

  requireDateBefore(date: AsDate): GasDataValidationBuilder {
    return this.require('DATE_BEFORE', [date]);
  }

  requireDateBetween(start: AsDate, end: AsDate): GasDataValidationBuilder {
    return this.require('DATE_BETWEEN', [start, end]);
  }

  requireDateNotBetween(start: AsDate, end: AsDate): GasDataValidationBuilder {
    return this.require('DATE_NOT_BETWEEN', [start, end]);
  }

  requireDateEqualTo(date: AsDate): GasDataValidationBuilder {
    return this.require('DATE_EQUAL_TO', [date]);
  }

  requireDateOnOrAfter(date: AsDate): GasDataValidationBuilder {
    return this.require('DATE_ON_OR_AFTER', [date]);
  }

  requireDateOnOrBefore(date: AsDate): GasDataValidationBuilder {
    return this.require('DATE_ON_OR_BEFORE', [date]);
  }

  requireFormulaSatisfied(formula: string): GasDataValidationBuilder {
    return this.require('CUSTOM_FORMULA', [formula]);
  }

  requireNumberBetween(start: number, end: number): GasDataValidationBuilder {
    return this.require('NUMBER_BETWEEN', [start, end]);
  }

  requireNumberNotBetween(start: number, end: number): GasDataValidationBuilder {
    return this.require('NUMBER_NOT_BETWEEN', [start, end]);
  }

  requireNumberEqualTo(number: number): GasDataValidationBuilder {
    return this.require('NUMBER_EQUAL_TO', [number]);
  }

  requireNumberNotEqualTo(number: number): GasDataValidationBuilder {
    return this.require('NUMBER_NOT_EQUAL_TO', [number]);
  }

  requireNumberGreaterThan(number: number): GasDataValidationBuilder {
    return this.require('NUMBER_GREATER_THAN', [number]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): GasDataValidationBuilder {
    return this.require('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  requireNumberLessThan(number: number): GasDataValidationBuilder {
    return this.require('NUMBER_LESS_THAN', [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): GasDataValidationBuilder {
    return this.require('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  requireTextContains(text: string): GasDataValidationBuilder {
    return this.require('TEXT_CONTAINS', [text]);
  }

  requireTextDoesNotContain(text: string): GasDataValidationBuilder {
    return this.require('TEXT_DOES_NOT_CONTAIN', [text]);
  }

  requireTextEqualTo(text: string): GasDataValidationBuilder {
    return this.require('TEXT_EQUAL_TO', [text]);
  }

  requireTextIsEmail(): GasDataValidationBuilder {
    return this.require('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): GasDataValidationBuilder {
    return this.require('TEXT_IS_VALID_URL', []);
  }

  /** Criteria values are [values, showDropdown], as Apps Script reports them. */
  requireValueInList(values: string[], showDropdown = true): GasDataValidationBuilder {
    return this.require('VALUE_IN_LIST', [[...values], showDropdown]);
  }

  requireValueInRange(range: GasRange, showDropdown = true): GasDataValidationBuilder {
    return this.require('VALUE_IN_RANGE', [asGas<GasRange>(standInRange(range, this.ctx)), showDropdown]);
  }
}

export class StandInDataValidation implements Pick<GasDataValidation, ValidationMethod> {
  constructor(
    readonly ctx: StandInContext,
    readonly spec: ValidationSpec,
  ) {}

  copy(): GasDataValidationBuilder {
    return asGas<GasDataValidationBuilder>(new StandInDataValidationBuilder(this.ctx, this.spec));
  }

  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  getCriteriaType(): GasDataValidationCriteria {
    return this.spec.criteria as unknown as GasDataValidationCriteria;
  }

  getCriteriaValues(): unknown[] {
    return this.spec.values.map((v) => (Array.isArray(v) ? [...v] : v));
  }

  getHelpText(): string {
    return this.spec.helpText ?? '';
  }
}

counted(StandInDataValidationBuilder, 'DataValidationBuilder', 'Spreadsheet', BUILDER_METHODS);
counted(StandInDataValidation, 'DataValidation', 'Spreadsheet', VALIDATION_METHODS);

export function standInDataValidation(
  rule: GasDataValidation | StandInDataValidation,
  ctx: StandInContext,
): StandInDataValidation {
  return ownObject(StandInDataValidation, rule, 'rule', ctx);
}
