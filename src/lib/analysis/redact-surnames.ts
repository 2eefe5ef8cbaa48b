// Redaction rules that lean on the list of surnames: names whose first name is not on the list of first names.
import { AMBIGUOUS_SURNAMES, SURNAMES } from './surnames';

/** What the main rules know of a word, passed in so that this module needs none of theirs. */
export interface WordSense {
	/** Can be part of a person's name: not "Team", "The", "Hospital". */
	nameLike(word: string): boolean;
	/** A first name on the list, whether or not it is also a word. */
	firstName(word: string): boolean;
	/** A first name that is also a word ("Grace", "Will"). */
	ambiguousFirst(word: string): boolean;
}

export interface Span {
	start: number;
	end: number;
}

const plain = (word: string) => word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** A surname on the list that is seldom anything else; in a double-barrelled one, either part ("Clarke-Williams"). */
export function surname(word: string): boolean {
	const w = plain(word);
	if (SURNAMES.has(w) && !AMBIGUOUS_SURNAMES.has(w)) return true;
	const parts = w.split('-');
	return (
		parts.length === 2 &&
		parts.every((p) => p.length > 1) &&
		parts.some((p) => SURNAMES.has(p) && !AMBIGUOUS_SURNAMES.has(p))
	);
}

/** On the list at all, words among them: "Milton Keynes" and "Preston Hayes" are two of them, not a name. */
const anySurname = (word: string) => {
	const w = plain(word);
	return SURNAMES.has(w) || AMBIGUOUS_SURNAMES.has(w);
};

/**
 * Capitalised words that stand before a surname without being a first name: greetings and headers ("Dear Patel",
 * "Cc Morris"), titles the main rules do not list, days, months, and the first words of places and things named after
 * someone ("Castle Douglas", "Market Drayton", "Victoria Cross").
 */
const NOT_BEFORE_A_SURNAME = new Set(
	`Dear Hi Hello Hiya Thanks Ask Tell Call Contact See Read Meet Per Via Re Fw Fwd Cc Bcc To From Subject Sent Date
Regarding Attn Attention Minister Judge Justice Lady Lord Saint St Doctor Chief Chairman Baroness Baron Earl Duke
Viscount Cardinal Archbishop Bishop Brother Sister Mother Auntie Cousin Dame Sir Sergeant President Governor Mayor
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September
October November December Castle Market Chipping Kings Kirkby Bishops Abbots Port Fort Mount Long Great Little Upper
Lower Nether Higher Much East West North South New Old Central Royal General Regional Local National Queen King
Prince Princess Victoria Albert Elizabethan Victorian Edwardian Tudor Georgian Stuart Norman Saxon Roman Greek
English Welsh Scottish Irish British European American African Asian Caribbean Indian Pakistani Polish Chinese Dow
Memorial Professorial Annual Professor Mr Mrs Ms Miss Dr Rev Cllr Councillor Inspector Constable Detective Nurse
Later Then Now Today Yesterday Tomorrow Tonight Afterwards Eventually Finally First Second Third Next Last Meanwhile
Perhaps Maybe Anyway Still Even Only Just Both Either Neither Unless Until While Whilst Although Though Because
Since After Before During Once Like Unlike Despite Without Within Among Between Against Towards Toward Under Over
Above Below Near Behind Beyond Except Given Thus Hence Indeed Instead Otherwise Overall Again Often Sometimes Never
Always Ever Soon Quite Rather Too Many Most More Less Few Several Another Other Such Which Whose Whom Whoever
Whatever Please Sorry Well Oh Nor Yet Unfortunately Sadly Luckily Thankfully Hopefully Here There Where Why How
Apparently Obviously Clearly Certainly Surely Actually Basically Generally Whether Whenever Wherever Poor Young Big
Baby Told Asked Thank Thanked Called Send Let Help Helped Invite Invited Contacted Copy Copied Include Included Page
Item Note Notes Minute Minutes Section Paragraph Para Annex Appendix Question Answer Response Respondent Agree
Disagree Yes No Not Ok Okay Sincerely`.split(/\s+/)
);

/** Words after a surname that make it the name of a firm, a place or a thing: "Patel Associates", "Morris Trust". */
const AFTER_A_SURNAME = new Set(
	`Associates Solicitors Partners Partnership Ltd Limited Group Chambers Pharmacy Chemists Opticians Dental Surgery
Practice Foundation Trust Trustees Lecture Report Review Reforms Inquiry Act Award Awards Prize Fund Memorial Centre
Building Buildings House Hall Library Way Road Street Estate Park Court Ward Wing Unit Clinic Hospital School Academy
College University Institute Society Fellowship Scholarship Test Scale Index Principles Guidelines Rules Model
Method Framework Family Families Homes Care Cross Medal Gardens Square Bridge Tower Centre Stadium Arena`.split(
		/\s+/
	)
);

/** Whether the word after `end` makes a surname before it a firm's, a place's or a thing's: "Keane Associates". */
export function firmAfter(text: string, end: number): boolean {
	const next = /^ (\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(end, end + 30))?.[1];
	return next !== undefined && AFTER_A_SURNAME.has(next);
}

/** A word shaped like an ordinary English word, not a name: "Supporting", "Trusted", "Generally", "Assessment". */
const WORD_SHAPED =
	/(?:ing|ed|ly|tion|sion|ment|ness|ity|ism|ist|ists|ers|ies|ive|ous|ful|less|able|ible|ship|hood|ward|wards)$/;

