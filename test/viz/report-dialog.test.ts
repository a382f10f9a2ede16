/** The report dialog's words and the files the Export → Report action saves. */
import { describe, expect, it } from 'vitest';
import { savedWords, stepWords } from '../../src/viz/components/report-dialog.tsx';
import { reportFiles } from '../../src/viz/actions/report.ts';

const made = { html: '<!DOCTYPE html>', keyCsv: null, named: 9, unnamed: 2, leftOut: 1 };

describe('report dialog', () => {
  it('says each worker step in plain words', () => {
    expect(stepWords('layout')).toBe('Laying out the map');
    expect(stepWords('report')).toBe('Writing the report');
    expect(stepWords('applying consent')).toBe('Applying consent');
    expect(stepWords('finding feedback loops')).toBe('Finding the system map’s feedback loops');
    expect(stepWords('bridging')).toBe('Analysing: bridging');
  });

  it('says what was saved and what consent did, and where the key is', () => {
    expect(savedWords(['Spring-report.html'], made)).toBe('Saved Spring-report.html. 1 left out and 2 not named, as they asked.');
    expect(savedWords(['a.html', 'a-key.csv'], { leftOut: 0, unnamed: 0, keyCsv: 'code,id,name\n' })).toBe('Saved a.html. The key linking codes to names is in a-key.csv: keep it apart from the report.');
  });

  it('saves the report as HTML, with the key beside it only when there is one', () => {
    expect(reportFiles('Spring: coalition', made).map((f) => [f.name, f.type])).toEqual([['Spring-coalition-report.html', 'text/html']]);
    expect(reportFiles('x', { ...made, keyCsv: 'code,id,name\n' }).map((f) => f.name)).toEqual(['x-report.html', 'x-key.csv']);
  });
});
