/**
 * Common given-name nicknames and short forms (Bob = Robert, Liz = Elizabeth, Peggy = Margaret,
 * Sasha = Alexander), mostly English with frequent Spanish, Italian, German, French and Russian
 * forms. Each line is a group of names that can mean the same person, the formal name first; a
 * nickname can belong to several groups (Al: Albert, Alan, Alfred, Alexander). Folded text: lower
 * case, no accents, no apostrophes.
 */

const GROUPS = `
aaron ron ronnie
abigail abby abbie gail
abraham abe bram
adam ad
adelaide addie adele
adrian adi
agnes aggie nessa
albert al bert bertie
alan al
alfred al alf alfie fred freddie
alexander alex alec al sandy sasha xander lex sacha alek
alexandra alex alexa lexi sandra sandy sasha
alexis alex lexi
alfonso alfie poncho
alice allie ally
alison ali allie
allison ali allie
amanda mandy manda
amelia amy millie mia
anastasia ana stacy stacey nastya
andrea andi drea
andrew andy drew
angela angie angelica
angelina angie lina
anne ann annie nan nancy anna nanette
anthony tony ant
antonia toni
archibald archie
arnold arnie
arthur art artie
augustine gus augie
augustus gus
barbara barb barbie babs
barnabas barney
bartholomew bart
beatrice bea trixie
benedict ben benny
benjamin ben benny benji
bernard bernie barney
bernadette bernie
bertram bert
bradley brad
brian bri
bridget bridie biddy
calvin cal
cameron cam
caroline carrie carol lina
catherine cathy cat kate katie kathy kat cathie cate
katherine kathy kate katie kat kathryn kay kitty
kathleen kathy kate katie kath
charles charlie chuck chas chaz
charlotte charlie lottie lotte
christian chris christie
christina chris tina christy
christine chris tina chrissy
christopher chris kit topher
clarence clare
clifford cliff
clinton clint
constance connie
cornelius neil corny
cynthia cindy cyndi
daniel dan danny dani
danielle dani
david dave davey davy
deborah debbie deb debra
dennis denny
diana di
dolores lola dee
dominic dom nic nick
donald don donny
dorothy dot dottie dolly
douglas doug
edward ed eddie ned ted teddy
edwin ed eddie
edmund ed ned
eleanor ellie nora elle lenore
elena lena helena yelena
elizabeth liz lizzie beth betty betsy eliza libby lisa elise lisbeth bess bessie liza elisabeth ellie
emily em emmy millie
emma em emmy
eric rick
ernest ernie
eugene gene zhenya yevgeny evgeny
evelyn evie eve
francis frank frankie fran
francisco frank paco pancho cisco fran
frances fran frannie frankie
frank frankie franklin
frederick fred freddie fritz
gabriel gabe gabi
gabrielle gabby gabi
geoffrey geoff jeff
gerald gerry jerry
geraldine gerry geri
gilbert gil
gregory greg
guillermo memo guille
harold hal harry
harriet hattie
harrison harry
henry hank harry hal
herbert herb bert
howard howie
ignatius iggy ignacio nacho
isaac ike
isabel izzy bella isabella belle isa
isabella izzy bella isabel belle
jacob jake jack
jacqueline jackie jacquie
james jim jimmy jamie jay jimbo
jane jenny janie
janet jan
jasmine jas jazz
jean jeanie
jeffrey jeff
jennifer jen jenny jenn jenni
jeremiah jerry
jeremy jerry
jerome jerry
jessica jess jessie
jesus chuy
joan joanie
joanna jo jo ann
john jack johnny jon
jonathan jon john jonny
joseph joe joey jo
josephine jo josie
joshua josh
judith judy jude
julia julie jules
julian jules
justin just
katerina kate katya ekaterina
kenneth ken kenny
kimberly kim
kristen kris kristy
lawrence larry laurie lauren
leonard len lenny leo
leonardo leo
leslie les
lillian lily lil
lindsay lindsey
lorraine lori
louis lou louie
louise lou lulu
lucas luke
lucille lucy lu
luke luc
madeline maddie maddy
madison maddie maddy
magdalena maggie magda lena
margaret maggie meg peggy marge margie madge greta daisy rita peg maisie margo margot margarita
marjorie marge margie
maria masha mari
mary molly polly mae mamie
martha marty mattie
martin marty
matilda tilly tillie mattie
matthew matt matty
maureen mo
maximilian max
maxwell max
melanie mel
melissa mel missy lisa
michael mike mikey mick mickey mitch
michelle shelly michele
mildred millie
miriam mimi
mitchell mitch
montgomery monty
nathan nate nat
nathaniel nate nat nathan
natalia natasha nata talia natalie
nicholas nick nicky nico
nicole nicky nikki
norman norm
oliver ollie
olivia liv livvy ollie
pamela pam
patricia pat patty tricia trish patsy
patrick pat paddy rick
paul pauly
penelope penny
peter pete
philip phil pip
phillip phil
priscilla cilla prissy
rachel rach
raymond ray
rebecca becky becca reba
reginald reg reggie
richard rick ricky dick rich richie
robert bob bobby rob robbie bert
roberta bobbie robbie
rodney rod
roger rog
ronald ron ronnie
rosalind ros roz
rosemary rose rosie
rosa rose rosie
samantha sam sammy
samuel sam sammy
sandra sandy
sarah sally sara sadie
sebastian seb bastian
sergei sergey seryozha
sidney sid
simon si
solomon sol
sophia sophie
stanley stan
stephanie steph stevie
stephen steve stevie steven
steven steve stevie stephen
susan sue susie suzy suzanne
suzanne sue susie suzy
sylvester sly
sylvia syl
tatiana tanya tania
terence terry
teresa terry tess tessa theresa
theresa terry tess tessa teresa
theodore ted teddy theo
thomas tom tommy thom
timothy tim timmy
tobias toby
valentina val
valerie val
veronica ronnie vera
victor vic
victoria vicky tori vic
vincent vince vinny
virginia ginny ginger
vladimir vova volodya vlad
walter walt wally
wendy wen
wilhelmina mina willa
william bill billy will willie liam
winifred winnie
yevgenia zhenya
zachary zach zack
zoe zo
dmitri dima dmitry
ivan vanya
mohammed mo mohamed muhammad mohammad
abdullah abdul
ahmed ahmad
ibrahim ibra
oleksandr sasha
giovanni gianni
giuseppe beppe pino
francesca fran frankie
federico fede
guadalupe lupe
concepcion concha conchita
dolores lola
rosario charo
manuel manny manolo
jose pepe joe
aleksandr sasha sanya
alejandro alex ale
alessandro alex sandro
mikhail misha
nikolai kolya
eduardo lalo edu
enrique kike
alberto beto al
roberto beto bob
humberto beto
rodrigo rodri
santiago santi
fernando fer nando
gonzalo gonza
george georgie
gustavo gus
`;

const groupsOf = new Map<string, Set<number>>();
const members: string[][] = [];
for (const line of GROUPS.split('\n')) {
  const names = line.trim().split(/\s+/).filter((n) => n !== '');
  if (names.length < 2) continue;
  const index = members.length;
  members.push(names);
  for (const name of names) {
    const set = groupsOf.get(name) ?? new Set<number>();
    set.add(index);
    groupsOf.set(name, set);
  }
}

/** Every name that can mean the same person as `name` (itself excluded), from the groups above. */
export function nicknameVariants(name: string): string[] {
  const out = new Set<string>();
  for (const group of groupsOf.get(name) ?? []) {
    for (const other of members[group] ?? []) if (other !== name) out.add(other);
  }
  return [...out].sort();
}

/** True when `a` and `b` are different names that can mean the same person (Bob, Robert). */
export function areNicknames(a: string, b: string): boolean {
  if (a === b) return false;
  const left = groupsOf.get(a);
  const right = groupsOf.get(b);
  if (left === undefined || right === undefined) return false;
  for (const group of left) if (right.has(group)) return true;
  return false;
}

/** How many nickname groups the table holds (for documentation and tests). */
export const NICKNAME_GROUP_COUNT = members.length;
