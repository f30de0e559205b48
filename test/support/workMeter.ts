// Counts the work a function does, without a clock: the scale tests ask how work grows with the input
// (linear, n log n) and a clock on this shared 2-core machine cannot answer that (README "Benchmark").
// While `run` executes, the builtins of this test's realm are wrapped so that each counts:
// - an Array method walking its array: the array's length, plus the length of an array it returns
//   (map, filter, forEach, every, some, reduce, indexOf, includes, find, slice, concat, flat, splice…);
// - push / unshift: one per element added; sort: one per comparator call;
// - every step of an iteration of an array, a Map or a Set (for…of, spread, Array.from, destructuring);
// - Map / Set get, set, has, add, delete: one each; localeCompare: one.
// A step that is quadratic through these (a spread, a filter or an includes inside a loop over the
// communes) makes the count per input element grow with n. Plain index loops and string work are not
// counted; the code under test uses the builtins for its collections. Synchronous use only: the wrappers are
// removed before countWork returns.

type Fn = (...args: unknown[]) => unknown;

const WALKING = [
  'map',
  'filter',
  'forEach',
  'every',
  'some',
  'reduce',
  'reduceRight',
  'indexOf',
  'lastIndexOf',
  'includes',
  'find',
  'findIndex',
  'slice',
  'concat',
  'flat',
  'flatMap',
  'splice',
  'join',
  'fill',
  'reverse',
] as const;

export function countWork<T>(run: () => T): { result: T; work: number } {
  let work = 0;
  const restore: (() => void)[] = [];
  const patch = (target: object, key: PropertyKey, make: (original: Fn) => Fn) => {
    const original = Reflect.get(target, key) as Fn;
    Reflect.set(target, key, make(original));
    restore.push(() => Reflect.set(target, key, original));
  };
  const counted = (it: Iterator<unknown>): IterableIterator<unknown> => ({
    next() {
      work++;
      return it.next();
    },
    [Symbol.iterator]() {
      return this;
    },
  });
  for (const name of WALKING)
    patch(
      Array.prototype,
      name,
      (original) =>
        function (this: unknown[], ...args: unknown[]) {
          work += this.length;
          const out = original.apply(this, args);
          if (Array.isArray(out)) work += out.length;
          return out;
        },
    );
  for (const name of ['push', 'unshift'])
    patch(
      Array.prototype,
      name,
      (original) =>
        function (this: unknown[], ...args: unknown[]) {
          work += args.length;
          return original.apply(this, args);
        },
    );
  type Compare = (a: unknown, b: unknown) => number;
  const byText: Compare = (a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
  patch(
    Array.prototype,
    'sort',
    (original) =>
      function (this: unknown[], ...args: unknown[]) {
        const by = (args[0] as Compare | undefined) ?? byText;
        return original.call(this, (a: unknown, b: unknown) => {
          work++;
          return by(a, b);
        });
      },
  );
  for (const name of [Symbol.iterator, 'values', 'keys', 'entries'] as PropertyKey[])
    patch(
      Array.prototype,
      name,
      (original) =>
        function (this: unknown[]) {
          return counted(original.call(this) as Iterator<unknown>);
        },
    );
  for (const proto of [Map.prototype, Set.prototype]) {
    for (const name of ['get', 'set', 'has', 'add', 'delete'])
      if (name in proto)
        patch(
          proto,
          name,
          (original) =>
            function (this: unknown, ...args: unknown[]) {
              work++;
              return original.apply(this, args);
            },
        );
    for (const name of [Symbol.iterator, 'values', 'keys', 'entries'] as PropertyKey[])
      patch(
        proto,
        name,
        (original) =>
          function (this: unknown) {
            return counted(original.call(this) as Iterator<unknown>);
          },
      );
  }
  patch(
    String.prototype,
    'localeCompare',
    (original) =>
      function (this: string, ...args: unknown[]) {
        work++;
        return original.apply(this, args);
      },
  );
  try {
    work = 0; // the patching above went through some of the wrappers
    const result = run();
    return { result, work };
  } finally {
    for (let i = restore.length - 1; i >= 0; i--) restore[i]();
  }
}
