/**
 * How many members a packets export would reach, counted without making it: what the app's
 * Member packets dialog says before anything is made (apart from the packets' writing, which
 * brings a zip library the page need not load for a count).
 */
import type { Person } from '../../core/model/records.ts';
import type { SharingSettings } from '../../core/model/project.ts';
import { projectConsent } from '../../features/sharing/consent.ts';

/** How many members would get a packet: those who agreed to be named. */
export function packetCount(people: readonly Person[], sharing: Pick<SharingSettings, 'consentColumn' | 'consent'>): { named: number; unnamed: number; out: number } {
  const counts = { named: 0, unnamed: 0, out: 0 };
  for (const consent of projectConsent(people, sharing).byPerson.values()) counts[consent]++;
  return counts;
}
