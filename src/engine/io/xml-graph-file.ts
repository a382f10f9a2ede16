/**
 * The shared start of the GEXF and GraphML readers: read the XML, check its root element is the
 * expected format (naming the other one when the user picked the wrong kind), then let the
 * format's own reader fill the part. Never throws: problems come back as the result's issues.
 */
import { IssueLog } from '../core/util/issues.ts';
import { readSoFar, resultOf, type Result } from '../core/util/result.ts';
import { readXml, type XmlDocument } from './xml-read.ts';
import { emptyPart, type ImportPart } from './types.ts';

const FORMAT_NAMES: Record<string, string> = { gexf: 'GEXF', graphml: 'GraphML' };

export function parseXmlGraphFile(
  text: string,
  file: string,
  expectedRoot: 'gexf' | 'graphml',
  repeatable: ReadonlySet<string>,
  readGraph: (document: XmlDocument, part: ImportPart, log: IssueLog) => void,
): Result<ImportPart> {
  const part = emptyPart(file);
  const read = readXml(text, { file, repeatable });
  const document = readSoFar(read);
  if (document === undefined) return resultOf(part, read.issues);
  const log = new IssueLog(file);
  if (document.rootName !== expectedRoot) {
    const other = FORMAT_NAMES[document.rootName];
    log.error(
      'wrong-format',
      `this XML file is not ${FORMAT_NAMES[expectedRoot]}: its top element is <${document.rootName}>, not <${expectedRoot}>${other ? ` (it looks like ${other})` : ''}`,
      { row: document.lineOf(document.root) ?? 1 },
    );
    return resultOf(part, [...read.issues, ...log.issues]);
  }
  // The format's reader logs every issue it finds on `log`.
  readGraph(document, part, log);
  return resultOf(part, [...read.issues, ...log.issues]);
}
