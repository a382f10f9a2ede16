/**
 * Mutations of a valid file, as data (so fast-check can shrink them and a failure says what was
 * done): truncation, byte flips, deletions, repeated slices, tokens of many formats inserted
 * (quotes, separators, markup, numbers such as NaN and 1e309, section headers), huge cells, deep
 * nesting, and the encodings other tools write (UTF-16 with and without BOM, UTF-32, Windows-1252,
 * lone surrogates, NUL bytes).
 */
import fc from 'fast-check';

/** Longest run a mutation inserts: FUZZ_HUGE, else 100,000 characters (a huge cell, a deep nesting). */
const HUGE = Number(process.env.FUZZ_HUGE ?? 100_000);

export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; xor: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number; times: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'huge'; at: number; unit: string; times: number }
  | { op: 'encode'; encoding: 'utf-16le-bom' | 'utf-16le' | 'utf-16be-bom' | 'utf-16be' | 'utf-32le-bom' | 'windows-1252' }
  | { op: 'lone-surrogate'; at: number; unit: number };

/** Pieces of many formats, so mutations reach past the first check of each reader. */
const TOKENS = [
  '"', "'", ',', ';', '\t', '\n', '\r', '\r\n', ' ', '|', '\\', '#', '%', '=', '->', '--', ':',
  '<', '>', '/>', '</', '&', '&amp;', '&#0;', '&#xD800;', '&#x1F600;', '&bogus;', ']]>', '<![CDATA[', '<!DOCTYPE x [<!ENTITY e "ee">]>', '&e;', '<?xml version="1.0"?>',
  '{', '}', '[', ']', '"id":', '"key":', '"source":', '"nodes":', '"edges":', 'null', 'true', '\\u0000', '\\ud800', '\\"',
  '__proto__', 'constructor', 'prototype', 'NaN', 'Infinity', '-Infinity', '1e309', '-1', '0', '0.0', '5e-324', '1e308', '1,5', '9007199254740993', '-0',
  '*Vertices 3', '*Vertices 1000000000', '*Edges', '*Arcs', '*Arcslist', '*Matrix', '*Network x', '*Partition p', '*Vector v',
  'dl n=3', 'dl n=1000000000', 'format = edgelist1', 'format=fullmatrix', 'data:', 'labels:', 'labels embedded', 'nm=2',
  '*node data', '*tie data', 'graph [', 'node [', 'edge [', 'id 1', 'source 1', 'target 2', 'label "x"', 'digraph {', 'subgraph {', 'strict',
  'source', 'target', 'weight', 'relation', 'id', 'label', 'name', 'from', 'to', 'polarity', '+', '−', 'Timestamp', 'email',
  '<node id="n"/>', '<edge source="a" target="b"/>', '<key id="k" for="node" attr.name="w" attr.type="double"/>', '<data key="k">NaN</data>', '<attvalue for="0" value="x"/>',
  '\u0000', '\uFEFF', '\u2028', '\u00A0', '\uFFFD', '\uFFFE', 'é', 'Zoë', '中文', '😀', '\u202E',
];

/** What a huge insertion repeats: a cell's text, separators, lines, nesting. */
const UNITS = ['x', 'é', '"', '""', ',', ';', '\t', '\n', '\r', ' ', '0', '9', '[', '{', '(', '<a>', '"a":{', '[[', 'node [ ', 'subgraph { ', '<graph>', 'a b\n', 'a,b\n', '*Edges\n', '&amp;', '\\'];

const position = fc.integer({ min: 0, max: 1_000_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({ op: fc.constant('flip' as const), at: position, xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('repeat' as const), at: position, length: fc.integer({ min: 1, max: 64 }), times: fc.integer({ min: 2, max: 50 }) }),
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at: position, text: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, fc.string({ maxLength: 8, unit: 'binary' })) }) },
  fc.record({ op: fc.constant('huge' as const), at: position, unit: fc.constantFrom(...UNITS), times: fc.integer({ min: 1000, max: Math.max(1000, HUGE) }) }),
  fc.record({ op: fc.constant('encode' as const), encoding: fc.constantFrom('utf-16le-bom', 'utf-16le', 'utf-16be-bom', 'utf-16be', 'utf-32le-bom', 'windows-1252') }),
  fc.record({ op: fc.constant('lone-surrogate' as const), at: position, unit: fc.constantFrom(0xd800, 0xdbff, 0xdc00, 0xdfff) }),
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

const utf8 = new TextEncoder();
const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);
const CP1252_HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (littleEndian ? 0 : 1)] = u & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = u >> 8;
  }
  return out;
}

function encode(text: string, encoding: Extract<Mutation, { op: 'encode' }>['encoding']): Uint8Array {
  switch (encoding) {
    case 'utf-16le-bom': return utf16(text, true, true);
    case 'utf-16le': return utf16(text, true, false);
    case 'utf-16be-bom': return utf16(text, false, true);
    case 'utf-16be': return utf16(text, false, false);
    case 'utf-32le-bom': {
      const points = [0xfeff, ...Array.from(text, (c) => c.codePointAt(0)!)];
      const out = new Uint8Array(points.length * 4);
      const view = new DataView(out.buffer);
      points.forEach((p, i) => view.setUint32(i * 4, p, true));
      return out;
    }
    case 'windows-1252':
      return Uint8Array.from(text, (c) => {
        const code = c.charCodeAt(0);
        const high = CP1252_HIGH.indexOf(c);
        return code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : high >= 0 ? 0x80 + high : 0x3f;
      });
  }
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** Applies one mutation; positions are taken modulo the length, so any position fits any file. */
export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = 'at' in m ? (bytes.length === 0 ? 0 : m.at % (bytes.length + 1)) : 0;
  switch (m.op) {
    case 'truncate': return bytes.slice(0, at);
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      out[at % bytes.length] = (out[at % bytes.length]! ^ m.xor) & 0xff;
      return out;
    }
    case 'delete': return concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
    case 'repeat': {
      const slice = bytes.subarray(at, at + m.length);
      return concat(bytes.subarray(0, at), ...Array.from({ length: m.times }, () => slice), bytes.subarray(at));
    }
    case 'insert': return concat(bytes.subarray(0, at), utf8.encode(m.text), bytes.subarray(at));
    case 'huge': return concat(bytes.subarray(0, at), utf8.encode(m.unit.repeat(m.times)), bytes.subarray(at));
    case 'encode': return encode(decode(bytes), m.encoding);
    case 'lone-surrogate': {
      // UTF-8 cannot hold a lone surrogate, so the text is written as UTF-16 (as a Windows tool would).
      const text = decode(bytes);
      const i = text.length === 0 ? 0 : at % (text.length + 1);
      return utf16(text.slice(0, i) + String.fromCharCode(m.unit) + text.slice(i), true, true);
    }
  }
}

export function mutateAll(bytes: Uint8Array, list: readonly Mutation[]): Uint8Array {
  return list.reduce(mutate, bytes);
}

/** A mutation list in words, for failure reports. */
export function describe(list: readonly Mutation[]): string {
  return list.map((m) => JSON.stringify(m)).join(', ');
}
