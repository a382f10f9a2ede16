/**
 * Shared XML reading for GEXF and GraphML (fast-xml-parser): validation with the line of the
 * first problem, a conservative entity policy, arrays for repeatable elements whether a file has
 * one of them or many, and the line each element starts on so issues can point at it.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IssueLog } from '../core/util/issues.ts';
import { fail, resultOf, type Result } from '../core/util/result.ts';
import { MAX_XML_DEPTH } from './limits.ts';
import { xmlFailureLine } from './xml-failure-line.ts';

/** A parsed element: `@_name` keys for attributes, `#text` for text, child tags as keys. */
export type XmlElement = Record<string, unknown>;

export interface XmlDocument {
  /** The root element's name without namespace prefix, e.g. `gexf`. */
  rootName: string;
  root: XmlElement;
  /** The 1-based line an element starts on, when known. */
  lineOf(element: XmlElement): number | undefined;
}

export interface ReadXmlOptions {
  /** File name used in issues. */
  file: string;
  /** Tags that may repeat; they are always arrays, even when the file has only one. */
  repeatable: ReadonlySet<string>;
}

/**
 * Entities as netweave reads them: character references (&#233;), the five predefined entities
 * and HTML's named ones are plain text, however many a file holds (our own exports write one
 * `&amp;` per "Smith & Co"); entities a DOCTYPE declares are capped hard, and external ones are
 * refused by the parser. `appliesTo: 'external'` counts only declared entities against the caps
 * (the library's own option, missing from its types).
 */
export const XML_ENTITY_POLICY = {
  enabled: true,
  maxEntityCount: 20,
  maxEntitySize: 1000,
  maxExpansionDepth: 2,
  maxTotalExpansions: 1000,
  maxExpandedLength: 100_000,
  appliesTo: 'external',
} as const;

// Typed as the `Symbol` wrapper in the library's d.ts; it is a primitive symbol at run time.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Validates and parses XML; never throws. */
export function readXml(text: string, options: ReadXmlOptions): Result<XmlDocument> {
  const log = new IssueLog(options.file);
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') {
    log.error('empty-file', 'the file is empty');
    return fail(log.issues);
  }
  const valid = XMLValidator.validate(content);
  if (valid !== true) {
    log.error(
      'not-xml',
      `the file is not valid XML (line ${valid.err.line}${valid.err.col === undefined ? '' : `, column ${valid.err.col}`}: ${valid.err.msg}); it may be damaged or not the format its name says`,
      { row: valid.err.line },
    );
    return fail(log.issues);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    // Values stay text: the importers type them from the file's own declarations.
    parseTagValue: false,
    parseAttributeValue: false,
    // Values keep their spaces (a label " Ana " or a tab inside an id is the file's); only the
    // white space between elements, which is layout, is dropped.
    trimValues: false,
    tagValueProcessor: (_tag: string, value: string, _path: unknown, _hasAttributes: boolean, isLeafNode: boolean) =>
      !isLeafNode && value.trim() === '' ? '' : value,
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && options.repeatable.has(name),
    htmlEntities: true,
    processEntities: XML_ENTITY_POLICY,
    captureMetaData: true,
    maxNestedTags: MAX_XML_DEPTH,
  });
  let parsed: unknown;
  try {
    parsed = parser.parse(content);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const line = xmlFailureLine(content, reason, MAX_XML_DEPTH);
    log.error(
      'not-xml',
      /nested tags/i.test(reason)
        ? `the file's elements are nested more than ${MAX_XML_DEPTH} deep (netweave's limit; GEXF and GraphML need about 5): it is damaged or not a network file`
        : `the file could not be read as XML (${reason}); netweave does not read external or large custom entities`,
      line === undefined ? {} : { row: line },
    );
    return fail(log.issues);
  }
  const top = (parsed ?? {}) as XmlElement;
  const rootName = Object.keys(top).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  if (rootName === undefined) {
    log.error('not-xml', 'the file has no XML elements');
    return fail(log.issues);
  }
  const rootValue = top[rootName];
  const root = asElement(Array.isArray(rootValue) ? rootValue[0] : rootValue);
  const starts = lineStarts(content);
  return resultOf<XmlDocument>(
    {
      rootName,
      root,
      lineOf(element) {
        const meta = (element as Record<symbol, unknown>)[META] as { startIndex?: number } | undefined;
        return meta?.startIndex === undefined ? undefined : lineAt(starts, meta.startIndex);
      },
    },
    log.issues,
  );
}

/** A child value as an element: text-only elements parse to strings, empty ones to ''. */
function asElement(value: unknown): XmlElement {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as XmlElement;
  if (value === undefined || value === null || value === '') return {};
  return { '#text': String(value) };
}

/** The child elements named `tag`, whether the parser gave one, many or none. */
export function children(element: XmlElement, tag: string): XmlElement[] {
  const value = element[tag];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(asElement);
}

/** An attribute's value, trimmed; undefined when absent. */
export function attribute(element: XmlElement, name: string): string | undefined {
  const value = element[`@_${name}`];
  return value === undefined || value === null ? undefined : String(value).trim();
}

/** An attribute's value exactly as the file holds it (labels, names, values); undefined when absent. */
export function rawAttribute(element: XmlElement, name: string): string | undefined {
  const value = element[`@_${name}`];
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * An element's own text exactly as the file holds it, for values (`<data>`): white space alone
 * counts only when the element says `xml:space="preserve"`, else it is layout ('').
 */
export function textValue(element: XmlElement): string {
  const value = element['#text'];
  const text = value === undefined || value === null ? '' : String(value);
  return text.trim() === '' && attribute(element, 'space') !== 'preserve' ? '' : text;
}

/** An element's own text, trimmed ('' when it has none). */
export function textOf(element: XmlElement): string {
  const value = element['#text'];
  return value === undefined || value === null ? '' : String(value).trim();
}

/** The first descendant element named `tag` (depth first), for tool-specific nesting. */
export function findDescendant(element: XmlElement, tag: string): XmlElement | undefined {
  for (const [key, value] of Object.entries(element)) {
    if (key.startsWith('@_') || key === '#text') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child === null || typeof child !== 'object') {
        if (key === tag) return asElement(child);
        continue;
      }
      if (key === tag) return child as XmlElement;
      const found = findDescendant(child as XmlElement, tag);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
