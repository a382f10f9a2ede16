/**
 * The results spreadsheets to hand out, with the columns the readers in `import-tables.ts` read
 * and a small example to replace: one result (children ready for school), its indicator with a
 * baseline, yearly actuals and targets, a strategy with a measure of each kind, two aligned
 * actions and a commitment. The factor names are those of the system-map templates, so the two
 * sets of templates load together.
 */
import type { ResultsFileKind } from './results-file-kinds.ts';

const lines = (rows: readonly string[]): string => [...rows, ''].join('\n');

export const RESULTS_TEMPLATES: Record<ResultsFileKind, { file: string; csv: string; what: string }> = {
  results: {
    file: 'results.csv',
    what: 'One row per population result: its name, the population and the condition in plain words.',
    csv: lines(['result,population,condition', 'Ready for school,Children under 6 in Riverbend,All children enter kindergarten ready to learn']),
  },
  indicators: {
    file: 'indicators.csv',
    what: 'One row per indicator and date: value (the actual), target, baseline, better up or down, and the system-map factor it measures.',
    csv: lines([
      'indicator,result,factor,date,value,target,baseline,better,source,story',
      'Kindergarten readiness (%),Ready for school,Shared wins,2021,48,,48,up,District readiness assessment,Fewer families found a pre-K place after two centres closed',
      'Kindergarten readiness (%),Ready for school,Shared wins,2022,51,55,,,,',
      'Kindergarten readiness (%),Ready for school,Shared wins,2023,53,60,,,,',
      'Kindergarten readiness (%),Ready for school,Shared wins,2025,,70,,,,',
    ]),
  },
  strategies: {
    file: 'strategies.csv',
    what: 'One row per strategy, and per performance measure and date: kind how much, how well or better off.',
    csv: lines([
      'strategy,result,description,measure,kind,date,value,target,better',
      'Home visiting,Ready for school,Nurses visit first-time parents,Families visited,how much,2023,120,150,up',
      'Home visiting,Ready for school,,Visits completed as planned (%),how well,2023,82,90,up',
      'Home visiting,Ready for school,,Children on track at 24 months (%),better off,2023,64,70,up',
    ]),
  },
  actions: {
    file: 'actions.csv',
    what: 'One row per aligned action: who does it (people or organisations separated by ;), the factor it pushes and whether it increases or decreases it, start and end dates, status.',
    csv: lines([
      'action,result,by,factor,direction,start,end,status',
      'Joint pre-K enrolment drive,Ready for school,Riverbend Housing;Smith Family Foundation,Joint projects,increase,2024-01-15,2024-06-30,in progress',
      'Retention bonuses for teachers,Ready for school,Smith Family Foundation,Staff turnover,decrease,2024-03-01,,planned',
    ]),
  },
  commitments: {
    file: 'commitments.csv',
    what: 'One row per public commitment: who committed, to which result, what, when, by when, and status (made, in progress, kept, not kept).',
    csv: lines(['who,result,what,date,due,status', 'Smith Family Foundation,Ready for school,Fund 20 more pre-K places,2024-01-10,2024-09-01,made']),
  },
  scorecard: {
    file: 'scorecard-data-values.csv',
    what: "A scorecard's data values, as Clear Impact exports them: the indicator's or measure's id, i or p, the date, target and actual values, a comment.",
    csv: lines(['id,measure_type,actual_value_date,target_value,actual_value,comment', 'Kindergarten readiness (%),i,01/15/2024,65,56,Spring assessment']),
  },
};

/** The template CSV of one kind of results file. */
export function resultsTemplateCsv(kind: ResultsFileKind): string {
  return RESULTS_TEMPLATES[kind].csv;
}