/** Whether a capitalised word may be a surname the list lacks: not a word on it that is also a word, nor one shaped like
 * an ordinary word. */
export function mayBeSurname(word: string): boolean {
	return (
		/^(?:O['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(word) &&
		!AMBIGUOUS_SURNAMES.has(plain(word)) &&
		!NOT_BEFORE_A_SURNAME.has(word) &&
		!WORD_SHAPED.test(word)
	);
}

/** Whether a capitalised word before a surname can be a first name that the list of first names lacks. */
function unknownFirst(word: string, sense: WordSense): boolean {
	return (
		/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(word) &&
		word.length >= 2 &&
		sense.nameLike(word) &&
		!NOT_BEFORE_A_SURNAME.has(word) &&
		!anySurname(word) &&
		!WORD_SHAPED.test(word)
	);
}

/** Surnames that come first, as in Chinese and Vietnamese names: "Nguyen Thi Lan", "Li Na Zhang". */
const SURNAME_FIRST = new Set(
	'nguyen tran pham hoang huynh phan vo bui duong ngo truong dinh zhang wang li liu chen huang zhao wu zhou xu zhu lin luo zheng liang xie deng cao peng zeng xiao tian jiang cheng shen yao chan cheung wong leung lau tsang yip kwok tse yeung fung chung choi'.split(
		' '
	)
);

/**
 * Names found by their surname, from the pairs of capitalised words (each word with the word after it): an unknown
 * first name and a known surname ("Tendekai Morris"), a first name that is also a word and a known surname ("Grace
 * Okafor"), and a surname that comes first ("Nguyen Thi Lan"). Not a firm or a place named after someone ("Patel
 * Associates", "Milton Keynes"), nor a run of capitalised words that names a thing ("the Frank Field Report").
 */
export function byKnownSurname(text: string, pairs: RegExpExecArray[], sense: WordSense): Span[] {
	const out: Span[] = [];
	for (const m of pairs) {
		const first = m[1];
		const second = m[2];
		if (!second) continue;
		const start = m.index!;
		const end = start + first.length + 1 + second.length;
		// "Patel Associates", "Morris Trust Fund": the next word makes it a firm's or a place's.
		const next = /^ (\p{Lu}[\p{L}'’-]*)/u.exec(text.slice(end, end + 30))?.[1];
		if (next && (AFTER_A_SURNAME.has(next) || !sense.nameLike(next))) continue;
		// "the Tendekai Morris" is rare; "the Bichard Inquiry", "the Morris Dancers" are things.
		if (/(?:^|[^\p{L}])(?:the|The) $/u.test(text.slice(Math.max(0, start - 5), start))) continue;
		if (
			SURNAME_FIRST.has(plain(first)) &&
			/^\p{Lu}\p{Ll}{1,6}$/u.test(second) &&
			sense.nameLike(second) &&
			!anySurname(second)
		) {
			out.push({ start, end });
			continue;
		}
		if (!surname(second.replace(/['’]s$/, '')) || !sense.nameLike(second.replace(/['’]s$/, ''))) continue;
		// "Xiaoling Chen": before a surname that comes first at home, "-ing" ends a first name, not a verb.
		const chinese =
			SURNAME_FIRST.has(plain(second)) &&
			/^\p{Lu}\p{Ll}+$/u.test(first) &&
			!NOT_BEFORE_A_SURNAME.has(first) &&
			sense.nameLike(first);
		if (sense.ambiguousFirst(first) || (!sense.firstName(first) && (unknownFirst(first, sense) || chinese)))
			out.push({ start, end });
	}
	return out;
}

/** A family by its surname in the plural: "the Okafors", "the Kowalczyks", "the Joneses", "the Brennan-Fitzgeralds". */
const PLURAL =
	/(?<![\p{L}])[Tt]he ((?:O['’])?\p{Lu}\p{Ll}[\p{L}'’]*(?:-\p{Lu}\p{Ll}[\p{L}'’]*)?)(?:es|s)['’]?(?![\p{L}])/gu;

export function pluralSurnames(text: string): Span[] {
	const out: Span[] = [];
	PLURAL.lastIndex = 0;
	for (let m = PLURAL.exec(text); m; m = PLURAL.exec(text)) {
		const stem = m[1];
		const word = /^\S+\s(\S+?)['’]?$/u.exec(m[0])![1];
		// "the Joneses" is "Jones" and "es"; "the Patels" is "Patel" and "s".
		if (surname(stem) || (word.endsWith('es') && surname(word.slice(0, -2))))
			out.push({ start: m.index! + 4, end: m.index! + 4 + word.length });
	}
	return out;
}

/** A title in lower case before a known surname, as young people write: "miss kowalczyk", "ms begum", "sir patel". */
const TITLE_LOWER = /(?<![\p{L}])(?:miss|ms|mr|mrs|sir) (\p{Ll}[\p{Ll}'’-]+)(?![\p{L}])/gu;

export function lowerTitled(lower: string, text: string): Span[] {
	const out: Span[] = [];
	if (!/\b(?:miss|ms|mrs?|sir) /.test(lower)) return out;
	TITLE_LOWER.lastIndex = 0;
	for (let m = TITLE_LOWER.exec(text); m; m = TITLE_LOWER.exec(text))
		if (surname(m[1])) out.push({ start: m.index! + m[0].length - m[1].length, end: m.index! + m[0].length });
	return out;
}
