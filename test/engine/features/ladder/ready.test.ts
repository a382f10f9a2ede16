/**
 * Who is ready for a next step, on a small made-up network: most contacts a rung above, and the
 * person nearby who could mentor them (a contact two rungs up, else a contact's contact).
 */
import { describe, expect, it } from 'vitest';
import { readyForNextStep } from '../../../../src/engine/features/ladder/ready.ts';

const rungNames = ['Aware', 'Attending', 'Connected', 'Leading'];
function run(levels: Record<string, number>, ties: Array<[string, string]>) {
  const people = Object.keys(levels).map((id) => ({ id, label: id.toUpperCase() }));
  const contacts = new Map<string, Set<string>>();
  for (const [a, b] of ties) {
    contacts.set(a, (contacts.get(a) ?? new Set()).add(b));
    contacts.set(b, (contacts.get(b) ?? new Set()).add(a));
  }
  return readyForNextStep({ people, levels: people.map((p) => levels[p.id]!), contacts, rungNames });
}

describe('ready for a next step', () => {
  it('finds a mentor among the contacts’ contacts when no contact is two rungs up', () => {
    const ready = run({ a: 0, b: 1, c: 1, d: 3 }, [['a', 'b'], ['a', 'c'], ['c', 'd']]);
    const a = ready.find((r) => r.id === 'a')!;
    expect(a).toMatchObject({ rung: 'Aware', nextRung: 'Attending', contacts: 2, contactsAbove: 2 });
    expect(a.mentor).toMatchObject({ id: 'd', rung: 'Leading', via: 'contact of a contact', through: { id: 'c' } });
    expect(a.reason).toBe('2 of their 2 contacts are already on Attending or higher; D (Leading) knows their contact C and could help them take that step');
  });

  it('prefers a contact two rungs up, and leaves out people with one contact, half above, or on the top rung', () => {
    const ready = run({ a: 0, b: 2, c: 1, e: 0, f: 0, g: 3, h: 0 }, [['a', 'b'], ['a', 'c'], ['e', 'g'], ['f', 'b'], ['f', 'h']]);
    expect(ready.find((r) => r.id === 'a')!.mentor).toMatchObject({ id: 'b', via: 'contact' });
    expect(ready.map((r) => r.id)).toEqual(['a']);
  });
});
