// Protection: recorded (description, warning-only, editors); edits are not blocked.
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
    this.domainEdit = editable;
    return this.self();
  }

  canEdit(): boolean {
    return true;
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
    return [...this.editors].map((email) =>
      asGas<GoogleAppsScript.Base.User>(new StandInUser(this.ctx, email)),
    );
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): GasProtection {
    this.editors.add(emailOf(emailAddress));
    return this.self();
  }

  addEditors(emailAddresses: string[]): GasProtection {
    for (const e of emailAddresses) this.editors.add(e);
    return this.self();
  }

  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): GasProtection {
    this.editors.delete(emailOf(emailAddress));
    return this.self();
  }

  removeEditors(emailAddresses: string[] | GoogleAppsScript.Base.User[]): GasProtection {
    for (const e of emailAddresses) this.editors.delete(emailOf(e));
    return this.self();
  }

  remove(): void {
    this.sheet.spreadsheet.removeProtection(this);
  }
}

counted(StandInProtection, 'Protection', 'Spreadsheet', PROTECTION_METHODS);
