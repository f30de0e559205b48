// The sidebar's server contract, derived from the real entry points (src/index.ts, as
// enuchi/React-Google-Apps-Script does with `typeof` the server module): every `sidebar*` function with its
// parameters and result. Change a server signature and every call site in the sidebar is checked against
// the new one; return or accept something google.script.run cannot carry and this file fails to compile.
// Types only: nothing of src/index.ts reaches the sidebar bundle.
import type * as Entries from '../index';

type Entry = typeof Entries;

/** The entries the sidebar may call through google.script.run. */
export type ServerName = Extract<keyof Entry, `sidebar${string}`>;

/** What the sidebar calls, with the server's own parameter and result types. */
export type ServerFunctions = Pick<Entry, ServerName>;

/**
 * Values google.script.run refuses. Google: "Requests fail if you attempt to pass a Date, Function, DOM
 * element besides a form, or other prohibited type, including prohibited types inside objects or arrays"
 * (https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)). Maps, sets, regular
 * expressions, bigints and symbols do not survive the transport either.
 */
type Refused =
  | Date
  | ((...args: never[]) => unknown)
  | Map<unknown, unknown>
  | Set<unknown>
  | WeakMap<object, unknown>
  | RegExp
  | Node
  | bigint
  | symbol;

/** `false` (in the union) when T holds a refused value anywhere inside; unions are checked member by member. */
type Carriable<T> = T extends Refused
  ? false
  : T extends readonly (infer U)[]
    ? Carriable<U>
    : T extends object
      ? false extends { [K in keyof T]-?: Carriable<T[K]> }[keyof T]
        ? false
        : true
      : true;

/** Each entry as it is, or a type whose text names the entry and what google.script.run cannot carry. */
export type CarriedContract<F> = {
  [K in keyof F]: F[K] extends (...args: infer A) => infer R
    ? false extends Carriable<A[number]>
      ? { 'google.script.run cannot carry (Date, function...) a parameter of': K }
      : false extends Carriable<R>
        ? { 'google.script.run cannot carry (Date, function...) the result of': K }
        : F[K]
    : never;
};

/** Compiles only when every entry is carriable; otherwise the error shows the message above. */
export type Verified<F extends ServerFunctions> = F;
export type ServerContract = Verified<CarriedContract<ServerFunctions>>;
