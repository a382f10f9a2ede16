import { describe, expect, it } from 'vitest';
import { PREVIEW_HEAD_CHARS, previewFiles } from '../../../src/engine/project/preview-files.ts';

/** An edge list longer than the preview's head, with blank lines and CRLF line ends. */
function bigEdgeList(rows: number, quoted: boolean): string {
  const lines = ['Source,Target,Weight'];
  for (let i = 0; i < rows; i++) {
    if (i % 1000 === 0) lines.push('');
    lines.push(quoted && i === rows - 1 ? `"Lee, Ann",person-${i},2` : `person-${i},person-${i + 1},${1 + (i % 3)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('previewFiles on a big table', () => {
  it('detects and previews from the head and counts every row of the whole file', () => {
    const text = bigEdgeList(120_000, false);
    expect(text.length).toBeGreaterThan(2 * PREVIEW_HEAD_CHARS);
    const [preview] = previewFiles([{ name: 'ties.csv', text }]);
    expect(preview!.detected.kind).toBe('edges');
    expect(preview!.csv?.headers).toEqual(['Source', 'Target', 'Weight']);
    expect(preview!.csv?.rows[0]).toEqual(['person-0', 'person-1', '1']);
    expect(preview!.csv?.rowCount).toBe(120_000);
    expect(preview!.csv?.rowCountApproximate).toBe(false);
  });

  it('says the count is approximate when a quoted cell could span lines', () => {
    const [preview] = previewFiles([{ name: 'ties.csv', text: bigEdgeList(120_000, true) }]);
    expect(preview!.csv?.rowCount).toBe(120_000);
    expect(preview!.csv?.rowCountApproximate).toBe(true);
  });

  it('previews a small table in full, as before', () => {
    const [preview] = previewFiles([{ name: 'ties.csv', text: 'from,to\n"Lee, Ann",Bo\n\nBo,Cy\n' }]);
    expect(preview!.csv?.rowCount).toBe(2);
    expect(preview!.csv?.rowCountApproximate).toBeUndefined();
  });
});
