// DeveloperMetadata on a sheet: a key/value a script attaches to a tab, invisible to users, kept when the tab
// is renamed. https://developers.google.com/apps-script/reference/spreadsheet/sheet#addDeveloperMetadata(String,String)
// and https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata (key, value,
// remove). Only sheet-level metadata is implemented (what the add-in uses to mark the tabs it made).
import type { StandInContext } from '../context';
import { counted } from '../counter';
import type { StandInSheet } from './sheet';
import { asGas } from './types';

type GasDeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

const METADATA_METHODS = ['getId', 'getKey', 'getValue', 'remove', 'setKey', 'setValue'] as const;

let ids = 0;

export class StandInDeveloperMetadata implements Pick<
  GasDeveloperMetadata,
  (typeof METADATA_METHODS)[number]
> {
  readonly ctx: StandInContext;
  readonly id = ++ids;

  constructor(
    readonly sheet: StandInSheet,
    public key: string,
    public value: string | null,
  ) {
    this.ctx = sheet.ctx;
  }

  private self(): GasDeveloperMetadata {
    return asGas<GasDeveloperMetadata>(this);
  }

  getId(): number {
    return this.id;
  }

  getKey(): string {
    return this.key;
  }

  getValue(): string | null {
    return this.value;
  }

  setKey(key: string): GasDeveloperMetadata {
    this.key = String(key);
    return this.self();
  }

  setValue(value: string): GasDeveloperMetadata {
    this.value = value == null ? null : String(value);
    return this.self();
  }

  remove(): void {
    const list = this.sheet.developerMetadata;
    const i = list.indexOf(this);
    if (i >= 0) list.splice(i, 1);
  }
}

counted(StandInDeveloperMetadata, 'DeveloperMetadata', 'Spreadsheet', METADATA_METHODS, 'readOnly');
