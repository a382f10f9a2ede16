/**
 * A system map's three spreadsheets to hand out, with the columns `parseLinksCsv`,
 * `parseFactorsCsv` and `parseActorsCsv` read and a small example to replace: the causal links
 * (from, to, + or −, an optional delay and note), the factors (label, type, description, tags
 * separated by |) and who works on which factor. The example holds one reinforcing loop (trust,
 * joint projects, shared wins) and one factor working against it.
 */

/** Causal links: one row per link, + when more of `from` means more of `to`, − when less. */
export function systemMapLinksTemplateCsv(): string {
  return [
    'from,to,polarity,delay,note',
    'Trust between partners,Joint projects,+,,',
    'Joint projects,Shared wins,+,yes,results take a season or two',
    'Shared wins,Trust between partners,+,,',
    'Staff turnover,Trust between partners,-,,',
    '',
  ].join('\n');
}

/** Factors: one row per factor of the links, with what it means and tags to group by. */
export function systemMapFactorsTemplateCsv(): string {
  return [
    'label,type,description,tags',
    'Trust between partners,factor,How much partner organisations rely on each other,relationships',
    'Joint projects,factor,Work that two or more partners do together,collaboration',
    'Shared wins,factor,Results the partners can point to together,outcomes',
    'Staff turnover,factor,People leaving partner organisations,capacity|staffing',
    '',
  ].join('\n');
}

/** Actors: one row per organisation and factor it works on. */
export function systemMapActorsTemplateCsv(): string {
  return ['organization,works on', 'Riverbend Housing,Joint projects', 'Smith Family Foundation,Staff turnover', 'Smith Family Foundation,Shared wins', ''].join('\n');
}
