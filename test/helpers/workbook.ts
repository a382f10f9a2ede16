/**
 * Minimal XLSX workbooks (inline strings), as a spreadsheet program writes them, for tests that
 * give the command line or the importers a workbook. Cell text is escaped for XML.
 */
import { strToU8, zipSync } from 'fflate';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function sheetXml(rows: string[][]): string {
  const cell = (value: string, r: number, c: number) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${escape(value)}</t></is></c>`;
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, r, c)).join('')}</row>`).join('')}</sheetData></worksheet>`;
}

/** A workbook of named sheets, in order. */
export function workbookOf(sheets: Record<string, string[][]>): Uint8Array {
  const names = Object.keys(sheets);
  const overrides = names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((name, i) => `<sheet name="${escape(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
  };
  names.forEach((name, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheets[name]!))));
  return zipSync(files);
}

/** A workbook of one sheet. */
export function workbook(rows: string[][]): Uint8Array {
  return workbookOf({ Sheet1: rows });
}

/**
 * A Kumu workbook of a small coalition as Kumu's stakeholder templates lay it out: three
 * interviewees, a member organisation and a funder (Elements), and who is tied to whom (Connections).
 */
export function kumuStakeholderWorkbook(): Uint8Array {
  return workbookOf({
    Elements: [
      ['Label', 'Type', 'Description', 'Tags', 'Sector'],
      ['Ana Lima', 'Interviewee', 'Youth organiser', 'youth|housing', 'Nonprofit'],
      ['Ben Okafor', 'Interviewee', '', '', 'Government'],
      ['Chen Wu', 'Interviewee', '', 'housing', 'Nonprofit'],
      ['Green Alliance', 'Organization', 'A coalition of 30 groups', '', 'Nonprofit'],
      ['City Fund', 'Funder', '', '', 'Philanthropy'],
    ],
    Connections: [
      ['From', 'To', 'Type', 'Direction', 'Strength'],
      ['Ana Lima|Ben Okafor', 'Green Alliance', 'member of', 'directed', '2'],
      ['Ana Lima', 'Chen Wu', '', 'mutual', ''],
      ['Chen Wu', 'Ben Okafor', 'advises', 'directed', '1'],
      ['City Fund', 'Green Alliance', 'funds', 'directed', '3'],
    ],
  });
}
