/**
 * A lookup by a key the user gave (a rule or policy id, a name, a setting): the object's own
 * property only, so that `constructor` or `toString` never finds what Object.prototype holds.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return record != null && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
