/**
 * A file the XML validator accepts but the parser refuses still gets a line in its message: the
 * parser says what it met, xmlFailureLine finds where (found by the fuzz suite: a GraphML whose
 * declaration lost "xml version=" named no line).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { xmlFailureLine } from '../../../src/engine/io/xml-failure-line.ts';
import { parseGraphml } from '../../../src/engine/io/graphml.ts';

describe('xmlFailureLine', () => {
  it('finds what the parser names: an instruction, comment, CDATA or closing tag left open, a tag too deep, a named tag', () => {
    expect(xmlFailureLine('<a>\n<b/>\n<?pi "x?>\n</a>', 'Pi Tag is not closed.', 100)).toBe(3);
    expect(xmlFailureLine('<a>\n<!-- ok -->\n\n<!-- open', 'Comment is not closed.', 100)).toBe(4);
    expect(xmlFailureLine('<a>\n<![CDATA[x', 'CDATA is not closed.', 100)).toBe(2);
    expect(xmlFailureLine('<a>\n<b/>\n</a', 'Closing Tag is not closed.', 100)).toBe(3);
    expect(xmlFailureLine(`<r>\n${'<g>\n'.repeat(5)}`, 'Maximum nested tags exceeded', 3)).toBe(4);
    expect(xmlFailureLine('<a>\n<b>\n</c>', 'Unexpected end of c', 100)).toBe(3);
    expect(xmlFailureLine('<a/>', 'readTagExp returned undefined at position 2. Context: ""', 100)).toBe(1);
    expect(xmlFailureLine('<a/>', 'something else', 100)).toBeUndefined();
  });

  it('gives the line of a damaged declaration in a real GraphML', () => {
    const text = readFileSync(new URL('../../fixtures/formats/graphml/socnetv-tinydir-n3-rel2.graphml', import.meta.url), 'utf8');
    const damaged = `<?${text.slice(text.indexOf('1.0'))}`;
    const read = parseGraphml(damaged, { file: 'damaged.graphml' });
    expect(read.ok).toBe(false);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'not-xml', file: 'damaged.graphml', row: 1 })]);
  });
});
