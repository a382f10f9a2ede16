/**
 * Safe, unique file names for the packets in the zip: a label becomes lower-case letters and
 * digits joined by hyphens ("Ann Lee" -> ann-lee.html), accents dropped, letters of every script
 * kept; nothing from a label can make a path (no slash, dot, colon or control character), a
 * name is never empty, never a name Windows reserves, and never index.html. Names that clash,
 * also by case, are numbered: ann-lee.html, ann-lee-2.html.
 */

const MAX_STEM = 60;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;
/** Stems the zip uses itself. */
const RESERVED = new Set(['index']);

/** A label as a file stem: "Zoë O'Neil" -> "zoe-o-neil"; "member" when nothing is left. */
export function fileStem(label: string): string {
  const stem = label
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/-+$/, '');
  if (stem === '') return 'member';
  return WINDOWS_RESERVED.test(stem) || RESERVED.has(stem) ? `${stem}-member` : stem;
}

/** Hands out unique `.html` names; each call takes the next free one for its label. */
export function fileNamer(): (label: string) => string {
  const taken = new Set<string>(['index']);
  return (label) => {
    const stem = fileStem(label);
    let name = stem;
    for (let k = 2; taken.has(name); k++) name = `${stem}-${k}`;
    taken.add(name);
    return `${name}.html`;
  };
}
