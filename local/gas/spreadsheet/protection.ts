// Protection: description, warning-only, editors, as Google's Protection page documents them
// (https://developers.google.com/apps-script/reference/spreadsheet/protection):
// - Range.protect(): "Until the script actually changes the list of editors for the range (by calling
//   removeEditor(s), addEditor(s), or setting a new value for setDomainEdit), the permissions mirror those of
//   the spreadsheet itself, which effectively means that the range remains unprotected." (`restricted`)
// - removeEditor(s): "Neither the owner of the spreadsheet nor the current user can be removed."
// - canEdit(): whether the user may edit; "the owner of the spreadsheet is always able to edit".
// - setWarningOnly(true): "every user can edit data in the area, except editing prompts a warning"; the
//   Sheets API adds that editors are ignored for warning-only protection. What canEdit() answers then for a
//   user outside the list is not documented: switch `warningOnlyCanEdit` (context.ts).
// Edits are refused (Range writes, see range.ts) for a user who cannot edit a strict protection, with the
// message Sheets gives a script that writes a protected cell.
import type { StandInContext } from '../context';
import { counted } from '../counter';
import { StandInUser } from '../session';
import type { StandInRange } from './range';
import type { StandInSheet } from './sheet';
import { asGas, type GasProtection, type GasProtectionType, type GasRange } from './types';

/** A User's email without a counted call when it is one of ours. */
function emailOf(user: string | GoogleAppsScript.Base.User): string {
  if (typeof user === 'string') return user;
  return user instanceof StandInUser ? user.email : user.getEmail();
}

const PROTECTION_METHODS = [
  'addEditor',
  'addEditors',
  'canDomainEdit',
  'canEdit',
  'getDescription',
  'getEditors',
  'getProtectionType',
  'getRange',
  'isWarningOnly',
  'remove',
  'removeEditor',
  'removeEditors',
  'setDescription',
  'setDomainEdit',
  'setWarningOnly',
] as const;
type ProtectionMethod = (typeof PROTECTION_METHODS)[number];

export class StandInProtection implements Pick<GasProtection, ProtectionMethod> {
  readonly ctx: StandInContext;
  description = '';
  warningOnly = false;
  domainEdit = false;
  readonly editors = new Set<string>();
  /** True once the script changed the editors or domain edit: until then everyone may edit (see above). */
  restricted = false;

  constructor(
    readonly sheet: StandInSheet,
    readonly type: 'RANGE' | 'SHEET',
    readonly range?: StandInRange,
  ) {
    this.ctx = sheet.ctx;
    const owner = sheet.spreadsheet.ownerEmail;
    if (owner) this.editors.add(owner);
  }

  private self(): GasProtection {
    return asGas<GasProtection>(this);
  }

  getDescription(): string {
    return this.description;
  }

  setDescription(description: string): GasProtection {
    this.description = description;
    return this.self();
  }

  isWarningOnly(): boolean {
    return this.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): GasProtection {
    this.warningOnly = warningOnly;
    return this.self();
  }

  canDomainEdit(): boolean {
    return this.domainEdit;
  }

  setDomainEdit(editable: boolean): GasProtection {
    this.editorsAllowed('setDomainEdit');
    this.domainEdit = editable;
    this.restricted = true;
    return this.self();
  }

  canEdit(): boolean {
    return this.allows(this.ctx.userEmail);
  }

  /** Whether `email` may edit the protected cells (the owner always; see the file comment). */
  allows(email: string): boolean {
    if (email !== '' && email === this.sheet.spreadsheet.ownerEmail) return true;
    if (this.warningOnly) return this.ctx.behaviours.warningOnlyCanEdit || this.editors.has(email);
    return !this.restricted || this.domainEdit || this.editors.has(email);
  }

  /** Whether a script run by `email` may write here (warning-only never stops a script). */
  allowsWrite(email: string): boolean {
    return this.warningOnly || this.allows(email);
  }

  /** True when this protection covers any cell of the block. */
  covers(sheet: StandInSheet, row: number, column: number, numRows: number, numColumns: number): boolean {
    if (sheet !== this.sheet) return false;
    if (!this.range) return true;
    // The range's own fields: this check is the stand-in's, never a counted service call.
    const r = this.range;
    return (
      row <= r.endRow &&
      row + numRows - 1 >= r.row &&
      column <= r.endColumn &&
      column + numColumns - 1 >= r.column
    );
  }

  getProtectionType(): GasProtectionType {
    return this.type as unknown as GasProtectionType;
  }

  getRange(): GasRange {
    return this.range
      ? asGas<GasRange>(this.range)
      : this.sheet.rangeAt(1, 1, this.sheet.grid.maxRows, this.sheet.grid.maxColumns);
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    this.editorsAllowed('getEditors');
    return [...this.editors].map((email) =>
      asGas<GoogleAppsScript.Base.User>(new StandInUser(this.ctx, email)),
    );
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): GasProtection {
    this.editorsAllowed('addEditor');
    this.editors.add(emailOf(emailAddress));
    this.restricted = true;
    return this.self();
  }

  addEditors(emailAddresses: string[]): GasProtection {
    this.editorsAllowed('addEditors');
    for (const e of emailAddresses) this.editors.add(e);
    this.restricted = true;
    return this.self();
  }

  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): GasProtection {
    this.editorsAllowed('removeEditor');
    this.drop(emailOf(emailAddress));
    this.restricted = true;
    return this.self();
  }

  removeEditors(emailAddresses: string[] | GoogleAppsScript.Base.User[]): GasProtection {
    this.editorsAllowed('removeEditors');
    for (const e of emailAddresses) this.drop(emailOf(e));
    this.restricted = true;
    return this.self();
  }

  /** The editors are users' emails: in AuthMode.LIMITED they follow the switch `limitedProtectionEditors`. */
  private editorsAllowed(method: string): void {
    if (this.ctx.mode === 'authLimited' && !this.ctx.behaviours.limitedProtectionEditors)
      throw this.ctx.error(`You do not have permission to call Protection.${method}. (AuthMode.LIMITED)`);
  }

  /** "Neither the owner of the spreadsheet nor the current user can be removed." */
  private drop(email: string): void {
    if (email === this.sheet.spreadsheet.ownerEmail || email === this.ctx.userEmail) return;
    this.editors.delete(email);
  }

  /** Only someone who may edit the protected cells may remove the protection (Google's own sample checks canEdit first). */
  remove(): void {
    if (!this.allows(this.ctx.userEmail)) {
      throw this.ctx.error(
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
    }
    this.sheet.spreadsheet.removeProtection(this);
  }
}

counted(StandInProtection, 'Protection', 'Spreadsheet', PROTECTION_METHODS);
