/**
 * A number per object, for a component `key` that starts afresh when, say, the analysis is new.
 */
const keys = new WeakMap<object, number>();
let nextKey = 1;

export function identityKey(value: object): number {
  let key = keys.get(value);
  if (key === undefined) {
    key = nextKey++;
    keys.set(value, key);
  }
  return key;
}
