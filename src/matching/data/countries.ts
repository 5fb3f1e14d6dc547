/**
 * Country codes and names as the lists write them. ISO 3166-1 alpha-3 -> alpha-2 (source: ISO 3166-1 as
 * published on Wikipedia's "ISO 3166-1" page), and the long or older spellings used by the UN
 * Security Council list and OFAC's SDN list for the same countries. English short names come from
 * FollowTheMoney's country type and Intl.DisplayNames (see compare/country.ts).
 */
const ALPHA3 = `AFG AF ALB AL DZA DZ ASM AS AND AD AGO AO AIA AI ATA AQ ATG AG ARG AR ARM AM ABW AW AUS AU AUT AT AZE AZ
BHS BS BHR BH BGD BD BRB BB BLR BY BEL BE BLZ BZ BEN BJ BMU BM BTN BT BOL BO BIH BA BWA BW BRA BR BRN BN BGR BG
BFA BF BDI BI CPV CV KHM KH CMR CM CAN CA CYM KY CAF CF TCD TD CHL CL CHN CN COL CO COM KM COG CG COD CD CRI CR
CIV CI HRV HR CUB CU CYP CY CZE CZ DNK DK DJI DJ DMA DM DOM DO ECU EC EGY EG SLV SV GNQ GQ ERI ER EST EE SWZ SZ
ETH ET FJI FJ FIN FI FRA FR GAB GA GMB GM GEO GE DEU DE GHA GH GRC GR GRD GD GTM GT GIN GN GNB GW GUY GY HTI HT
VAT VA HND HN HKG HK HUN HU ISL IS IND IN IDN ID IRN IR IRQ IQ IRL IE ISR IL ITA IT JAM JM JPN JP JOR JO KAZ KZ
KEN KE KIR KI PRK KP KOR KR KWT KW KGZ KG LAO LA LVA LV LBN LB LSO LS LBR LR LBY LY LIE LI LTU LT LUX LU MAC MO
MDG MG MWI MW MYS MY MDV MV MLI ML MLT MT MHL MH MRT MR MUS MU MEX MX FSM FM MDA MD MCO MC MNG MN MNE ME MAR MA
MOZ MZ MMR MM NAM NA NRU NR NPL NP NLD NL NZL NZ NIC NI NER NE NGA NG MKD MK NOR NO OMN OM PAK PK PLW PW PSE PS
PAN PA PNG PG PRY PY PER PE PHL PH POL PL PRT PT QAT QA ROU RO RUS RU RWA RW KNA KN LCA LC VCT VC WSM WS SMR SM
STP ST SAU SA SEN SN SRB RS SYC SC SLE SL SGP SG SVK SK SVN SI SLB SB SOM SO ZAF ZA SSD SS ESP ES LKA LK SDN SD
SUR SR SWE SE CHE CH SYR SY TWN TW TJK TJ TZA TZ THA TH TLS TL TGO TG TON TO TTO TT TUN TN TUR TR TKM TM TUV TV
UGA UG UKR UA ARE AE GBR GB USA US URY UY UZB UZ VUT VU VEN VE VNM VN YEM YE ZMB ZM ZWE ZW XKX XK RKS XK PRI PR
GIB GI CUW CW ESH EH`;

export const ALPHA3_TO_ALPHA2: ReadonlyMap<string, string> = (() => {
  const words = ALPHA3.split(/\s+/).filter(Boolean);
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < words.length; i += 2) {
    const [a3, a2] = [words[i], words[i + 1]];
    if (a3 && a2) map.set(a3.toLowerCase(), a2.toLowerCase());
  }
  return map;
})();

/** Long and older names (UN and OFAC spellings, demonyms the lists use) -> alpha-2. */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  "syrian arab republic": "sy",
  "iran islamic republic of": "ir",
  "russian federation": "ru",
  "democratic people s republic of korea": "kp",
  "korea democratic people s republic of": "kp",
  "korea north": "kp",
  "north korea": "kp",
  "republic of korea": "kr",
  "korea south": "kr",
  "korea republic of": "kr",
  "south korea": "kr",
  "united republic of tanzania": "tz",
  "bolivia plurinational state of": "bo",
  "venezuela bolivarian republic of": "ve",
  "viet nam": "vn",
  "lao people s democratic republic": "la",
  "republic of moldova": "md",
  turkey: "tr",
  "cote d ivoire": "ci",
  "ivory coast": "ci",
  "democratic republic of the congo": "cd",
  "congo democratic republic of the": "cd",
  "congo republic of the": "cg",
  congo: "cg",
  "united kingdom of great britain and northern ireland": "gb",
  "great britain": "gb",
  uk: "gb",
  "united states": "us",
  usa: "us",
  "state of palestine": "ps",
  palestine: "ps",
  "occupied palestinian territory": "ps",
  "west bank": "ps",
  gaza: "ps",
  "netherlands kingdom of the": "nl",
  burma: "mm",
  macau: "mo",
  "czech republic": "cz",
  swaziland: "sz",
  "cape verde": "cv",
  "cabo verde": "cv",
  "east timor": "tl",
  "the gambia": "gm",
  "the bahamas": "bs",
  "holy see": "va",
  "north macedonia": "mk",
  macedonia: "mk",
  "the former yugoslav republic of macedonia": "mk",
  "brunei darussalam": "bn",
  "micronesia federated states of": "fm",
  "saint kitts and nevis": "kn",
  afghan: "af",
  iraqi: "iq",
  syrian: "sy",
  yemeni: "ye",
  saudi: "sa",
  egyptian: "eg",
  libyan: "ly",
  tunisian: "tn",
  algerian: "dz",
  moroccan: "ma",
  somali: "so",
  sudanese: "sd",
  pakistani: "pk",
  jordanian: "jo",
  lebanese: "lb",
  kuwaiti: "kw",
  iranian: "ir",
  russian: "ru",
  british: "gb",
  french: "fr",
  german: "de",
  american: "us",
  indonesian: "id",
  filipino: "ph",
  malaysian: "my",
  turkish: "tr",
  chinese: "cn",
};
