/**
 * Given-name variant classes: spellings of one given name across romanisations and languages. Two tokens
 * in the same class compare as "variant" (nearly as strong as equal).
 *
 * Sources: the romanisation conventions of the BGN/PCGN systems for Arabic, Persian, Russian and Ukrainian
 * (as summarised in Wikipedia's "Romanization of Arabic" and "Romanization of Russian"), and the cognate
 * lists in Wikipedia's articles on the names themselves (e.g. "Muhammad (name)", "Joseph (given name)",
 * "Husayn", "Ibrahim", "Alexander", "Ivan (name)"), which give the Arabic, Turkish, Persian, Urdu, Malay,
 * West-African and European forms. The Korean lines give the Revised Romanisation of common surname and
 * given-name syllables (what any-ascii produces from Hangul) beside their McCune-Reischauer and customary
 * spellings (Wikipedia, "List of Korean surnames" and "Romanization of Korean"). Only widely attested forms are listed; typos are left to the edit
 * distance comparator and vowel-only differences to the consonant skeleton. English hypocorisms (Bill,
 * Bob, Ted, Jim …) follow Wikipedia's "List of English given names" and their articles.
 *
 * One class per line, spellings separated by spaces, lower-case ASCII.
 */
const CLASSES = `
muhammad mohammed mohammad mohamed muhammed mohamad muhamad mohamud mohamoud mehmet mehmed mohammod mahomed muhamed mouhamed mohd
ahmad ahmed ahmet achmed akhmed ahmat
mahmud mahmoud mahmood mahmut
yusuf youssef yousef yusef youssouf yousif yusif joseph josef jozef giuseppe jose josip iosif osip joe
ibrahim ibraheem ebrahim ibrahima abraham avraham
ismail ismael ismayil esmail ismoil
ishaq ishak isaac ishaaq
yaqub yacoub yakub yaqoob jacob jakob yakov iakov jacques
musa moussa mousa moosa moses moshe
isa issa eesa iesa
yahya yehia yahia yahiya
sulayman suleiman sulaiman suleyman sleiman soliman solomon
dawud daoud dawood davud david dawit dave
harun haroun haroon aaron
nuh nouh noah
ali aly alee
hasan hassan hasen hassen
husayn hussein husein hussain hosein hossein huseyin husseyn hussien husain
umar omar omer ommar
uthman othman osman usman outhman
abu abou abo
khalid khaled halit
khalil khaleel halil
walid waleed velid
jamal gamal djamel jamel
jamil jameel gamil djamil
salih saleh
salim saleem selim salem
sayyid sayed sayyed seyed sayyed
said saeed saeid sayeed
rashid rasheed rachid reshid
rahim raheem
karim kareem kerim
hamid hameed hamed
majid majeed magid mejid
hakim hakeem
aziz azeez
hafiz hafez hafeez
nasir nasser naser nassir nacer
mansur mansour mansoor
munir mounir muneer
bashir basheer bachir beshir
nadir nader
qadir kadir qader kader
jafar jaafar jafer djafar
zakariya zakaria zakariyya zakariah zachariah
yunus younes yunis younis jonah
ilyas elias ilias iliyas elijah
idris idriss edris
anwar anouar enver
ayman aymen eymen
tariq tarek tarik tareq
tahir taher
tayyib tayeb tayyab
faisal faysal feisal faycal
fahd fahad
fawzi fawzy fauzi fevzi
fuad fouad
hamza hamzah hamsa
bilal belal
jabir jaber djaber
amir ameer emir
amin ameen emin
usama osama oussama ousama
mustafa mostafa moustafa mustapha mostapha
murtada mortada murtaza mortaza
mujahid moujahid mudzhakhid
muhsin mohsen mohsin muhsen
abbas abas
hashim hashem hachem hasim
qasim kasim qassim kassem qasem kasem gasim
ghazi gazi ghazy
shukri choukri shukru
sharif shareef cherif charif sherif
zayd zaid zeid
ziyad ziad ziyad
zubayr zubair zoubair zubeir
ubayd obaid ubaid obeid
abdul abdel abdoul abdal abdol abdu abd abdi
ubaydullah obaidullah ubaidullah obeidullah
habibullah habiballah habibollah
nurullah nourallah nurallah
nur noor nour
fatima fatimah fatma fatemeh
aisha aicha ayesha aysha aishah ayse
khadija khadijah khadidja hatice
maryam mariam meryem miriam mariyam mary maria marie
zaynab zainab zeinab zeynep
hafsa hafsah
amina aminah emine
layla leila laila leyla
salma selma
abubakar abubakr abubaker aboubakar abubakir ebubekir
alexander aleksandr alexandr aleksander alexandre alessandro alejandro alexandros iskandar iskander alex sasha
vladimir wladimir volodymyr uladzimir vladimer volodya vova
alexei alexey aleksei aleksey oleksiy oleksii
andrei andrey andriy andrej andre andreas andrew andres andrea
dmitry dmitri dmitrii dmytro dimitri demetrios
sergei sergey serhiy sergiy serge sergio
nikolai nikolay mykola nicolas nicholas nikolaos nikola niccolo nicola nick
mikhail michail mykhailo michael michel miguel michele mikhael mikail mikheil mike mick
yevgeny evgeny evgeni yevhen eugene eugen eugenio
yuri yury yuriy iurii jurij george georgi georgy georgios jorge giorgio georg georges juri
pyotr petr petro peter pierre pedro pietro piotr pete
pavel paul pablo paolo pawel pavlo
ivan ioann ioannis john johann johannes jean juan giovanni jan jack johnny
stepan stefan stephen steven esteban etienne stefano
grigory grigoriy hryhoriy gregory gregor
konstantin kostiantyn constantine konstantinos
anatoly anatoliy anatolii
vasily vasiliy vasyl vassily basil
fyodor fedor fedir theodore teodor ted theo
yakov iakov
olga olha
yelena elena olena helen helene helena
yekaterina ekaterina kateryna catherine katharina caterina kate katie
natalia natalya nataliya natalie
tatiana tatyana tetiana
svetlana svitlana
francis francisco francesco franz francois frans frank
william wilhelm guillaume guillermo willem bill billy will willy
henry heinrich henri enrique enrico harry hank
charles karl carlos carlo karel chuck charlie
louis ludwig luis luigi lewis
james jacques diego santiago jaime giacomo jim jimmy
thomas tomas tommaso tomasz foma tom tommy
matthew matthias mateo matteo matvei mathieu
philip philippe felipe filippo filip phil
robert bob bobby rob roberto
richard dick rick ricardo riccardo
edward ed eddie ned eduardo edouard
daniel dan danny
anthony tony antonio anton antoine
margaret maggie peggy margarita
elizabeth liz beth betty elisabeth
gim kim
i lee yi rhee ri rhie
bak bag park pak
jeong jung chung jong chong
choe choi chey
jo cho joh
yun yoon
gang kang
jang chang
im lim rim
han hahn
o oh
seo suh so
sin shin
gwon kwon
hwang whang
an ahn
ryu yoo yu rhyu
hong
eun un
seong sung song
ji chi jee
hyeon hyun
yeong young yong
gwang kwang
cheol chul chol
jin chin
min
ho
su soo
`;

/** Token -> class id (the first spelling of its class). A token in several classes keeps the first. */
export const GIVEN_NAME_CLASS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const line of CLASSES.split("\n")) {
    const names = line.trim().split(/\s+/).filter(Boolean);
    const id = names[0];
    if (!id) continue;
    for (const name of names) if (!map.has(name)) map.set(name, id);
  }
  return map;
})();
