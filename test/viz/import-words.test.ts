/**
 * What the import dialog's file card says about a file: what netweave thinks it holds and why,
 * other kinds it fits, that it is not sure (and what it could be), or the user's own choice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewFiles } from '../../src/engine/project/preview-files.ts';
import { FILE_KINDS, judgeFileKinds } from '../../src/engine/project/file-kinds.ts';
import { KIND_LABELS, KIND_NOUNS, kindWords, typeMappingText } from '../../src/viz/components/import-words.ts';
import { countKumuTypes, kumuTypeRolesFor } from '../../src/engine/io/kumu-types.ts';

const verdictOf = (name: string, text: string) => judgeFileKinds(previewFiles([{ name, text }]).map((preview) => ({ preview })))[0]!;
const sample = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the words on a file card', () => {
  it('names every kind the import reads, in the menu and in a sentence', () => {
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...FILE_KINDS].sort());
    expect(Object.keys(KIND_NOUNS).sort()).toEqual([...FILE_KINDS].sort());
  });

  it('says what a file looks like and why', () => {
    const ties = verdictOf('ties.csv', 'From,To\nAna,Ben\n');
    expect(kindWords(ties, ties.kind)).toEqual({ unsure: false, text: 'Looks like a list of ties: columns "From" and "To" name the two people of each tie.' });
  });

  it('names the other kinds a file fits', () => {
    const abilities = verdictOf('abilities.csv', sample('data/samples/coalition/abilities.csv'));
    const words = kindWords(abilities, abilities.kind);
    expect(words.text).toBe('Looks like a leadership abilities self-assessment: columns "Engagement", "Convening", "Sharing", "Collaboration" and "Advocating" hold scores from 1 to 5.');
    expect(words.alsoFits).toBe('It could also be read as convening attendance or a list of people: choose another kind if so.');
  });

  it('says it is not sure, and what the file could be', () => {
    const both = verdictOf('abilities.csv', 'name,Convening,Sharing,Engagement\nAna Lima,Spring convening,4,3\n');
    const words = kindWords(both, null);
    expect(words.unsure).toBe(true);
    expect(words.text).toBe('Not sure what this file holds: it could be a leadership abilities self-assessment, convening attendance or a list of people. Choose which it is to import it.');
    const nothing = verdictOf('loops.csv', 'loop_id,length\nR1,3\n');
    expect(kindWords(nothing, null).text).toMatch(/^Not sure what this file holds: could not tell from its first line \("loop_id", "length"\)/);
  });

  it("says when the kind is the user's choice", () => {
    const both = verdictOf('abilities.csv', 'name,Convening,Sharing,Engagement\nAna Lima,Spring convening,4,3\n');
    expect(kindWords(both, 'attendance')).toEqual({ unsure: false, text: 'Read as convening attendance, as you chose ("name" names who came and "Convening" the event).' });
    expect(kindWords(both, 'json').text).toBe('Read as a netweave dataset, as you chose.');
  });

  it("says what each of a Kumu file's element types is read as, with the user's choices over the defaults", () => {
    const types = countKumuTypes(['Interviewee', 'interviewee', 'Organization', 'Factor', undefined, 'Youth council', '__proto__']);
    const people = kumuTypeRolesFor(types, 'people');
    expect(typeMappingText(types, people)).toBe('Interviewee (2) → person, Organization (1) → organisation, Factor (1) → system factor, (no type) (1) → person, Youth council (1) → person, __proto__ (1) → person');
    // Read as a system map, a type the lists do not know is a factor; a choice wins whatever its case.
    const map = kumuTypeRolesFor(types, 'system-map', { 'youth COUNCIL': 'organisation', Factor: 'leave out' });
    expect(typeMappingText(types, map)).toBe('Interviewee (2) → person, Organization (1) → organisation, Factor (1) → left out, (no type) (1) → system factor, Youth council (1) → organisation, __proto__ (1) → system factor');
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
  });
});
