/**
 * A seeded generator of large fictional surveys for tests: a roster of `people` names (first x
 * last name combinations), and respondents who each write a few names in the ways people do
 * (exact, lower case, "Last, First", initial, nickname, one-letter typo), with the truth kept.
 */
import { createRng } from '../../../../src/engine/core/util/rng.ts';

const FIRST = [
  'Maria', 'Jin', 'Robert', 'Ana', 'Elizabeth', 'Kwame', 'Sara', 'Daniel', 'Priya', 'Omar', 'Grace', 'Thomas', 'Fatima', 'Hiroshi', 'Laura',
  'Keisha', 'Carlos', 'Elena', 'Samuel', 'Nia', 'Jose', 'Ingrid', 'Ravi', 'Yesenia', 'Andre', 'Olga', 'Diego', 'Zainab', 'Michael', 'Susan',
  'Margaret', 'William', 'Katherine', 'James', 'Jennifer', 'Patrick', 'Rosa', 'Ahmed', 'Mei', 'Tran', 'Amara', 'Lucia', 'Sven', 'Ines', 'Tariq',
  'Noor', 'Pablo', 'Chloe', 'Mateo', 'Aisha',
];
const LAST = [
  'Lopez', 'Chen', 'Smith', 'Okafor', 'Novak', 'Mensah', 'Haddad', 'Ivanova', 'Patel', 'Santos', 'Fischer', 'Brown', 'Jackson', 'Murphy',
  'Rodriguez', 'Diallo', 'Hernandez', 'Tanaka', 'Martinez', 'Singh', 'Garcia', 'Peterson', 'Gonzalez', 'Reyes', 'ONeil', 'Yamamoto', 'Castillo',
  'Washington', 'Cohen', 'Ali', 'Nguyen', 'Williams', 'Davis', 'Baker', 'Jones', 'Muller', 'Rivera', 'Kowalski', 'Lindqvist', 'Abara',
  'Moreau', 'Rossi', 'Schmidt', 'Kimura', 'Bakr', 'Osei', 'Varga', 'Horvat', 'Dubois', 'Eriksen', 'Farouk', 'Grant', 'Hughes', 'Ito',
  'Jensen', 'Kaur', 'Lund', 'Mbeki', 'Nakamura', 'Olsen', 'Popov', 'Quinn', 'Ramos', 'Sato', 'Torres', 'Ueda', 'Vance', 'Walsh', 'Xu',
  'Yilmaz', 'Zhou', 'Adeyemi', 'Bianchi', 'Costa', 'Dimitrov', 'Egwu', 'Fontaine', 'Gallo', 'Haas', 'Iqbal', 'Jovanovic', 'Keller', 'Larsen',
  'Mendoza', 'Nowicki', 'Ortiz', 'Petrov', 'Quispe', 'Richter', 'Silva', 'Takahashi', 'Urban', 'Vogel', 'Weber', 'Yadav', 'Zimmerman',
  'Acosta', 'Bauer', 'Cruz', 'Dalton', 'Engel', 'Ferreira', 'Gomez', 'Hoffmann', 'Ibrahim', 'Jung', 'Kang', 'Lehmann', 'Marin', 'Nasser',
  'Ong', 'Pereira', 'Qureshi', 'Roth', 'Sanchez', 'Tran', 'Uddin', 'Vargas', 'Wolff', 'Young', 'Zapata',
];

export interface GeneratedSurvey {
  rosterCsv: string;
  surveyCsv: string;
  /** For each (respondent row, written text): the roster name meant. */
  truth: Map<string, string>;
  names: string[];
}

function csvCell(value: string): string {
  return /[",\n;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `respondents` answer, each naming `perRespondent` people among `people` roster names. */
export function generateSurvey(people: number, respondents: number, perRespondent: number, seed = 7): GeneratedSurvey {
  const rng = createRng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
  const names: string[] = [];
  const used = new Set<string>();
  while (names.length < people) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    if (used.has(name)) continue;
    used.add(name);
    names.push(name);
  }
  const email = (name: string): string => `${name.toLowerCase().replace(/ /g, '.')}@example.org`;
  const rosterCsv = ['name,email,organization', ...names.map((n, i) => `${n},${email(n)},Org ${i % 40}`)].join('\n');
  const truth = new Map<string, string>();
  const lines = ['Timestamp,Email Address,Your name,Who do you work with?'];
  for (let r = 0; r < respondents; r++) {
    const me = names[r % names.length] as string;
    const written: string[] = [];
    for (let k = 0; k < perRespondent; k++) {
      const other = names[Math.floor(rng() * names.length)] as string;
      if (other === me) continue;
      const [first, last] = other.split(' ') as [string, string];
      const style = rng();
      let text = other;
      if (style < 0.15) text = other.toLowerCase();
      else if (style < 0.3) text = `${last}, ${first}`;
      else if (style < 0.4) {
        const i = 1 + Math.floor(rng() * (last.length - 2));
        text = `${first} ${last.slice(0, i)}${last.slice(i + 1)}`;
      }
      truth.set(`${r + 2}\u0000${text}`, other);
      written.push(text);
    }
    lines.push([`2025-03-${String(1 + (r % 28)).padStart(2, '0')} 10:00:00`, email(me), me, csvCell(written.join('; '))].join(','));
  }
  return { rosterCsv, surveyCsv: lines.join('\n'), truth, names };
}
