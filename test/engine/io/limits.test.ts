/**
 * The stated limits stop with a message naming the file and the limit: a file past
 * MAX_FILE_BYTES is refused before a byte of it is read (in the app and on the command line), and
 * XML nested past MAX_XML_DEPTH says so instead of blaming entities.
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_BROWSER_FILE_BYTES, MAX_FILE_BYTES, MAX_XML_DEPTH } from '../../../src/engine/io/limits.ts';
import { readSourceFile } from '../../../src/engine/io/workbook-detect.ts';
import { importFiles } from '../../../src/engine/io/import-files.ts';
import { parseGraphml } from '../../../src/engine/io/graphml.ts';
import { netweave } from '../../helpers/cli.ts';

describe('stated limits', () => {
  it('refuses a dropped file past the size limit without reading it, and the import says why', async () => {
    const huge = {
      name: 'everything.csv',
      size: MAX_BROWSER_FILE_BYTES + 1,
      slice: () => ({ arrayBuffer: () => Promise.resolve(new ArrayBuffer(0)) }),
      arrayBuffer: () => Promise.reject(new Error('read a file past the limit')),
      text: () => Promise.reject(new Error('read a file past the limit')),
    };
    const file = await readSourceFile(huge);
    const read = importFiles([file]);
    expect(read.ok).toBe(false);
    expect(read.issues).toEqual([expect.objectContaining({ level: 'error', code: 'file-too-large', file: 'everything.csv', message: expect.stringContaining('netweave reads files up to 200 MB in the browser') })]);
  });

  it('refuses a file past the size limit on the command line, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nw-limits-'));
    const path = join(dir, 'huge.csv');
    writeFileSync(path, 'source,target\n');
    truncateSync(path, MAX_FILE_BYTES + 1); // sparse: no disk used
    const r = await netweave('analyze', path);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('huge.csv: the file is 512 MB; netweave reads files up to 512 MB');
  });

  it('names XML nested past the depth limit', () => {
    const deep = `<graphml>${'<g>'.repeat(MAX_XML_DEPTH + 5)}${'</g>'.repeat(MAX_XML_DEPTH + 5)}</graphml>`;
    const read = parseGraphml(deep, { file: 'deep.graphml' });
    expect(read.ok).toBe(false);
    expect(read.issues[0]?.message).toContain(`nested more than ${MAX_XML_DEPTH} deep`);
  });
});
