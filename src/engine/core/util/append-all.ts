/**
 * Appends lists to a list with a loop. `push(...list)` passes every item as an argument, and a
 * list longer than the engine takes (about 120,000 items: the warnings of a file of repeated
 * ties) throws "Maximum call stack size exceeded".
 */
export function appendAll<T>(target: T[], ...lists: ReadonlyArray<readonly T[]>): T[] {
  for (const list of lists) for (let i = 0; i < list.length; i++) target.push(list[i]!);
  return target;
}
