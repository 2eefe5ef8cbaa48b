// Redaction rules read from the shape of a passage rather than from the lists of names: e-mail headers, people set
// off after who they are, nicknames, names in lower case, address blocks, and numbers said to be someone's.
import { SURNAMES } from './surnames';

/** What the main rules know of a word, passed in so that this module needs none of theirs. */
export interface NameSense {
	/** Can be part of a person's name: not "Team", "The", "Hospital". */
	nameLike(word: string): boolean;
	/** A first name on the list that is not also a word ("Chloe", not "Grace"). */
	known(word: string): boolean;
	/** A first name on the list, whether or not it is also a word ("Will", "Grace"). */
	firstName(word: string): boolean;
	/** A known surname, seldom anything else ("Morris", "Kowalczyk"). */
	surname(word: string): boolean;
	/** A run of capitalised words that names an organisation, a post or a heading. */
	organisational(run: string): boolean;
}

export interface Find {
	kind: 'name' | 'address' | 'reference' | 'dob' | 'handle';
	start: number;
	end: number;
}

const NAME_PART = String.raw`\p{Lu}\p{Ll}[\p{L}'’]*(?:-\p{Lu}\p{Ll}[\p{L}'’]*)?`;
/** Particles inside a name: "Luísa de Souza", "Imran bin Rashid", "Rhodri ap Gwilym". */
const PARTICLES = String.raw`(?:van der|van den|van|von|de|da|dos|du|di|del|della|le|la|bin|binti|bint|ibn|ap|ab|Ó|Ní|Nic|Mac|Mc|al|el)`;
/** A name of one to four words, particles among them. */
const RUN = String.raw`${NAME_PART}(?: (?:${PARTICLES} )?${NAME_PART}){0,3}`;

/** The people an e-mail is sent to or copied to, one line: "To: Owen; Lakshmi", "Cc: Graham Petts; Rhodri ap Gwilym". */
const HEADER = /^(?:To|Cc|CC|Bcc|BCC)\s*:[ \t]*([^\n]+)$/gmu;
const HEADER_ITEM = new RegExp(String.raw`^(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?(${RUN})$`, 'u');

/**
 * Someone named after who they are, set off by a comma: "a Year 4 boy, Rayyan, who", "A Portuguese-speaking mother,
 * Luísa de Souza, told", "Our interpreters, Semhar Tesfamariam (Tigrinya)". The main rules take a role in the singular
 * after "our" or "the" and a first name on the list; this takes any name set off, after a word for a person.
 */
const PERSON = String.raw`(?:boy|girl|man|woman|lad|lass|mother|father|mum|dad|parent|carer|grandmother|grandfather|teenager|pupil|student|child|baby|toddler|worker|officer|nurse|teacher|mentor|interpreter|translator|liaison|volunteer|counsellor|practitioner|manager|coordinator|co-ordinator|visitor|midwife|doctor|governor|assistant|advocate|caseworker|colleague|neighbour)`;
const SET_OFF = new RegExp(
	String.raw`\b(?:[Aa]n?|[Oo]ur|[Mm]y|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Tt]wo|[Tt]hree|[Oo]ne)\s+(?:[\p{L}\d'’-]+\s+){0,4}?${PERSON}s?$`,
	'u'
);
/** The name after it, read where it starts (after each ", " and a capital: cheaper than starting from every "a"). */
const SET_OFF_NAME = new RegExp(String.raw`(${RUN})(?=,|\s\(|\s(?:and|who)\s)`, 'uy');
/** The word for a person itself, looked up before the expression is tried (most commas follow no such word). */
const PERSON_WORD = new RegExp(String.raw`^${PERSON}s?$`);
/** A name that ends where a cue found after it begins. */
const RUN_BEFORE = new RegExp(String.raw`(?<![\p{L}])(${RUN})$`, 'u');
const IS_PARTICLE = new RegExp(`^${PARTICLES}$`);

/** What someone is called by others: "everyone calls 'Tiggy'", "known to staff as 'Smudge'", "knows him as Tiny". In
 * quotes after "calls" or "known as" ("a process known as Assessment" is not a name); without them only after words
 * that say a person is meant. */
