// Stage 6: redaction of personal data in anything that may be published: email addresses, UK phone numbers,
// postcodes, people named with a title or role, and first names (children's included) where they can be detected.
import { AMBIGUOUS_NAMES, FIRST_NAMES } from './names';

export type RedactionKind = 'email' | 'phone' | 'nhs' | 'postcode' | 'name';

export interface Redaction {
	kind: RedactionKind;
	start: number;
	end: number;
}

export interface Redacted {
	text: string;
	redactions: Redaction[];
}

export const PLACEHOLDER: Record<RedactionKind, string> = {
	email: '[email removed]',
	phone: '[phone number removed]',
	nhs: '[NHS number removed]',
	postcode: '[postcode removed]',
	name: '[name removed]'
};

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const PHONE = /(?<![\w/])(?:(?:\+|00)44\s?\(?0?\)?\s?|\(?0)\d{2,5}\)?(?:[\s-]?\d){5,8}(?![\w/])/g;
/** Ten digits grouped 3-3-4, as NHS numbers are written; kept only if the check digit is right. */
const NHS_NUMBER = /(?<![\w/.-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w/-])/g;
const POSTCODE = /\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi;
/** An outward code alone after a place name, as in "Kidderminster DY10". */
const DISTRICT = /\b(?<=[A-Z][a-z]+,? )[A-Z]{2}\d{1,2}\b/g;
const TITLE = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sister|Nurse|Rev|Reverend|Father|PC|DC|DS|DI|DCI|Sgt|Sergeant|Inspector|Cllr|Councillor)`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’-]+`;
const TITLED = new RegExp(String.raw`(?<![\p{L}])(?:${TITLE}\.? )+(?:[A-Z]\.? )?(${NAME_WORD})(?: ${NAME_WORD})?`, 'gu');
/** Capitalised words that follow a title as part of a job or a thing, not a name: "Nurse Practitioners", "PC World". */
const NOT_A_NAME = new Set(
	'Practitioner Practitioners Prescriber Prescribers Specialist Specialists Consultant Consultants Manager Managers Team Teams Lead Leads Training Days Day World Service Services Adviser Advisers Advisor Advisors Education Network Forum Meeting Meetings Station Unit Ward Bank Staff Students Student Group Groups'.split(
		' '
	)
);
const CAPITALISED = new RegExp(String.raw`(?<![\p{L}])${NAME_WORD}(?: ${NAME_WORD})?`, 'gu');
/** A name given to someone ("a boy I'll call Jamie"), not a word run on into another ("call ChildLine"). Not a name
 * when the next word names a service or scheme ("called Sure Start", "call Social Services"): `AFTER_CALLED`. */
