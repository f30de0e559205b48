import { describe, expect, test } from '@jest/globals';
import vm from 'node:vm';
import { toScriptRunPayload } from '../../local/gas/scriptRun';

describe('toScriptRunPayload', () => {
  test('plain objects, arrays and primitives cross as a deep copy', () => {
    const value = { a: 1, b: 'x', c: [true, null, { d: 2 }], e: undefined, f: NaN };
    const copy = toScriptRunPayload(value) as Record<string, unknown>;
    expect(copy).toEqual({ a: 1, b: 'x', c: [true, null, { d: 2 }], f: null });
    expect(copy.c).not.toBe(value.c);
    expect(toScriptRunPayload(undefined)).toBeNull();
  });

  test('a Date anywhere fails the call with the path, like Apps Script refusing it', () => {
    expect(() => toScriptRunPayload({ dashboard: { asOf: new Date() } })).toThrow(
      'google.script.run cannot carry a Date (at $.dashboard.asOf): send an ISO string instead.',
    );
    const otherRealmDate = vm.runInNewContext('new Date()') as Date;
    expect(() => toScriptRunPayload([otherRealmDate])).toThrow('cannot carry a Date (at $[0])');
  });

  test('functions, class instances, Maps and cycles are refused', () => {
    expect(() => toScriptRunPayload({ f: () => 1 })).toThrow('cannot carry a function (at $.f)');
    class Point {
      x = 1;
    }
    expect(() => toScriptRunPayload({ p: new Point() })).toThrow('cannot carry a Point');
    expect(() => toScriptRunPayload(new Map())).toThrow('cannot carry a Map');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => toScriptRunPayload(cyclic)).toThrow('circular');
    const shared = { x: 1 };
    expect(toScriptRunPayload({ a: shared, b: shared })).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  test('plain objects from another realm (a vm context) are accepted', () => {
    const foreign = vm.runInNewContext('({ a: [1, { b: 2 }] })') as unknown;
    expect(toScriptRunPayload(foreign)).toEqual({ a: [1, { b: 2 }] });
  });
});