const NICKNAME =
	/(?<![\p{L}])(?:(?:[Cc]alls|[Kk]nown (?:to [\p{L}]+(?: [\p{L}]+)? )?as)\s+['‘"“](\p{Lu}\p{Ll}+)['’"”]|(?:[Cc]all (?:him|her|them)|[Kk]nown to [\p{L}]+(?: [\p{L}]+)? as|[Kk]nows? (?:him|her|them) as)\s+['‘"“]?(\p{Lu}\p{Ll}+)(?:['’"”]|(?=[,.;)]|\s+(?:but|and|at|in|on|to|by)\b)))/uy;
/** A name before a nickname in brackets that says so: "Oluwaseyi Bamidele-Cole (Seyi to everyone here)". */
const BEFORE_NICKNAME = new RegExp(
	String.raw` \((\p{Lu}\p{Ll}+) (?:to (?:everyone|everybody|friends|family|his|her|their|the|us|our|my)|at home|for short)\b`,
	'uy'
);
/** Someone with their spouse or partner: "Jozef Baláž and his wife Helena". */
const WITH_SPOUSE = new RegExp(
	String.raw` [Aa]nd (?:his|her|their) (?:wife|husband|partner|fiancée?|girlfriend|boyfriend)\b`,
	'yu'
);
/** Someone of two names with the writer: "Will Ashdown and I ran the pilot". */
const WITH_ME = / [Aa]nd (?:I|me)\b/y;
const PAIR_BEFORE = /(?<![\p{L}])(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}[\p{L}'’-]*)$/u;
/** Someone who is rung, or to ring: "I rang Dawn at the PCT", "ring Dele on 020 7946 0238". */
const RUNG =
	/(?<![\p{L}-])(?:[Rr]ang|[Rr]ing|[Rr]ung|[Pp]honed|[Pp]hone|[Tt]exted|[Ee]mailed|[Ee]-mailed|[Cc]ontacted)\s+(\p{Lu}\p{Ll}+)(?= on \+?\d| at the\b| at \p{Lu}| (?:from|who)\b)/duy;
/** A name in brackets after a phone number: "Out of hours: 07700 900 990 (Lyndsey)". */
const AFTER_PHONE = new RegExp(String.raw`(?<=(?:\d[ -]?){9,}\d) \((${NAME_PART}(?: ${NAME_PART})?)\)`, 'uy');
/** A child named after "baby" in lower case, as in a list of a family's children: "and baby Mercedes were". */
const BABY = /(?<=\bbaby )(\p{Lu}\p{Ll}+)(?![\p{L}])/gu;

/** A known first name in lower case after a word that a person follows: "taken by sharon on reception", "rang about
 * jordan mcbride"; its surname with it when one on the list follows. */
const LOWER_AFTER =
	/\b(?:by|with|about|from|rang|phoned|told|asked|emailed|texted)(?: about| to)?\s+(?!(?:the|and|our|your|them|this|that|their|his|her|all|any|some|what|how|who|it)\b)(\p{Ll}{3,})(?: (\p{Ll}{3,}))?(?![\p{L}])/gu;
/** A first name in lower case, on the list or not, before a surname in lower case that is: "morag mackinnon". */
const LOWER_PAIR = / \((?:school|social|youth|key|support|family|health)\b/y;
const LOWER_PAIR_BEFORE = /(?<![\p{L}])(\p{Ll}{3,}) (\p{Ll}{3,})$/u;

/** Families by their surname, in the plural and joined: "the Hendersons and the Quayles", "The McDonaghs". */
const PLURAL_SHAPED = /(?<![\p{L}])[Tt]he ((?:Mc|Mac|O['’])\p{Lu}\p{Ll}+s)(?![\p{L}])/gu;
const PLURALS_JOINED =
	/(?<![\p{L}])[Tt]he ((?:Mc|Mac|O['’])?\p{Lu}\p{Ll}+s) and the ((?:Mc|Mac|O['’])?\p{Lu}\p{Ll}+s)(?![\p{L}])/dgu;

/** A house number and street with no kind of street, before a town and a postcode: "15 Ashgrove, Otley LS21 3BB",
 * "16 Glenvale Park, Newry BT34 2XR"; or in lower case ("9 victoria rd oldham ol8 3jq"). */
const POSTCODE = String.raw`(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}|[a-z]{1,2}\d[a-z\d]? ?\d[abd-hjlnp-uw-z]{2})`;
const NUMBER_STREET = new RegExp(
	String.raw`(?<![\w/.,])(\d{1,4}[A-Za-z]?,? (?:\p{Lu}\p{Ll}+ ){0,2}\p{Lu}\p{Ll}+),(?: \p{Lu}\p{Ll}+){1,2},? (?=${POSTCODE}\b)|(?<![\w/.,])(\d{1,4} (?:\p{Ll}+ ){1,2}(?:rd|st|road|street|ave|avenue|lane|close|drive|way|crescent|terrace|grove))\b(?= (?:\p{Ll}+ ){0,2}${POSTCODE}\b)`,
	'gu'
);
/** An address written as a block of short lines above its postcode: "Flat 3\n27 Cromer Road\nNorwich\nNR2 4JT". */
const BLOCK = new RegExp(
	String.raw`((?:^[^\S\n]*(?:\p{Lu}|\d)[^\n,.;:!?]{0,40}\n){2,4})[^\S\n]*${POSTCODE}[^\S\n]*$`,
	'gmu'
);
/** Someone's address up to its postcode: "The grandparents' address is Rowan Cottage, Lower Heath, near Wem, ... SY4 5TF". */
const ADDRESS_OF = new RegExp(
	String.raw`\b\p{L}+['’]s? address (?:is|was)\s+([^.\n]{3,90}?)(?=,? ${POSTCODE}\b)`,
	'dgu'
);
/** A house named where someone stays: "staying at The Cedars, Mill Lane"; "Pitch 12, Oakfield Park". */
const STAYING_AT =
	/(?<![\p{L}])(?:[Ss]taying|[Ll]iving|[Ll]ives|[Ll]ive|[Ll]ived|[Ss]tay|[Ss]tays|[Mm]oved) (?:at|to) ((?:The )?\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?, (?:\p{Lu}\p{Ll}+ ){1,2}(?:Street|Road|Avenue|Lane|Close|Crescent|Terrace|Drive|Way|Gardens|Grove|Place|Court|Walk|Mews|Row|Square))\b/duy;
const PITCH = /\b(?:Pitch|Plot|Berth) \d{1,3}[A-Za-z]?, (?:\p{Lu}\p{Ll}+ ){0,2}\p{Lu}\p{Ll}+/gu;

/** A birth given by month and year: "born August 1993". */
const BORN_MONTH =
	/\b(?:[Bb]orn|DOB|[Dd]ate of birth)(?: in)? ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (?:19|20)\d\d)\b/dgu;
/** A number said to be one, of five digits or more, after "number" or "no." and at most a few words, or in brackets
 * after them: "CRB disclosure number 001234567890", "Hosp. no. 0098 2234 R", "client number on our system (1047733)". */
const NUMBERED =
	/(?<![\p{L}])(?:[Nn]umber|[Nn]o\.|[Nn]um\.?)(?! of\b)(?:\s*[:#]?\s*|[^.\n\d]{0,40}?\()((?=[\d /-]*\d[\d /-]*\d[\d /-]*\d[\d /-]*\d[\d /-]*\d)\d[\d/-]*(?: \d[\d/-]*)*(?: [A-Z](?![\p{L}]))?)(?![\p{L}\d])/uy;
/** A login shaped as one: "user j.mortimer42", "logged in as 'kirsty.b'". */
const LOGIN_SHAPED =
	/(?<![\p{L}])(?:[Uu]ser|[Ll]ogged (?:in|on) as|[Ll]ogs? in as)\s+['‘"“]?(?!(?:e\.g|i\.e)\b)([a-z][a-z0-9]*(?:[._][a-z0-9]+)+|[a-z]+\d{2,})(?![\w@])/uy;
/** A number plate in lower case, near a word about a vehicle: "The vehicle (lx03fhw)". */
const PLATE_LOWER = /(?<![\w])[a-z]{2}\d{2} ?[a-z]{3}(?![\w])/g;
/** A single initial and a surname in capitals, in a list: "R. OYELARAN (SW), T. MACKENZIE (HV)". */
const INITIAL_UPPER = /[A-Z]\. ([A-Z]{3,}(?:-[A-Z]{2,})?)(?=\s*[(,;\n]|$)/y;

const cap = (w: string) => w[0] + w.slice(1).toLowerCase();

/** Whether "the ...s and the " is followed by a capital somewhere, as a family named in the plural would be. */
function joinedPlural(text: string): boolean {
	for (let i = text.indexOf('s and the '); i >= 0; i = text.indexOf('s and the ', i + 10)) {
		const c = text[i + 10] ?? '';
		if (c !== c.toLowerCase()) return true;
	}
	return false;
}

/** Surnames that are also words for places, which the main rules take for a place's name after a first name ("Grace
 * Hall", "Lee Park"); here they are a surname where only a person fits around them. */
const PLACE_SURNAMES = new Set(
	'Hall Park Church Ward Bishop Street Lane Hill Wood Field Green Marsh Brook Brooks Bridge Heath Dean Cross Chapel Moss Wells Banks Fields Woods Moor House Garden Gardens Castle'.split(
		' '
	)
);
/** What only a person fits: a role after the name ("Grace Hall, the school nurse"), or a relation before it ("her
 * partner Lee Park"). */
const ROLE_AFTER = new RegExp(
	String.raw`,? (?:(?:the|our|a|an|my|their|his|her) )?(?:[\p{L}-]+ ){0,3}?${PERSON}s?\b`,
	'uy'
);
const KIN_BEFORE =
	/\b(?:his|her|my|our|their) (?:partner|husband|wife|boyfriend|girlfriend|son|daughter|brother|sister|mum|dad|mother|father|friend|nan|gran|aunt|uncle|cousin) $/;

/** Where group i of a match starts (the expressions that use it have the "d" flag). */
const at = (m: RegExpExecArray, i: number) => m.indices![i]![0];
/** Whether a run of capitalised words can be a person's name. */
const person = (sense: NameSense, run: string) =>
	run.split(' ').every((w) => IS_PARTICLE.test(w) || sense.nameLike(w)) && !sense.organisational(run);
/** The name just before `end`, if a person's. */
function runBefore(text: string, sense: NameSense, end: number): string | undefined {
	const r = RUN_BEFORE.exec(text.slice(Math.max(0, end - 60), end))?.[1];
	return r && person(sense, r) ? r : undefined;
}

/** The matches of a sticky expression, tried only where its cue was found. */
function* where(text: string, starts: number[], re: RegExp): Generator<RegExpExecArray> {
	for (const i of starts) {
		re.lastIndex = i;
		const m = re.exec(text);
		if (m) yield m;
	}
}

/**
 * The cues of the rules here, looked for in the main rules' one pass over the lower-case copy (CUES in redact.ts, whose
 * first four groups are its own): a pass of their own, or a search for each cue, cost more than the rules. Each group
 * is one rule's, and where it was found is handed to `moreNames`, which tries its rule only there.
 */
export const MORE_CUES = String.raw`\b(?:(known|calls|call (?:him|her|them)|knows? (?:him|her|them))\b|(ring|rung|phone|contacted|e-mailed)\b|((?:stay(?:s|ing)?|li(?:ve[sd]?|ving)) at|moved to)\b|(user|logged|logs? in)\b)| and (?:((?:his|her|their) )|((?:i|me)\b))|\b(baby |the (?:mc|mac|o['’])|pitch |plot |berth |born|dob\b|date of birth|(?:reg|plate|car|van|vehicle|motorbike|taxi)\b)`;
/** The places of each cue: by rule, the index of its group in CUES less 5 (the main rules' groups and the match's). */
const NICK = 0;
const RING = 1;
const STAY = 2;
const USER = 3;
const SPOUSE = 4;
const WITH_I = 5;
const RARE = 6;
const NUMBER = 7;
export type Places = number[][];
export const cuePlaces = (): Places => [[], [], [], [], [], [], [], []];
/** Notes where a match of CUES is a cue of a rule here; the main rules' cues for a number (group 1) and for speech
 * (group 4: "rang", "phoned") serve here too. */
export function noteCue(m: RegExpExecArray, places: Places): void {
	if (m[1] && m[1] !== 'ref' && m[1] !== 'id') places[NUMBER].push(m.index);
	else if (m[4]) {
		if (/^(?:rang|phoned|texted|emailed)$/.test(m[4])) places[RING].push(m.index);
	} else for (let i = 0; i < 7; i++) if (m[5 + i] !== undefined) places[i].push(m.index);
}

/** What the main rules found out about a text already: whether it has a digit and a postcode, and where the cues are. */
export interface Seen {
	digits: boolean;
	postcode: boolean;
	places: Places;
	/** Each capitalised word with the one after it (CAPITALISED in redact.ts). */
	pairs: RegExpExecArray[];
}

export function moreNames(text: string, lower: string, sense: NameSense, seen: Seen): Find[] {
	const out: Find[] = [];
	// Helpers are functions of the module, not closures made on each call (which cost more than some of the rules).
	const add = (kind: Find['kind'], start: number, end: number) => out.push({ kind, start, end });
	if (text.includes(';') && (text.includes('To:') || text.includes('Cc:') || text.includes('CC:')))
		for (const m of text.matchAll(HEADER)) {
			const line = m[1];
			// Only a list: items set apart by semicolons ("To: Owen; Lakshmi"), not "To: all staff".
			if (!line.includes(';')) continue;
			let from = m.index + m[0].indexOf(line);
			for (const item of line.split(';')) {
				const lead = item.length - item.trimStart().length;
				const it = HEADER_ITEM.exec(item.trim());
				if (it && person(sense, it[1]))
					add(
						'name',
						from + lead + item.trim().indexOf(it[1]),
						from + lead + item.trim().indexOf(it[1]) + it[1].length
					);
				from += item.length + 1;
			}
		}
	for (let comma = text.indexOf(', '); comma >= 0; comma = text.indexOf(', ', comma + 2)) {
		const start = comma + 2;
		const next = text[start] ?? '';
		if (
			next === next.toLowerCase() ||
			!PERSON_WORD.test(text.slice(text.lastIndexOf(' ', comma - 1) + 1, comma))
		)
			continue;
		if (!SET_OFF.test(text.slice(Math.max(0, comma - 80), comma))) continue;
		SET_OFF_NAME.lastIndex = start;
		const m = SET_OFF_NAME.exec(text);
		// Two words or more only when a first name or a surname on the lists, or a particle, says it is a name: not
		// "Our volunteers, Age Concern and others".
		if (!m) continue;
		const words = m[1].split(' ');
		const named =
			words.length === 1 ||
			sense.firstName(words[0]) ||
			sense.surname(words[words.length - 1]) ||
			words.some((w) => IS_PARTICLE.test(w));
		if (named && person(sense, m[1])) add('name', start, start + m[1].length);
	}
	for (const m of where(text, seen.places[NICK], NICKNAME)) {
		const name = m[1] ?? m[2];
		if (sense.nameLike(name))
			add('name', m.index + m[0].lastIndexOf(name), m.index + m[0].lastIndexOf(name) + name.length);
	}
	// The rules on what stands in brackets are tried at each " (" (most texts have few).
	for (let open = text.indexOf(' ('); open >= 0; open = text.indexOf(' (', open + 2)) {
		BEFORE_NICKNAME.lastIndex = open;
		const run = BEFORE_NICKNAME.test(text) ? runBefore(text, sense, open) : undefined;
		if (run) add('name', open - run.length, open);
		AFTER_PHONE.lastIndex = open;
		const phone = /\d/.test(text[open - 1]) ? AFTER_PHONE.exec(text) : null;
		if (phone && person(sense, phone[1])) add('name', open + 2, open + 2 + phone[1].length);
		LOWER_PAIR.lastIndex = open;
		const pair = LOWER_PAIR.test(text)
			? LOWER_PAIR_BEFORE.exec(text.slice(Math.max(0, open - 40), open))
			: null;
		if (pair && (SURNAMES.has(pair[2]) || (sense.known(pair[1]) && /^(?:mc|mac|o')/.test(pair[2]))))
			add('name', open - pair[0].length, open);
	}
	for (const m of where(text, seen.places[SPOUSE], WITH_SPOUSE)) {
		// One word only where a sentence or a clause begins: "Jozef and his wife", not "Mother and her partner".
		const run = runBefore(text, sense, m.index);
		const from = m.index - (run?.length ?? 0);
		if (
			run &&
			(run.includes(' ') || from === 0 || /[.!?,;:]\s*$/.test(text.slice(Math.max(0, from - 3), from)))
		)
			add('name', from, m.index);
	}
	for (const c of where(text, seen.places[WITH_I], WITH_ME)) {
		const m = PAIR_BEFORE.exec(text.slice(Math.max(0, c.index - 50), c.index));
		if (m && sense.firstName(m[1]) && person(sense, m[2])) add('name', c.index - m[0].length, c.index);
	}
	// A first name, or anyone whose number is given ("ring Dele on 020 ..."); not "rang Leeds at the time".
	for (const m of where(text, seen.places[RING], RUNG))
		if (
			person(sense, m[1]) &&
			(sense.firstName(m[1]) ||
				/ on \+?\d/y.test(text.slice(at(m, 1) + m[1].length, at(m, 1) + m[1].length + 6)))
		)
			add('name', at(m, 1), at(m, 1) + m[1].length);
	const rare = seen.places[RARE].length > 0;
	if (rare && text.includes('baby '))
		for (const m of text.matchAll(BABY)) if (person(sense, m[1])) add('name', m.index, m.index + m[1].length);
	for (const m of lower === text ? text.matchAll(LOWER_AFTER) : [])
		if (sense.known(m[1])) {
			// Without indices (which cost an expression its fast paths): the name and its surname end the match.
			const start = m.index + m[0].length - (m[2] ? m[1].length + 1 + m[2].length : m[1].length);
			add('name', start, m[2] && sense.surname(m[2]) ? m.index + m[0].length : start + m[1].length);
		}
	if (rare && ['he Mc', 'he Mac', "he O'", 'he O’'].some((c) => text.includes(c)))
		for (const m of text.matchAll(PLURAL_SHAPED)) add('name', m.index + 4, m.index + 4 + m[1].length);
	if (joinedPlural(text))
		for (const m of text.matchAll(PLURALS_JOINED)) {
			// Joined to a family on the list of surnames, a plural is a family too ("the Hendersons and the Quayles").
			const stem = (w: string) => w.replace(/e?s$/, '');
			if (
				[m[1], m[2]].some(
					(w) => sense.surname(stem(w)) || sense.surname(w.slice(0, -1)) || /^(?:Mc|Mac|O['’])\p{Lu}/u.test(w)
				) &&
				[m[1], m[2]].every((w) => sense.nameLike(w))
			)
				for (const i of [1, 2]) add('name', at(m, i), at(m, i) + m[i].length);
		}
	if (seen.digits) {
		// The addresses below end in a postcode, which the main rules have looked for.
		if (seen.postcode)
			for (const m of text.matchAll(NUMBER_STREET)) add('address', m.index, m.index + (m[1] ?? m[2]).length);
		if (seen.postcode && text.includes('\n'))
			for (const m of text.matchAll(BLOCK)) {
				// Each line of the block that is not already a name: the first may be the person's ("Mrs Eleri Jenkins").
				const lines = m[1].split('\n').filter(Boolean);
				if (lines.some((l) => l.split(' ').length > 5)) continue;
				let from = m.index;
				for (const l of lines) {
					if (!/^(?:Mr|Mrs|Ms|Miss|Dr)\b/.test(l.trim())) add('address', from, from + l.length);
					from += l.length + 1;
				}
			}
		if (seen.postcode && lower.includes('address'))
			for (const m of text.matchAll(ADDRESS_OF)) add('address', at(m, 1), at(m, 1) + m[1].length);
		if (rare && ['Pitch ', 'Plot ', 'Berth '].some((c) => text.includes(c)))
			for (const m of text.matchAll(PITCH)) add('address', m.index, m.index + m[0].length);
		if (rare && ['born', 'dob', 'date of birth'].some((c) => lower.includes(c)))
			for (const m of text.matchAll(BORN_MONTH)) add('dob', at(m, 1), at(m, 1) + m[1].length);
		for (const m of where(text, seen.places[NUMBER], NUMBERED))
			if (!/^(?:19|20)\d\d(?:[/-]\d\d)?$/.test(m[1]))
				add('reference', m.index + m[0].length - m[1].length, m.index + m[0].length);
		if (rare && /\b(?:reg|plate|car|van|vehicle|motorbike|taxi)\b/.test(lower))
			for (const m of text.matchAll(PLATE_LOWER)) add('reference', m.index, m.index + m[0].length);
	}
	for (const m of where(text, seen.places[STAY], STAYING_AT))
		add('address', at(m, 1), at(m, 1) + m[1].length);
	for (const m of where(text, seen.places[USER], LOGIN_SHAPED))
		add('handle', m.index + m[0].length - m[1].length, m.index + m[0].length);
	// Tried at each ". " after a capital; not a second initial ("A. H. PENNINGTON", which the main rules take) nor
	// the end of a word.
	for (let dot = text.indexOf('. ', 1); dot > 0; dot = text.indexOf('. ', dot + 2)) {
		if (!/[A-Z]/.test(text[dot - 1]) || /[\p{L}.]/u.test(text[dot - 2] ?? '')) continue;
		INITIAL_UPPER.lastIndex = dot - 1;
		const m = INITIAL_UPPER.exec(text);
		if (
			m &&
			sense.nameLike(cap(m[1])) &&
			(sense.surname(m[1]) || /^\s*\(/.test(text.slice(m.index + m[0].length)))
		)
			add('name', m.index, m.index + m[0].length);
	}
	for (const m of seen.pairs) {
		if (!m[2] || !PLACE_SURNAMES.has(m[2]) || !sense.firstName(m[1]) || !sense.nameLike(m[1])) continue;
		const end = m.index + m[1].length + 1 + m[2].length;
		ROLE_AFTER.lastIndex = end;
		if (ROLE_AFTER.test(text) || KIN_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index)))
			add('name', m.index, end);
	}
	return out;
}
