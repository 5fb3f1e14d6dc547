/**
 * Words inside names that are not name tokens, or only weak ones: honorifics and titles, Arabic
 * particles and genealogy connectors, and organisation legal forms. Lower-case ASCII after
 * transliteration. Sources: the UN Security Council list's own title field values, ISO 20275 (Entity
 * Legal Forms code list) for the legal forms, and common Arabic naming structure (ism, nasab, kunya,
 * laqab) as described in Wikipedia's "Arabic name".
 */

/** Honorifics, religious and political titles in the languages the lists use; dropped from names. */
export const TITLES: ReadonlySet<string> = new Set(
  `mr mrs ms miss mx dr prof sir dame lord lady rev fr sr jr hon sheikh shaikh shaykh sheik cheikh mullah mulla
  molla mollah haji hajji hadji alhaji alhaj hajj maulavi maulvi mawlawi moulvi maulana mawlana qari imam
  ayatollah hojatoleslam sayyida general gen col colonel major maj capt
  captain lt lieutenant sgt commander president presidente president präsident prezident predsjednik presedinte
  presedintele presiden prasident elnok prezydent presidentti presidenten premier minister senator deputy
  governor mayor ambassador judge`
    .split(/\s+/)
    .filter(Boolean),
);

/** Arabic definite-article particles written apart ("al-Rawi", "el Sayed"); assimilated forms ("ad-Din") are handled where the hyphen is still known. */
export const PARTICLES: ReadonlySet<string> = new Set(["al", "el", "ul", "il"]);

/** Genealogy connectors (son/daughter of) that link name parts but are no names themselves. */
export const NASAB: ReadonlySet<string> = new Set(
  "bin ibn bint ben bn binti bte bt ould walad wuld ibnu".split(" "),
);

/** Kunya prefixes ("father/mother of"), written joined or apart: "Abu Bakr" = "Abubakr". */
export const KUNYA: ReadonlySet<string> = new Set(["abu", "abou", "abo", "umm", "um", "oum"]);

/** First halves of "servant of God" compounds: "Abd al-Rahman" = "Abdul Rahman" = "Abdurrahman". */
export const ABD_PREFIXES: ReadonlySet<string> = new Set(
  "abd abdul abdel abdal abdil abdol abdoul abdu abdur abdus abduz abdun abdar abdas abdel abdi".split(" "),
);

/**
 * Names of God that follow "Abd" ("servant of") in compound names, in their common spellings (Wikipedia,
 * "Names of God in Islam"). "Abdul" before any other name ("Abdul Mohammad") is a name part of its own.
 */
export const DIVINE_NAMES: ReadonlySet<string> = new Set(
  `lah llah allah allh llh ilah rahman rehman rahmaan rahim raheem rehim malik aziz azeez karim kareem latif lateef latiff
  hamid hameed majid majeed qadir qader kadir kader qadeer ghani ghany jalil jaleel salam salaam wahab wahhab
  razzaq razaq razak razzak hakim hakeem hadi basit baset samad samed samie sami qayyum qayum wahid waheed ahad
  bari baree baqi baqee haq haqq halim haleem jabbar jabar ghaffar ghafar ghafoor ghafur sattar satar kabir
  kabeer matin mateen mannan manan nasir naser nasser rauf raouf rashid rasheed sabur saboor shakur shakoor
  quddus wadud wali muhaimin hafiz hafeez khaliq khaleq khaliq alim aleem mumin muiz nur noor fattah fatah
  muttalib mutalib hai hay hayy qahar qahhar jawad wasi rab rabb rahmane ghafour karim jalal azim azeem
  hakam halim hamid muhsin muhyi salam mueed`
    .split(/\s+/)
    .filter(Boolean),
);

/** Second halves of "-ud-din" compounds: "Salah al-Din" = "Salahuddin" = "Salah Eddine". */
export const DIN_SUFFIXES: ReadonlySet<string> = new Set(
  "din dyn deen dine eddin eddine uddin uddeen addin eldin aldin".split(" "),
);

/**
 * Organisation legal forms (ISO 20275 abbreviations and their spelled-out forms), each mapped to one
 * canonical form. Multi-word forms are matched as token sequences.
 */
