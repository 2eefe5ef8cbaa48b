// Stage 6: redaction of personal data in anything that may be published: email addresses, UK phone numbers,
// postcodes, people named with a title or role, and first names (children's included) where they can be detected.
import { AMBIGUOUS_NAMES, FIRST_NAMES } from './names';

export type RedactionKind = 'email' | 'phone' | 'postcode' | 'name';

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
	postcode: '[postcode removed]',
	name: '[name removed]'
};

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const PHONE = /(?<![\w/])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,5}\)?(?:[\s-]?\d){5,8}(?![\w/])/g;
const POSTCODE = /\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/g;
/** An outward code alone after a place name, as in "Kidderminster DY10". */
const DISTRICT = /\b(?<=[A-Z][a-z]+,? )[A-Z]{2}\d{1,2}\b/g;
const TITLE = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sister|Nurse|Rev|Reverend|Father|PC|DC|DS|DI|DCI|Sgt|Sergeant|Inspector|Cllr|Councillor)`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’-]+`;
const TITLED = new RegExp(String.raw`(?<![\p{L}])${TITLE}\.? (?:[A-Z]\.? )?${NAME_WORD}(?: ${NAME_WORD})?`, 'gu');
const CAPITALISED = new RegExp(String.raw`(?<![\p{L}])${NAME_WORD}(?: ${NAME_WORD})?`, 'gu');
const CALLED = /\b(?:called|named|call|calling|call him|call her)\s+(\p{Lu}[\p{Ll}'’-]+)/gu;
/** Capitalised words that begin organisation and place names, so "Grace Academy" or "Sam's Club" are not people. */
const NOT_A_SURNAME = new Set(['Street', 'Road', 'Academy', 'School', 'Primary', 'House', 'Centre', 'Council', 'Trust', 'Hospital', 'Project', 'Court', 'Lane', 'Close']);

function collect(text: string): Redaction[] {
	const found: Redaction[] = [];
	const add = (kind: RedactionKind, start: number, end: number) => found.push({ kind, start, end });
	for (const m of text.matchAll(EMAIL)) add('email', m.index!, m.index! + m[0].length);
	for (const m of text.matchAll(PHONE)) {
		const digits = m[0].replace(/\D/g, '').replace(/^44/, '0');
		// "(0161 496 0123)": the opening bracket belongs to the sentence, not the number.
		const start = m[0].startsWith('(') && !m[0].includes(')') ? m.index! + 1 : m.index!;
		if (digits.length >= 10 && digits.length <= 11) add('phone', start, m.index! + m[0].length);
	}
	for (const m of text.matchAll(POSTCODE)) add('postcode', m.index!, m.index! + m[0].length);
	for (const m of text.matchAll(DISTRICT)) add('postcode', m.index!, m.index! + m[0].length);
	for (const m of text.matchAll(TITLED)) add('name', m.index!, m.index! + m[0].length);
	for (const m of text.matchAll(CALLED)) {
		const start = m.index! + m[0].length - m[1].length;
		add('name', start, start + m[1].length);
	}
	for (const m of text.matchAll(CAPITALISED)) {
		const [first, second] = m[0].split(' ');
		const lower = first.toLowerCase().replace(/['’]s$/, '');
		if (!FIRST_NAMES.has(lower) || AMBIGUOUS_NAMES.has(lower)) continue;
		const keepSecond = second && !NOT_A_SURNAME.has(second);
		const end = m.index! + (keepSecond ? m[0].length : first.length);
		add('name', m.index!, end);
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
