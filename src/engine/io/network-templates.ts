/**
 * Starting points for a network, to hand out: an edge list (one row per tie) and a people list
 * (one row per person), with the columns the importers recognise and a few example rows to
 * replace. The same fictional people appear in every template, so the files go together.
 */

/** An edge list as `importFiles` reads it: who is tied to whom, how strongly, and how. */
export function edgeListTemplateCsv(): string {
  return ['source,target,weight,relation', 'Maria Lopez,Jin Chen,3,collaboration', 'Jin Chen,Bob Smith,1,advice', 'Bob Smith,Maria Lopez,2,collaboration', ''].join('\n');
}

/** A people list as `importFiles` reads it: a name for each person, then any attributes. */
export function peopleTemplateCsv(): string {
  return [
    'name,email,organization,sector',
    'Maria Lopez,maria.lopez@example.org,Riverbend Housing,Nonprofit',
    'Jin Chen,jin.chen@example.org,City of Riverbend,Government',
    'Bob Smith,bob.smith@example.org,Smith Family Foundation,Philanthropy',
    '',
  ].join('\n');
}
