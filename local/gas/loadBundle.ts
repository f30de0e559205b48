// Runs the built add-in (dist/Code.js) the way Apps Script does: one global scope holding the services,
// top-level functions callable by name. Custom functions CCHC_* are registered with the formula engine so
// the formulas the add-in writes are evaluated by the real bundle.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import vm from 'node:vm';
import type { CustomFunction } from './formula/engine';
import type { StandIn } from './index';
import { REPO_ROOT } from './paths';

function readCode(codePath: string): { code: string; filename: string } {
  const filename = isAbsolute(codePath) ? codePath : join(REPO_ROOT, codePath);
  return { code: readFileSync(filename, 'utf8'), filename };
}

/**
 * The bundle's Date: this realm's Date (so cell values the stand-in returns pass `instanceof Date` inside
 * the bundle), except that `new Date()`, `Date()` and `Date.now()` read the stand-in's clock, so a fixed
 * `now` (the demo's --today) holds for the add-in too.
 */
function clockedDate(standIn: StandIn): DateConstructor {
  return new Proxy(Date, {
    construct(target, args: unknown[]) {
      return args.length === 0 ? standIn.now() : new target(...(args as [number]));
    },
    apply() {
      return standIn.now().toString();
    },
    get(target, property, receiver) {
      if (property === 'now') return () => standIn.now().getTime();
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/** Loads the bundle into a fresh context with the stand-in installed; returns the context (its functions are properties). */
export function loadBundle(standIn: StandIn, codePath = 'dist/Code.js'): vm.Context {
  const { code, filename } = readCode(codePath);
  const context = vm.createContext({});
  Object.defineProperty(context, 'Date', {
    value: clockedDate(standIn),
    writable: true,
    configurable: true,
    enumerable: false,
  });
  standIn.install(context);
  vm.runInContext(code, context, { filename });
  const custom: Record<string, CustomFunction> = {};
  for (const name of Object.keys(context)) {
    const fn = (context as Record<string, unknown>)[name];
    if (name.startsWith('CCHC_') && typeof fn === 'function') custom[name] = fn as CustomFunction;
  }
  standIn.setCustomFunctions(custom);
  return context;
}

/** Loads the bundle into an empty context with no service at all: proves loading touches none. */
export function loadBundleBare(codePath = 'dist/Code.js'): vm.Context {
  const { code, filename } = readCode(codePath);
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename });
  return context;
}
