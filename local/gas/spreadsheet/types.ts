// Short names for the @types/google-apps-script interfaces the stand-in implements.
export type GasSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
export type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
export type GasRange = GoogleAppsScript.Spreadsheet.Range;
export type GasConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
export type GasConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
export type GasBooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
export type GasBooleanCriteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;
export type GasDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
export type GasDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
export type GasDataValidationCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
export type GasProtection = GoogleAppsScript.Spreadsheet.Protection;
export type GasProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
export type GasNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;
export type GasEmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
export type GasEmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
export type GasWrapStrategy = GoogleAppsScript.Spreadsheet.WrapStrategy;
export type GasUi = GoogleAppsScript.Base.Ui;
export type GasMenu = GoogleAppsScript.Base.Menu;
export type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

/**
 * Stand-in objects implement a subset of an Apps Script interface, so they are handed out typed as the
 * full interface (what scripts see); methods outside the subset do not exist at run time.
 */
export function asGas<T>(standIn: object): T {
  return standIn as T;
}
