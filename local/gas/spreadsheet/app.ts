// SpreadsheetApp: the entry to the active spreadsheet, its UI, and the rule/validation builders.
import { absentInTimerRun, type StandInContext } from '../context';
import { counted } from '../counter';
import { makeEnum } from '../enums';
import { StandInUi, type UiRecords } from '../ui';
import { StandInConditionalFormatRuleBuilder } from './conditionalFormat';
import { StandInDataValidationBuilder } from './dataValidation';
import { standInRange } from './range';
import { standInSheet } from './sheet';
import type { StandInSpreadsheet } from './spreadsheet';
import {
  asGas,
  type GasConditionalFormatRuleBuilder,
  type GasDataValidationBuilder,
  type GasRange,
  type GasSheet,
  type GasSpreadsheet,
  type GasSpreadsheetApp,
  type GasUi,
} from './types';

const APP_METHODS = [
  'flush',
  'getActive',
  'getActiveRange',
  'getActiveSheet',
  'getActiveSpreadsheet',
  'getUi',
  'newConditionalFormatRule',
  'newDataValidation',
  'openById',
  'setActiveRange',
  'setActiveSheet',
] as const;
const ENUMS = [
  'BooleanCriteria',
  'DataValidationCriteria',
  'Dimension',
  'Direction',
  'InterpolationType',
  'ProtectionType',
  'RelativeDate',
  'SheetType',
  'WrapStrategy',
] as const;
type AppMember = (typeof APP_METHODS)[number] | (typeof ENUMS)[number];

type S = typeof GoogleAppsScript.Spreadsheet;

/** The number and text comparisons BooleanCriteria and DataValidationCriteria both have. */
const COMPARISONS = [
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
];

export class StandInSpreadsheetApp implements Pick<GasSpreadsheetApp, AppMember> {
  readonly BooleanCriteria = makeEnum<S['BooleanCriteria']>([
    'CELL_EMPTY',
    'CELL_NOT_EMPTY',
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_EQUAL_TO',
    'DATE_AFTER_RELATIVE',
    'DATE_BEFORE_RELATIVE',
    'DATE_EQUAL_TO_RELATIVE',
    ...COMPARISONS,
    'TEXT_STARTS_WITH',
    'TEXT_ENDS_WITH',
    'CUSTOM_FORMULA',
  ]);
  readonly DataValidationCriteria = makeEnum<S['DataValidationCriteria']>([
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_BETWEEN',
    'DATE_EQUAL_TO',
    'DATE_IS_VALID_DATE',
    'DATE_NOT_BETWEEN',
    'DATE_ON_OR_AFTER',
    'DATE_ON_OR_BEFORE',
    ...COMPARISONS,
    'TEXT_IS_VALID_EMAIL',
    'TEXT_IS_VALID_URL',
    'VALUE_IN_LIST',
    'VALUE_IN_RANGE',
    'CUSTOM_FORMULA',
    'CHECKBOX',
  ]);
  readonly Dimension = makeEnum<S['Dimension']>(['COLUMNS', 'ROWS']);
  readonly Direction = makeEnum<S['Direction']>(['UP', 'DOWN', 'PREVIOUS', 'NEXT']);
  readonly InterpolationType = makeEnum<S['InterpolationType']>([
    'NUMBER',
    'PERCENT',
    'PERCENTILE',
    'MIN',
    'MAX',
  ]);
  readonly ProtectionType = makeEnum<S['ProtectionType']>(['RANGE', 'SHEET']);
  readonly RelativeDate = makeEnum<S['RelativeDate']>([
    'TODAY',
    'TOMORROW',
    'YESTERDAY',
    'PAST_WEEK',
    'PAST_MONTH',
    'PAST_YEAR',
  ]);
  readonly SheetType = makeEnum<S['SheetType']>(['GRID', 'OBJECT']);
  readonly WrapStrategy = makeEnum<S['WrapStrategy']>(['WRAP', 'OVERFLOW', 'CLIP']);

  constructor(
    readonly ctx: StandInContext,
    private readonly spreadsheet: StandInSpreadsheet,
    private readonly ui: UiRecords,
  ) {}

  /** null in a timer run when the `timerRun.activeSpreadsheet` switch is off (context.ts). */
  getActiveSpreadsheet(): GasSpreadsheet {
    return this.active();
  }

  getActive(): GasSpreadsheet {
    return this.active();
  }

  private active(): GasSpreadsheet {
    return absentInTimerRun(this.ctx, 'activeSpreadsheet')
      ? (null as unknown as GasSpreadsheet)
      : asGas<GasSpreadsheet>(this.spreadsheet);
  }

  getActiveSheet(): GasSheet {
    return asGas<GasSheet>(this.spreadsheet.activeSheet);
  }

  setActiveSheet(sheet: GasSheet): GasSheet {
    this.spreadsheet.activate(standInSheet(sheet, this.ctx));
    return sheet;
  }

  getActiveRange(): GasRange {
    return asGas<GasRange>(
      this.spreadsheet.activeRange ??
        standInRange(this.spreadsheet.activeSheet.rangeAt(1, 1, 1, 1), this.ctx),
    );
  }

  setActiveRange(range: GasRange): GasRange {
    const r = standInRange(range, this.ctx);
    this.spreadsheet.activate(r.sheet, r);
    return range;
  }

  openById(id: string): GasSpreadsheet {
    if (absentInTimerRun(this.ctx, 'openById'))
      throw this.ctx.error(
        'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
      );
    if (id !== this.spreadsheet.id)
      throw this.ctx.error(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return asGas<GasSpreadsheet>(this.spreadsheet);
  }

  /** Writes are applied at once in the stand-in; flush has nothing to do. */
  flush(): void {}

  /** There is no UI to reach from a time-driven trigger or a custom function (simple triggers build menus). */
  getUi(): GasUi {
    if (this.ctx.mode === 'trigger' || this.ctx.mode === 'customFunction')
      throw this.ctx.error('Cannot call SpreadsheetApp.getUi() from this context.');
    return asGas<GasUi>(new StandInUi(this.ctx, this.ui));
  }

  newConditionalFormatRule(): GasConditionalFormatRuleBuilder {
    return asGas<GasConditionalFormatRuleBuilder>(new StandInConditionalFormatRuleBuilder(this.ctx));
  }

  newDataValidation(): GasDataValidationBuilder {
    return asGas<GasDataValidationBuilder>(new StandInDataValidationBuilder(this.ctx));
  }
}

counted(StandInSpreadsheetApp, 'SpreadsheetApp', 'Spreadsheet', APP_METHODS, 'readOnly');
