/**
 * Weaving suggestions: each kind on a graph built for it, stable ids, determinism, caps.
 */
import { describe, expect, it } from 'vitest';
import { toCsr } from '../../../../src/engine/core/graph/csr.ts';
import { contactsOf } from '../../../../src/engine/algorithms/brokerage/contacts.ts';
import { groupLinks } from '../../../../src/engine/algorithms/brokerage/community-links.ts';
import { interestAttributes, interestItems } from '../../../../src/engine/features/weaving/interests.ts';
import { suggestionId, weavingSuggestions, type WeavingInputs } from '../../../../src/engine/features/weaving/suggestions.ts';
import { graphOf } from '../../algorithms/periphery/fixtures.ts';
import type { Attributes } from '../../../../src/engine/core/model/records.ts';

/** Two cliques of four (a*, b*) with no tie between them, a pendant p on a1, and a loner z. */
function setup(skills: Record<string, string[]>) {
  const ids = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4', 'p', 'z'];
  const edges: Array<[string, string, number]> = [];
  for (const team of ['a', 'b']) {
    for (let i = 1; i <= 4; i++) for (let j = i + 1; j <= 4; j++) edges.push([`${team}${i}`, `${team}${j}`, 1]);
  }
  edges.push(['p', 'a1', 1]);
  const csr = toCsr(graphOf(ids, edges, false));
  const contacts = contactsOf(csr);
  const attrs = new Map(ids.map((id) => [id, { skills: skills[id] ?? [] }]));
  const community = Int32Array.from(csr.ids, (id) => (id.startsWith('a') || id === 'p' ? 0 : id.startsWith('b') ? 1 : 2));
  const degree = Float64Array.from(csr.ids, (_, v) => contacts.offsets[v + 1]! - contacts.offsets[v]!);
  const inputs: WeavingInputs = {
    ids: csr.ids,
    labels: csr.ids.map((id) => id.toUpperCase()),
    contacts,
    peripheral: Uint8Array.from(csr.ids, (id) => (id === 'p' || id === 'z' ? 1 : 0)),
    peripheryScore: Float64Array.from(csr.ids, (id) => (id === 'z' ? 1 : id === 'p' ? 0.9 : 0.2)),
    wellConnected: Float64Array.from(degree, (d) => d / 4),
    interests: interestItems(csr.ids, ['skills'], (id) => attrs.get(id)),
    group: community,
    groupName: (g) => `group ${g + 1}`,
    community,
    communityName: (c) => `group ${c + 1}`,
  };
  return { csr, contacts, community, inputs };
}

describe('weaving suggestions', () => {
  it('links two communities with no tie through well-connected members who share an interest', () => {
    const { contacts, community, inputs } = setup({ a2: ['mapping'], b3: ['Mapping'] });
    const links = groupLinks(contacts, community);
    expect(links.unlinked).toContainEqual([0, 1]);
    const out = weavingSuggestions(inputs, links.unlinked);
    const link = out.find((s) => s.kind === 'link-communities')!;
    expect([link.a, link.b].map((v) => inputs.ids[v]).sort()).toEqual(['a2', 'b3']);
    expect(link.shared).toEqual(['mapping']);
    expect(link.reason).toMatch(/^group 1 \(5 people\) and group 2 \(4 people\) have no ties between them/);
  });

  it('connects peripheral people to well-connected ones who share a skill, spreading the asks', () => {
    const { contacts, community, inputs } = setup({ p: ['legal', 'media'], z: ['legal'], b1: ['legal'], b2: ['media', 'legal'] });
    const out = weavingSuggestions(inputs, groupLinks(contacts, community).unlinked, { perPeripheral: 1 });
    const engage = out.filter((s) => s.kind === 'engage-periphery');
    const pairs = engage.map((s) => `${inputs.ids[s.a]}>${inputs.ids[s.b]}`).sort();
    expect(pairs).toEqual(['p>b2', 'z>b1']);
    const p = engage.find((s) => inputs.ids[s.a] === 'p')!;
    expect(p.shared).toEqual(['legal', 'media']);
    expect(p.reason).toBe('P is at the edge of the network (has 1 tie); B2 is well connected (3 ties) and also brings legal and media.');
    expect(engage.find((s) => inputs.ids[s.a] === 'z')!.reason).toMatch(/has no ties yet/);
  });

  it('closes triangles across groups only, naming who knows both', () => {
    // x and y are in different groups and share two contacts; u and w share one but are in one group.
    const ids = ['x', 'y', 'm1', 'm2', 'u', 'w', 'k'];
    const edges: Array<[string, string, number]> = [
      ['x', 'm1', 1], ['y', 'm1', 1], ['x', 'm2', 1], ['y', 'm2', 1], ['u', 'k', 1], ['w', 'k', 1],
    ];
    const csr = toCsr(graphOf(ids, edges, false));
    const contacts = contactsOf(csr);
    const groupOf: Record<string, number> = { x: 0, y: 1, m1: 0, m2: 0, u: 2, w: 2, k: 0 };
    const group = Int32Array.from(csr.ids, (id) => groupOf[id]!);
    const inputs: WeavingInputs = {
      ids: csr.ids,
      labels: csr.ids,
      contacts,
      peripheral: new Uint8Array(csr.n),
      peripheryScore: new Float64Array(csr.n),
      wellConnected: new Float64Array(csr.n).fill(0.5),
      interests: csr.ids.map(() => []),
      group,
      groupName: (g) => ['North', 'South', 'East'][g]!,
      community: new Int32Array(csr.n),
      communityName: () => 'group 1',
    };
    const out = weavingSuggestions(inputs, []);
    const triangles = out.filter((s) => s.kind === 'close-triangle');
    const pairs = triangles.map((s) => [inputs.ids[s.a], inputs.ids[s.b]].sort().join('-'));
    expect(pairs[0]).toBe('x-y');
    expect(pairs).not.toContain('u-w');
    expect(triangles[0]!.via.map((v) => inputs.ids[v])).toEqual(['m1', 'm2']);
    expect(triangles[0]!.reason).toMatch(/are in different groups and not yet tied; m1 and m2 know both\.$/);
  });

  it('gives stable, unique ids and the same list every time', () => {
    const { contacts, community, inputs } = setup({ p: ['legal'], b1: ['legal'], a2: ['mapping'], b3: ['mapping'] });
    const a = weavingSuggestions(inputs, groupLinks(contacts, community).unlinked);
    const b = weavingSuggestions(inputs, groupLinks(contacts, community).unlinked);
    expect(a).toEqual(b);
    expect(new Set(a.map((s) => s.id)).size).toBe(a.length);
    for (const s of a) expect(s.id).toBe(suggestionId(inputs.ids[s.b]!, inputs.ids[s.a]!));
    expect(suggestionId('Maria Lopez', 'jin+1')).toBe('intro:Maria%20Lopez+jin%2B1');
    const scores = a.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });
});

describe('interest attributes', () => {
  it('picks skill-like names and list-valued attributes, not plain text or flags', () => {
    const people: Array<{ attributes: Attributes }> = [
      { attributes: { skills: 'facilitation', region: 'North', responded: true, topics: ['water'] } },
      { attributes: { Goals: 'housing', languages: ['es', 'en'], age: 40, respondedIn: ['1', '2'], onRoster: true } },
    ];
    expect(interestAttributes(people)).toEqual(['Goals', 'languages', 'skills', 'topics']);
    expect(interestAttributes(people, ['region'])).toEqual(['region']);
  });
});
