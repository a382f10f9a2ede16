/**
 * The program: skills held and where they are thin, what changed between two survey waves, what
 * each convening brought, and what mentorships connected.
 */
import { html, type Html } from '../html/html-text.ts';
import { INDICATORS, INDICATOR_NAMES } from '../../analysis/compare-waves.ts';
import { count, share } from '../../report/readable.ts';
import { counted, indicatorChange, listWords, mixText, plainReason } from '../../report/program-words.ts';
import { sentence } from '../../report/insight-words.ts';
import { chartSvg, Plot } from './plot-svg.ts';
import { SECTION_ABOUT } from './section-catalogue.ts';
import { figures, more, table, type ReportContext, type ReportSection } from './section-kit.ts';

/** The people in a list, named as the report may name them: "Ana, Jin and 4 more". */
function people(ids: readonly string[], { nameOf, options }: ReportContext): string {
  const shown = ids.slice(0, options.listLength).map(nameOf);
  return ids.length > shown.length ? `${shown.join(', ')} and ${count(ids.length - shown.length)} more` : listWords(shown);
}

export const SKILLS: ReportSection = {
  ...SECTION_ABOUT.skills,
  render({ input, options }) {
    const skills = input.result.skills!.skills;
    const top = skills.coverage.slice(0, Math.max(options.listLength, 15));
    const rows = skills.coverage.slice(0, options.listLength * 2).map((c) => [
      c.skill,
      count(c.count),
      counted(c.communities, 'group'),
      share(c.reach.twoSteps),
      [c.rare ? 'held by few' : '', c.stranded ? 'stranded' : ''].filter(Boolean).join(', ') || '–',
    ]);
    const chart = chartSvg(
      {
        height: 40 + top.length * 22,
        marginLeft: 160,
        x: { label: 'People who hold it →', grid: true },
        y: { label: null, domain: top.map((c) => c.skill) },
        marks: [Plot.barX(top, { y: 'skill', x: 'count', fill: (c: { rare: boolean }) => (c.rare ? '#E69F00' : '#0072B2') }), Plot.ruleX([0])],
      },
      'How many people hold each skill, most held first; skills held by few in orange',
    );
    const stranded = skills.coverage.filter((c) => c.stranded);
    return html`${figures([
      { value: count(skills.skills.length), name: 'Skills named' },
      { value: count(skills.settings.reported), name: 'People who said what they can do' },
      { value: count(skills.rare.length), name: 'Held by few', explanation: 'Skills so few people hold that the network would miss them if those people left.' },
      { value: count(skills.stranded.length), name: 'Stranded', explanation: 'Skills held only at the edge, or only in one group, so most people cannot reach them.' },
    ])}
<figure>${chart}<figcaption>People who hold each skill (the most held ${count(top.length)}); orange bars are skills held by few.</figcaption></figure>
${table(['Skill', 'People who hold it', 'Groups where someone holds it', 'People within two steps of it', 'Thin'], rows, [1, 2, 3])}
${more(Math.min(skills.coverage.length, options.listLength * 2), skills.coverage.length, 'skills')}
${stranded.length > 0 ? html`<h3>Stranded skills</h3><ul>${stranded.slice(0, options.listLength).map((c) => html`<li><strong>${c.skill}</strong>: ${c.strandedBecause.map((r) => sentence(plainReason(r.text))).join(' ')}</li>`)}</ul>` : ''}
${skills.gaps.length > 0 ? html`<h3>Groups missing skills most others have</h3><ul>${skills.gaps.slice(0, options.listLength).map((g) => html`<li>${g.label} (${counted(g.size, 'person', 'people')}): ${listWords(g.missing)}</li>`)}</ul>` : ''}
${skills.absent.length > 0 ? html`<p>Needed but held by no one: ${listWords(skills.absent)}.</p>` : ''}`;
  },
};

export const CHANGE: ReportSection = {
  ...SECTION_ABOUT.change,
  mentions: ({ input, options }) => (input.result.program.change?.movedInward ?? []).slice(0, Math.ceil(options.listLength / 3)),
  render(context) {
    const change = context.input.result.program.change!;
    const waves: [string, string] = [change.from, change.to];
    const rows = INDICATORS.map((name) => [INDICATOR_NAMES[name], indicatorChange(name, change.indicators[name][0], change.indicators[name][1], waves)]);
    return html`<p class="lead">From ${change.from} to ${change.to}: ${counted(change.gained.length, 'tie')} gained and ${counted(change.lost.length, 'tie')} lost.</p>
${change.movedInward.length > 0 ? html`<p><strong>Moved in from the edge:</strong> ${people(change.movedInward, context)}.</p>` : ''}
${change.movedOutward.length > 0 ? html`<p><strong>Moved out to the edge:</strong> ${people(change.movedOutward, context)}.</p>` : ''}
${table(['Figure', `From ${change.from} to ${change.to}`], rows)}`;
  },
};

export const CONVENINGS: ReportSection = {
  ...SECTION_ABOUT.convenings,
  render({ input, options }) {
    const events = input.result.program.events!;
    const shown = events.events.slice(0, options.listLength * 2);
    const rows = shown.map((e) => [e.event, e.date ?? '–', count(e.count), count(e.newFaces.length), count(e.returning), e.mix ? mixText(e.mix) : '–']);
    const regulars = events.attendance.filter((a) => a.events > 1).length;
    return html`${figures([
      { value: count(events.eventCount), name: 'Events' },
      { value: count(events.attendees), name: 'People who came' },
      { value: count(regulars), name: 'Came more than once' },
      ...(events.coAttendanceTies > 0 ? [{ value: count(events.coAttendanceTies), name: 'Pairs who met at an event', explanation: 'Ties between people who were at the same event.' }] : []),
    ])}
${table(['Event', 'Date', 'People', 'First time', 'Came before', 'Who was in the room'], rows, [2, 3, 4])}
${more(shown.length, events.events.length, 'events')}`;
  },
};

export const MENTORSHIP: ReportSection = {
  ...SECTION_ABOUT.mentorship,
  render({ input, options }) {
    const m = input.result.program.mentorship!;
    const crossing: Html[] = m.byAttribute
      .filter((a) => a.crossShare !== null)
      .map((a) => html`<li>${share(a.crossShare)} of pairs join people with a different ${a.attribute}${a.links.length > 0 ? html` (most often ${listWords(a.links.slice(0, 3).map((l) => `${l.a} with ${l.b}`))})` : ''}.</li>`);
    return html`${figures([
      { value: count(m.pairs), name: 'Pairs' },
      { value: count(m.mentors), name: 'Mentors' },
      { value: count(m.mentees), name: 'Mentees' },
      ...(m.bridgingShare !== null ? [{ value: share(m.bridgingShare), name: 'Pairs across network groups', explanation: 'Pairs whose mentor and mentee were in different groups of the network.' }] : []),
    ])}
${crossing.length > 0 ? html`<ul>${crossing.slice(0, options.listLength)}</ul>` : ''}
${m.bothRoles.length > 0 ? html`<p>${counted(m.bothRoles.length, 'person', 'people')} ${m.bothRoles.length === 1 ? 'is' : 'are'} both a mentor and a mentee.</p>` : ''}`;
  },
};