const LEGAL_FORM_LINES = `
llc = limited liability company | l l c | llc
ltd = limited | ltd | ltda | limitada
inc = incorporated | inc
corp = corporation | corp | incorporated company
co = company | co | compania | compagnie | companhia
plc = public limited company | p l c | plc
gmbh = gesellschaft mit beschrankter haftung | gesellschaft mit beschraenkter haftung | gmbh | g m b h
ag = aktiengesellschaft | ag
sa = sociedad anonima | societe anonyme | s a | sa | sociedade anonima
sarl = societe a responsabilite limitee | s a r l | sarl
srl = societa a responsabilita limitata | s r l | srl
spa = societa per azioni | s p a | spa
bv = besloten vennootschap | b v | bv
nv = naamloze vennootschap | n v | nv
as = aktieselskab | aksjeselskap | a s | as | asa
ab = aktiebolag | ab
oy = osakeyhtio | oy | oyj
kg = kommanditgesellschaft | kg
lp = limited partnership | l p | lp
llp = limited liability partnership | l l p | llp
pte = private | pte | pvt
ooo = obshchestvo s ogranichennoy otvetstvennostyu | ooo | tov
oao = otkrytoe aktsionernoe obshchestvo | oao
zao = zakrytoe aktsionernoe obshchestvo | zao
pao = publichnoe aktsionernoe obshchestvo | pao
ao = aktsionernoe obshchestvo | ao
oao = open joint stock company
zao = closed joint stock company
pao = public joint stock company
jsc = joint stock company | jsc | cjsc | ojsc | pjsc
spzoo = sp z o o | spzoo | sp zoo | sp z oo
ano = autonomous non profit organization | ano
fze = free zone establishment | fze | fzco | fzc | fz llc
se = societas europaea | se
sas = societe par actions simplifiee | sas
sl = sociedad limitada | s l | sl
cv = de c v | c v
kk = kabushiki kaisha | kk
jv = joint venture | jv
`;

export interface LegalForm {
  canonical: string;
  words: string[];
}

/** Every spelling as a token sequence, longest first so "public limited company" wins over "company". */
export const LEGAL_FORMS: readonly LegalForm[] = LEGAL_FORM_LINES.split("\n")
  .filter((line) => line.includes("="))
  .flatMap((line) => {
    const [canonical = "", spellings = ""] = line.split("=").map((s) => s.trim());
    return spellings.split("|").map((s) => ({ canonical, words: s.trim().split(/\s+/) }));
  })
  .sort((a, b) => b.words.length - a.words.length);

/** Function words in organisation names that carry almost no identity. */
export const ORG_STOPWORDS: ReadonlySet<string> = new Set(
  "the and of for de du des la le les el del di da der die das und y e et i the a an".split(" "),
);

/**
 * Generic words of organisation names (sector, structure, place-like words). Without registry statistics
 * they weigh like common given names; with them, their real frequency decides.
 */
export const ORG_COMMON_WORDS: ReadonlySet<string> = new Set(
  `bank banking group holding holdings international global trading trade traders company companies industries
  industry industrial services service solutions capital investment investments invest management partners
  partner fund funds trust energy oil gas petroleum petrochemical shipping logistics engineering construction
  technology technologies tech systems national state general development enterprise enterprises import export
  commercial commerce finance financial insurance foundation association society organization organisation
  institute center centre university media network networks resources mining metals steel chemical chemicals
  pharmaceutical pharma health healthcare medical electronics electric power motors motor transport airlines
  air marine maritime agency office ministry department committee council union federation alliance front
  army brigade movement party charity charitable relief welfare islamic republic the first new united
  mortgage loan securities series real estate properties property equity asset assets bancorp corporation`
    .split(/\s+/)
    .filter(Boolean),
);

/** Abbreviations written inside organisation names, read as the word they stand for. */
export const ORG_ABBREVIATIONS: Readonly<Record<string, string>> = {
  intl: "international",
  natl: "national",
  mfg: "manufacturing",
  assn: "association",
  assoc: "association",
  bros: "brothers",
  dept: "department",
  univ: "university",
  inst: "institute",
  svcs: "services",
  mgmt: "management",
  hldgs: "holdings",
  grp: "group",
  tech: "technology",
};
