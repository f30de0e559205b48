// What a google.script.run call carries between the sidebar and a server function. Apps Script allows
// primitives, plain objects and arrays of them; a Date, function or other object anywhere in the value
// makes the call fail. toScriptRunPayload returns the copy the other side receives, or throws a clear
// error naming the path of the offending value (send dates as ISO strings).

export class ScriptRunPayloadError extends Error {
  override name = 'ScriptRunPayloadError';
}

function kind(value: object): string {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (tag !== 'Object') return tag;
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  return proto === null || proto.constructor?.name === 'Object'
    ? 'Object'
    : (proto.constructor?.name ?? 'Object');
}

function copy(value: unknown, path: string, seen: Set<object>): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // Non-finite numbers do not survive the JSON-like transport.
      return Number.isFinite(value) ? value : null;
    case 'function':
      throw new ScriptRunPayloadError(`google.script.run cannot carry a function (at ${path}).`);
    case 'bigint':
    case 'symbol':
      throw new ScriptRunPayloadError(`google.script.run cannot carry a ${typeof value} (at ${path}).`);
  }
  const object = value as object;
  const type = kind(object);
  if (type === 'Date') {
    throw new ScriptRunPayloadError(
      `google.script.run cannot carry a Date (at ${path}): send an ISO string instead.`,
    );
  }
  if (seen.has(object))
    throw new ScriptRunPayloadError(`google.script.run cannot carry a circular structure (at ${path}).`);
  seen.add(object);
  try {
    if (Array.isArray(object)) return object.map((item, i) => copy(item, `${path}[${i}]`, seen));
    if (type !== 'Object') {
      throw new ScriptRunPayloadError(
        `google.script.run cannot carry a ${type} (at ${path}): use plain objects and arrays.`,
      );
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(object)) {
      // Properties holding undefined are dropped, as in JSON.
      if (item !== undefined) out[key] = copy(item, `${path}.${key}`, seen);
    }
    return out;
  } finally {
    seen.delete(object);
  }
}

/** The value as the other side of google.script.run receives it (a deep copy); throws for what cannot cross. */
export function toScriptRunPayload<T>(value: T): unknown {
  return copy(value, '$', new Set());
}
