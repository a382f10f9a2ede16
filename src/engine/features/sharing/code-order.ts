/**
 * The order in which people get their codes (P001…, member-1…). Numbering by id or by the order
 * of a roster would let anyone with the member list read the codes back (P001 is the first name
 * alphabetically), so the order comes from a keyed hash of each id: the same secret gives the
 * same codes (a project keeps one, so its exports agree), and without it the order says nothing.
 */

/** A new secret: 64 random bits as hex. `random` is Math.random unless a test gives its own. */
export function newCodeSecret(random: () => number = Math.random): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += Math.floor(random() * 0x10000).toString(16).padStart(4, '0');
  return hex;
}

/** A 53-bit hash of the text (cyrb53: two multiply-xorshift lanes). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The ids in the order their codes are given: by keyed hash, ties (never in practice) by id. */
export function codeOrder(ids: readonly string[], secret: string): string[] {
  const keyed = ids.map((id) => ({ id, key: hash53(`${secret}\u0000${id}`) }));
  keyed.sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map((k) => k.id);
}
