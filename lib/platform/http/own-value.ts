/**
 * A record's own entry for an untrusted key, or undefined: `record["__proto__"]` or
 * `record["constructor"]` would otherwise answer with what every object inherits.
 */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