const CALLED = /\b(?:called|named|call|calling|call him|call her)\s+(\p{Lu}\p{Ll}[\p{Ll}'’-]*)(?![\p{L}])(?: (\p{Lu}\p{Ll}[\p{L}'’-]*))?/dgu;
const AFTER_CALLED = new Set('Services Service Start Line Point Team Board Partnership Scheme Network Direct Online Care Protection Support Health Agency Office'.split(' '));
/** A child or relative named after who they are: "my son Rhodri", "our foster child, Kai,". */
const KIN = /\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:foster|adopted|eldest|youngest|older|younger)\s+)?(?:son|daughter|child|grandson|granddaughter|nephew|niece|stepson|stepdaughter|boy|girl|pupil|baby|toddler|teenager)\s*,?\s+(\p{Lu}\p{Ll}[\p{Ll}'’-]*)(?![\p{L}])/dgu;
/** Capitalised words that follow "our child" and the like as the start of a term, not a name: "our child Protection
 * procedures". */
const KIN_NOT_A_NAME = new Set('Protection Care Health Development Poverty Welfare Support Services Minding Benefit Tax Trust Guidance'.split(' '));
/** Someone with their age: "Zainab, aged 14", "Kai, 15,". */
const WITH_AGE = /(?<![\p{L}])(\p{Lu}\p{Ll}[\p{Ll}'’-]*),\s(?:aged\s\d{1,2}\b|\d{1,2},)/dgu;
/** A first name that is also a word, followed by where they are from: "Mark from the YOT". */
const FROM_THE = /(?<![\p{L}])(\p{Lu}[\p{Ll}]+) from the (?:\p{Lu}|local|school|team|nursery|surgery|practice|council)/dgu;
/** Capitalised words that begin organisation and place names, so "Grace Academy" or "Sam's Club" are not people. */
const NOT_A_SURNAME = new Set(
	'Street Road Academy School Primary House Centre Council Trust Hospital Project Court Lane Close Station Club Square Park Place Way Gardens Estate College University Surgery Practice Clinic Ward Unit Avenue Drive Hall Infirmary Foundation Children'.split(
		' '
	)
);

/** The NHS number check: the first nine digits weighted 10 down to 2, and 11 less the sum modulo 11 is the tenth. */
export function isNhsNumber(digits: string): boolean {
	if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
	let sum = 0;
	for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
	const check = 11 - (sum % 11);
	return check !== 10 && (check === 11 ? 0 : check) === Number(digits[9]);
}

function collect(text: string): Redaction[] {
	const found: Redaction[] = [];
	const add = (kind: RedactionKind, start: number, end: number) => found.push({ kind, start, end });
	for (const m of text.matchAll(EMAIL)) add('email', m.index!, m.index! + m[0].length);
	for (const m of text.matchAll(PHONE)) {
		// +44 (0)20 ..., 0044 20 ...: the country code and a bracketed 0 stand for the one leading 0.
		let digits = m[0].replace(/\D/g, '');
		if (/^(?:00)?44/.test(digits)) digits = '0' + digits.replace(/^(?:00)?44/, '').replace(/^0/, '');
		// "(0161 496 0123)": the opening bracket belongs to the sentence, not the number.
		const start = m[0].startsWith('(') && !m[0].includes(')') ? m.index! + 1 : m.index!;
		if (digits.length >= 10 && digits.length <= 11) add('phone', start, m.index! + m[0].length);
	}
	for (const m of text.matchAll(NHS_NUMBER)) if (isNhsNumber(m[0].replace(/\D/g, ''))) add('nhs', m.index!, m.index! + m[0].length);
	for (const m of text.matchAll(POSTCODE)) {
		// In lower case only where the whole postcode is ("m1 1ae"), not a mix such as "is 2nd".
		if (m[0] === m[0].toUpperCase() || m[0] === m[0].toLowerCase()) add('postcode', m.index!, m.index! + m[0].length);
	}
	for (const m of text.matchAll(DISTRICT)) add('postcode', m.index!, m.index! + m[0].length);
	for (const m of text.matchAll(TITLED)) if (!NOT_A_NAME.has(m[1])) add('name', m.index!, m.index! + m[0].length);
	const group1 = (m: RegExpMatchArray) => {
		const [start, end] = m.indices![1]!;
		add('name', start, end);
	};
	for (const m of text.matchAll(CALLED)) {
		if (AFTER_CALLED.has(m[2] ?? '') || NOT_A_SURNAME.has(m[2] ?? '')) continue;
		// A surname after the name goes with it ("called Zainab Ahmed").
		add('name', m.indices![1]![0], m.indices![m[2] ? 2 : 1]![1]);
	}
	for (const m of text.matchAll(KIN)) if (!NOT_A_SURNAME.has(m[1]) && !KIN_NOT_A_NAME.has(m[1])) group1(m);
	for (const m of text.matchAll(WITH_AGE)) group1(m);
	for (const m of text.matchAll(FROM_THE)) if (FIRST_NAMES.has(m[1].toLowerCase()) || AMBIGUOUS_NAMES.has(m[1].toLowerCase())) group1(m);
	for (const m of text.matchAll(CAPITALISED)) {
		const [first, second] = m[0].split(' ');
		const lower = first.toLowerCase().replace(/['’]s$/, '');
		if (!FIRST_NAMES.has(lower) || AMBIGUOUS_NAMES.has(lower)) continue;
		// "Grace Academy", "Victoria Station", "William Harvey Hospital": a place or an organisation, not a person.
		const next = /^ (\p{Lu}[\p{L}'’-]+)/u.exec(text.slice(m.index! + m[0].length))?.[1];
		if (NOT_A_SURNAME.has(second) || NOT_A_SURNAME.has(next ?? '')) continue;
		add('name', m.index!, m.index! + m[0].length);
	}
	return found;
}

/** Public inquiries and reports named after people ("the Victoria Climbié Inquiry") are not personal data here. */
const PUBLIC_RECORD = /^\s+(Inquiry|Report|Review|Act|Principles?|guidelines?|competen\w*)\b/;

/** Merges overlapping finds (the widest wins) and rebuilds the text with placeholders. */
export function redact(text: string): Redacted {
	const finds = collect(text)
		.filter((f) => f.kind !== 'name' || !PUBLIC_RECORD.test(text.slice(f.end, f.end + 20)))
		.sort((a, b) => a.start - b.start || b.end - a.end);
	const merged: Redaction[] = [];
	for (const f of finds) {
		const last = merged[merged.length - 1];
		if (last && f.start < last.end) {
			if (f.end > last.end) last.end = f.end;
			continue;
		}
		merged.push({ ...f });
	}
	let out = '';
	let at = 0;
	for (const r of merged) {
		out += text.slice(at, r.start) + PLACEHOLDER[r.kind];
		at = r.end;
	}
	out += text.slice(at);
	return { text: out, redactions: merged };
}
