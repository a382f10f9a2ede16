import { describe, expect, it } from 'vitest';
import { pageOf, pageText } from '../../src/viz/components/paging.ts';
import {
  INTRODUCTION_KINDS,
  TERMS,
  assortativitySentence,
  coreFit,
  edgeNote,
  groupName,
  introductionKind,
  matrixSentences,
  mixingSentence,
  reasonsText,
  shareAcross,
  statusCounts,
} from '../../src/viz/components/insight-words.ts';

describe('paging a long list', () => {
  it('slices pages of a given size and says where the reader is', () => {
    const first = pageOf(86, 0, 10);
    expect(first).toEqual({ page: 0, pages: 9, start: 0, end: 10, total: 86 });
    expect(pageText(first)).toBe('1–10 of 86');
    expect(pageText(pageOf(86, 1, 10))).toBe('11–20 of 86');
    const last = pageOf(86, 8, 10);
    expect(last).toMatchObject({ start: 80, end: 86 });
    expect(pageText(last)).toBe('81–86 of 86');
    expect(pageText(pageOf(81, 8, 10))).toBe('81 of 81');
    expect(pageText(pageOf(1234, 0, 10))).toBe('1–10 of 1,234');
  });

  it('clamps a page past the end (an item marked off the last page) or before the start', () => {
    expect(pageOf(20, 5, 10)).toMatchObject({ page: 1, start: 10, end: 20 });
    expect(pageOf(20, -3, 10)).toMatchObject({ page: 0, start: 0 });
    expect(pageOf(20, Number.NaN, 10)).toMatchObject({ page: 0 });
  });

  it('gives a single page for short or empty lists, counted plainly', () => {
    expect(pageOf(8, 0, 10)).toEqual({ page: 0, pages: 1, start: 0, end: 8, total: 8 });
    expect(pageText(pageOf(8, 3, 10))).toBe('8');
    expect(pageOf(0, 0, 10)).toEqual({ page: 0, pages: 1, start: 0, end: 0, total: 0 });
    expect(pageText(pageOf(0, 0, 10))).toBe('0');
    // A page size below one still shows one item a page.
    expect(pageOf(3, 1, 0)).toMatchObject({ pages: 3, start: 1, end: 2 });
  });
});

describe('plain words for network measures', () => {
  it('names the core/periphery fit in a word, never a decimal', () => {
    expect(coreFit(0.23).headline).toBe('Weak');
    expect(coreFit(0.3)).toMatchObject({ word: 'partial', headline: 'Partial' });
    expect(coreFit(0.5).word).toBe('clear');
    expect(coreFit(null).word).toBe('unknown');
    expect(coreFit(Number.NaN).word).toBe('unknown');
    for (const fit of [0.1, 0.3, 0.7, null]) expect(coreFit(fit).sentence).not.toMatch(/\d\.\d/);
  });

  it('reads the E-I index as a sentence with the share of ties inside or across', () => {
    expect(shareAcross(-1)).toBe(0);
    expect(shareAcross(1)).toBe(1);
    expect(mixingSentence(-0.44, 'sector')).toBe('Most ties stay inside groups: 72% of ties link people with the same sector.');
    expect(mixingSentence(-0.8, 'sector')).toMatch(/^Almost all ties stay inside groups: 90% /);
    expect(mixingSentence(0, 'region')).toBe('Ties are split about evenly between inside and across groups: 50% of ties link people with a different region.');
    expect(mixingSentence(0.3, 'sector')).toMatch(/^Most ties cross groups: 65% /);
    expect(mixingSentence(0.9, 'sector')).toMatch(/^Almost all ties cross groups/);
    expect(mixingSentence(null, 'sector')).toMatch(/no ties/);
  });

  it('reads assortativity as whether like ties to like', () => {
    expect(assortativitySentence(0.45, 'sector')).toMatch(/much more often than chance/);
    expect(assortativitySentence(0.15, 'sector')).toMatch(/somewhat more often/);
    expect(assortativitySentence(0.02, 'sector')).toMatch(/about as often as chance/);
    expect(assortativitySentence(-0.3, 'sector')).toBe('People tie to others with a different sector more often than chance would give.');
    expect(assortativitySentence(null, 'sector')).toMatch(/Not enough ties/);
  });

  it('keeps each technical name in its explanation, not in the name a weaver reads', () => {
    const technical: Record<string, RegExp> = {
      corePeripheryFit: /core\/periphery fit/,
      bridging: /betweenness/,
      separateCircles: /constraint/,
      cutPoint: /articulation point/,
      keyPlayers: /key player/,
      mixing: /E-I index/,
      assortativity: /assortativity/,
    };
    for (const [key, pattern] of Object.entries(technical)) {
      const term = TERMS[key as keyof typeof TERMS];
      expect(term.explanation, key).toMatch(pattern);
      expect(term.name, key).not.toMatch(pattern);
    }
  });

  it('says each kind of introduction as a plain phrase', () => {
    expect(introductionKind('close-triangle').name).toBe('Introduce two people who share a contact, in different groups');
    expect(introductionKind('engage-periphery').name).toBe('Bring someone at the edge in');
    for (const term of Object.values(INTRODUCTION_KINDS)) expect(term.name).not.toMatch(/triangle|periphery|communit/i);
    expect(introductionKind('something-new').name).toBe('something-new');
  });

  it('numbers groups from 1 and writes reasons as sentences', () => {
    expect(groupName(1)).toBe('Group 1');
    expect(reasonsText(['one tie, to Ana', 'named by no one'])).toBe('One tie, to Ana; named by no one.');
    expect(reasonsText(['A and B are not yet tied.'])).toBe('A and B are not yet tied.');
    expect(reasonsText([])).toBe('');
  });

  it('counts introductions by status', () => {
    expect(statusCounts(['a', 'b', 'c', 'd'], { a: 'done', c: 'dismissed', x: 'done' })).toEqual({ all: 4, open: 2, done: 1, dismissed: 1 });
  });

  it('says which groups are tied most across, and which not at all', () => {
    const matrix = {
      groups: ['Nonprofit', 'Government', 'Funder'],
      ties: [
        [10, 4, 0],
        [4, 6, 1],
        [0, 1, 2],
      ],
    };
    expect(matrixSentences(matrix, false)).toEqual(['Most ties across groups: Nonprofit and Government (4).', 'No ties at all between Nonprofit and Funder.']);
    // Directed: each direction has its own cell, and a pair's ties are both.
    expect(matrixSentences({ groups: ['A', 'B'], ties: [[0, 2], [3, 0]] }, true)).toEqual(['Most ties across groups: A and B (5).', 'Every pair of groups has at least one tie.']);
  });

  it('writes a group often at the edge as a sentence with percentages', () => {
    expect(edgeNote({ value: 'Funder', size: 10, shareOfNetwork: 0.1, shareOfPeriphery: 0.25, peripheralMembers: 5 })).toBe(
      'Funder: 10% of everyone, but 25% of the people at the edge (5 of its 10 members).',
    );
  });
});
