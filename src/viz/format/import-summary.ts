/**
 * What an import found, said first and plainly: people, ties, and for a survey how many
 * answered, the response rate, who is known only from others' answers, and how many written
 * names were matched. Notes (merged duplicates, skipped rows) follow, folded away.
 */
import { count, share } from './readable.ts';

export interface ImportSummary {
  people: number;
  ties: number;
  relations: number;
  /** Survey imports only. */
  responses?: { respondents: number; nonRespondents: number; responseRate: number; written: number; resolved: number };
}

/** One headline and the figures under it. */
export function importSummaryLines(summary: ImportSummary): { headline: string; figures: string[] } {
  const figures = [`${count(summary.people)} people`, `${count(summary.ties)} ties`, `${count(summary.relations)} ${summary.relations === 1 ? 'relation' : 'relations'}`];
  const r = summary.responses;
  if (r) {
    figures.push(
      `${count(r.respondents)} answered the survey (response rate ${share(r.responseRate)})`,
      `${count(r.nonRespondents)} ${r.nonRespondents === 1 ? 'person is' : 'people are'} known only from others' answers`,
      `${count(r.resolved)} of ${count(r.written)} names written matched to people`,
    );
  }
  return { headline: r ? 'Survey imported' : 'Network imported', figures };
}
