/**
 * Arabic names for synthetic profiles: each entry is the original-script form followed by the Latin
 * spellings lists and passports use for it, so generated records carry real cross-script and
 * transliteration variants (faker's Arabic locale has only the Arabic script).
 */
export interface ArabicName {
  arabic: string;
  latin: readonly [string, ...string[]];
}

const n = (arabic: string, ...latin: [string, ...string[]]): ArabicName => ({ arabic, latin });

export const ARABIC_MALE_GIVEN: readonly ArabicName[] = [
  n("محمد", "Mohammed", "Muhammad", "Mohamed", "Mohammad"),
  n("أحمد", "Ahmed", "Ahmad"),
  n("علي", "Ali"),
  n("عمر", "Omar", "Umar"),
  n("عبد الله", "Abdullah", "Abdallah", "Abd Allah"),
  n("عبد الرحمن", "Abdul Rahman", "Abdelrahman", "Abdurrahman"),
  n("خالد", "Khalid", "Khaled"),
  n("حسن", "Hassan", "Hasan"),
  n("حسين", "Hussein", "Husayn", "Hussain"),
  n("يوسف", "Youssef", "Yusuf", "Yousef"),
  n("إبراهيم", "Ibrahim", "Ebrahim"),
  n("مصطفى", "Mustafa", "Mostafa"),
  n("محمود", "Mahmoud", "Mahmud"),
  n("سعيد", "Saeed", "Said"),
  n("طارق", "Tariq", "Tarek"),
  n("كريم", "Karim", "Kareem"),
  n("بلال", "Bilal"),
  n("حمزة", "Hamza", "Hamzah"),
  n("أنس", "Anas"),
  n("زياد", "Ziad", "Ziyad"),
  n("فيصل", "Faisal", "Faysal"),
  n("وليد", "Walid", "Waleed"),
  n("جمال", "Jamal", "Gamal"),
  n("ناصر", "Nasser", "Nasir"),
  n("سالم", "Salim", "Salem"),
  n("عبد العزيز", "Abdelaziz", "Abdul Aziz"),
  n("إسماعيل", "Ismail", "Ismael"),
  n("ياسين", "Yasin", "Yassine"),
  n("عادل", "Adel", "Adil"),
  n("سليمان", "Suleiman", "Sulayman", "Slimane"),
];

export const ARABIC_FEMALE_GIVEN: readonly ArabicName[] = [
  n("فاطمة", "Fatima", "Fatimah", "Fatma"),
  n("عائشة", "Aisha", "Aicha", "Ayesha"),
  n("مريم", "Maryam", "Mariam"),
  n("خديجة", "Khadija", "Khadijah"),
  n("زينب", "Zainab", "Zeinab"),
  n("نور", "Noor", "Nour"),
  n("ليلى", "Layla", "Leila"),
  n("أمينة", "Amina", "Aminah"),
  n("هدى", "Huda", "Hoda"),
  n("سميرة", "Samira", "Samirah"),
  n("سلمى", "Salma"),
  n("أسماء", "Asma", "Asmaa"),
  n("ياسمين", "Yasmin", "Yasmine"),
];

export const ARABIC_FAMILY: readonly ArabicName[] = [
  n("المصري", "Al-Masri", "Elmasry", "al Masri"),
  n("الزهراني", "Al-Zahrani", "Alzahrani"),
  n("حداد", "Haddad"),
  n("خليل", "Khalil"),
  n("منصور", "Mansour", "Mansur"),
  n("حمدان", "Hamdan"),
  n("الشامي", "Al-Shami", "Elshami"),
  n("العراقي", "Al-Iraqi", "Iraqi"),
  n("صالح", "Saleh", "Salih"),
  n("عباس", "Abbas"),
  n("قاسم", "Qasim", "Kassem", "Qassem"),
  n("درويش", "Darwish", "Derwich"),
  n("الهاشمي", "Al-Hashimi", "Hachemi"),
  n("عثمان", "Othman", "Uthman", "Osman"),
  n("بركات", "Barakat"),
  n("التونسي", "Al-Tunisi", "Tounsi"),
  n("جابر", "Jaber", "Jabir"),
  n("رشيد", "Rashid", "Rachid"),
  n("عزيز", "Aziz"),
  n("حمد", "Hamad"),
  n("الأحمد", "Al-Ahmad", "Alahmad"),
  n("بن علي", "Ben Ali", "Bin Ali"),
  n("الحسيني", "Al-Husseini", "Husseini"),
  n("العبيدي", "Al-Obaidi", "Al-Ubaydi"),
  n("الدوري", "Al-Douri", "Al-Duri"),
  n("بوزيد", "Bouzid", "Bu Zayd"),
];

/** Birth places by nationality for Arabic-named profiles, in the Latin form documents print. */
export const ARAB_CITIES: Record<string, readonly string[]> = {
  sy: ["Damascus", "Aleppo", "Homs", "Deir ez-Zor"],
  iq: ["Baghdad", "Mosul", "Basra", "Fallujah"],
  sa: ["Riyadh", "Jeddah", "Dammam"],
  ly: ["Tripoli", "Benghazi", "Derna"],
  tn: ["Tunis", "Sfax", "Bizerte", "Ben Guerdane"],
  eg: ["Cairo", "Alexandria", "Giza"],
  jo: ["Amman", "Zarqa", "Irbid"],
  ma: ["Casablanca", "Tangier", "Fez"],
  dz: ["Algiers", "Oran", "Constantine"],
  lb: ["Beirut", "Tripoli", "Sidon"],
  ye: ["Sanaa", "Aden", "Taiz"],
};
