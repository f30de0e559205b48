// HtmlService: outputs from files in htmlDir (the built dist/ by default) or from strings, and
// templates with <?= ?> (escaped), <?!= ?> (raw) and <? ?> (code) scriptlets.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ownObject, type StandInContext } from './context';
import { counted } from './counter';
import { makeEnum } from './enums';

type GasHtmlService = GoogleAppsScript.HTML.HtmlService;
type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GasHtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;
type SandboxMode = GoogleAppsScript.HTML.SandboxMode;
type XFrameOptionsMode = GoogleAppsScript.HTML.XFrameOptionsMode;

const OUTPUT_METHODS = [
  'addMetaTag',
  'append',
  'appendUntrusted',
  'clear',
  'getContent',
  'getHeight',
  'getMetaTags',
  'getTitle',
  'getWidth',
  'setContent',
  'setHeight',
  'setSandboxMode',
  'setTitle',
  'setWidth',
  'setXFrameOptionsMode',
] as const;
type OutputMethod = (typeof OUTPUT_METHODS)[number];

const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

export class StandInHtmlOutput implements Pick<GasHtmlOutput, OutputMethod> {
  title = '';
  width = 0;
  height = 0;
  sandboxMode: string | null = null;
  xFrameOptionsMode: string | null = null;
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    readonly ctx: StandInContext,
    public content: string,
  ) {}

  private self(): GasHtmlOutput {
    return this as unknown as GasHtmlOutput;
  }

  getContent(): string {
    return this.content;
  }

  setContent(content: string): GasHtmlOutput {
    this.content = content;
    return this.self();
  }

  append(addedContent: string): GasHtmlOutput {
    this.content += addedContent;
    return this.self();
  }

  appendUntrusted(addedContent: string): GasHtmlOutput {
    this.content += escapeHtml(addedContent);
    return this.self();
  }

  clear(): GasHtmlOutput {
    this.content = '';
    return this.self();
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): GasHtmlOutput {
    this.title = title;
    return this.self();
  }

  getWidth(): number {
    return this.width;
  }

  setWidth(width: number): GasHtmlOutput {
    this.width = width;
    return this.self();
  }

  getHeight(): number {
    return this.height;
  }

  setHeight(height: number): GasHtmlOutput {
    this.height = height;
    return this.self();
  }

  setSandboxMode(mode: SandboxMode): GasHtmlOutput {
    this.sandboxMode = String(mode);
    return this.self();
  }

  setXFrameOptionsMode(mode: XFrameOptionsMode): GasHtmlOutput {
    this.xFrameOptionsMode = String(mode);
    return this.self();
  }

  addMetaTag(name: string, content: string): GasHtmlOutput {
    if (
      name !== 'viewport' &&
      !name.startsWith('apple-mobile-web-app') &&
      name !== 'mobile-web-app-capable'
    ) {
      throw this.ctx.error(`Meta tag "${name}" is not supported.`);
    }
    this.metaTags.push({ name, content });
    return this.self();
  }

  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    return this.metaTags.map((t) => ({ getName: () => t.name, getContent: () => t.content }));
  }
}

const TEMPLATE_METHODS = ['evaluate', 'getCode', 'getRawContent'] as const;

export class StandInHtmlTemplate implements Pick<GasHtmlTemplate, (typeof TEMPLATE_METHODS)[number]> {
  [propName: string]: unknown;
  // Private field: scripts set arbitrary properties on a template (even "raw").
  readonly #source: string;

  constructor(
    readonly ctx: StandInContext,
    source: string,
  ) {
    this.#source = source;
  }

  getRawContent(): string {
    return this.#source;
  }

  /** The JavaScript the template compiles to (appends to `output`). */
  getCode(): string {
    let code = '';
    let last = 0;
    const re = /<\?(!?=)?([\s\S]*?)\?>/g;
    const raw = this.#source;
    for (let m = re.exec(raw); m; m = re.exec(raw)) {
      code += `output += ${JSON.stringify(raw.slice(last, m.index))};\n`;
      if (m[1] === '=') code += `output += __escape(String(${m[2]}));\n`;
      else if (m[1] === '!=') code += `output += String(${m[2]});\n`;
      else code += `${m[2]}\n`;
      last = re.lastIndex;
    }
    return code + `output += ${JSON.stringify(raw.slice(last))};\n`;
  }

  evaluate(): GasHtmlOutput {
    const vars: Record<string, unknown> = {};
    for (const key of Object.keys(this)) if (key !== 'ctx') vars[key] = this[key];
    // Template properties are visible as variables, like Apps Script's `with (this)` evaluation.
    const run = new Function(
      '__vars',
      '__escape',
      `with (__vars) { let output = ''; ${this.getCode()} return output; }`,
    ) as (vars: Record<string, unknown>, escape: (s: string) => string) => string;
    return new StandInHtmlOutput(this.ctx, run(vars, escapeHtml)) as unknown as GasHtmlOutput;
  }
}

const SERVICE_METHODS = [
  'createHtmlOutput',
  'createHtmlOutputFromFile',
  'createTemplate',
  'createTemplateFromFile',
  'getUserAgent',
] as const;
type ServiceMethod = (typeof SERVICE_METHODS)[number] | 'SandboxMode' | 'XFrameOptionsMode';

export class StandInHtmlService implements Pick<GasHtmlService, ServiceMethod> {
  readonly SandboxMode = makeEnum<typeof GoogleAppsScript.HTML.SandboxMode>(['EMULATED', 'IFRAME', 'NATIVE']);
  readonly XFrameOptionsMode = makeEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>([
    'ALLOWALL',
    'DEFAULT',
  ]);

  constructor(
    readonly ctx: StandInContext,
    readonly htmlDir: string,
  ) {}

  private readFile(filename: string): string {
    const name = filename.endsWith('.html') ? filename : `${filename}.html`;
    const path = join(this.htmlDir, name);
    if (!existsSync(path)) throw this.ctx.error(`No HTML file named ${filename} was found.`);
    return readFileSync(path, 'utf8');
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): GasHtmlOutput {
    const content =
      html === undefined ? '' : typeof html === 'string' ? html : html.getBlob().getDataAsString();
    return new StandInHtmlOutput(this.ctx, content) as unknown as GasHtmlOutput;
  }

  createHtmlOutputFromFile(filename: string): GasHtmlOutput {
    return new StandInHtmlOutput(this.ctx, this.readFile(filename)) as unknown as GasHtmlOutput;
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): GasHtmlTemplate {
    const raw = typeof html === 'string' ? html : html.getBlob().getDataAsString();
    return new StandInHtmlTemplate(this.ctx, raw) as unknown as GasHtmlTemplate;
  }

  createTemplateFromFile(filename: string): GasHtmlTemplate {
    return new StandInHtmlTemplate(this.ctx, this.readFile(filename)) as unknown as GasHtmlTemplate;
  }

  getUserAgent(): string {
    return 'Mozilla/5.0 (stand-in)';
  }
}

counted(StandInHtmlOutput, 'HtmlOutput', 'Html', OUTPUT_METHODS);
counted(StandInHtmlTemplate, 'HtmlTemplate', 'Html', TEMPLATE_METHODS);
counted(StandInHtmlService, 'HtmlService', 'Html', SERVICE_METHODS);

export function standInHtmlOutput(
  output: GasHtmlOutput | StandInHtmlOutput,
  ctx: StandInContext,
): StandInHtmlOutput {
  return ownObject(StandInHtmlOutput, output, 'userInterface', ctx);
}
