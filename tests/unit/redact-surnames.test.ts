// Redaction by the list of surnames: names it finds without a known first name, and capitalised words it must leave.
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/lib/analysis/redact';
import { pluralSurnames, surname } from '../../src/lib/analysis/redact-surnames';
import { AMBIGUOUS_SURNAMES, SURNAMES } from '../../src/lib/analysis/surnames';
import { BUNDLED_RECORD } from '../helpers/public-record';

const redacted = (text: string) => redact(text, undefined, BUNDLED_RECORD).text;

describe('the list of surnames', () => {
	it('is long, in lower case, and keeps the surnames that are words apart', () => {
		expect(SURNAMES.size).toBeGreaterThan(1000);
		for (const w of SURNAMES) expect(w, w).toBe(w.toLowerCase());
		for (const w of [
			'young',
			'hall',
			'green',
			'wood',
			'king',
			'ward',
			'church',
			'hope',
			'marsh',
			'bishop',
			'law',
			'rose',
			'park',
			'bell',
			'mills',
			'brooks',
			'fields',
			'lord',
			'chamberlain',
			'preston',
			'hayes',
			'wells',
			'lewis'
		])
			expect(surname(w[0].toUpperCase() + w.slice(1)), w).toBe(false);
		for (const w of AMBIGUOUS_SURNAMES) expect(surname(w), w).toBe(false);
	});
	it('knows surnames across communities, with accents and in double barrels', () => {
		for (const w of [
			'Okafor',
			'Kowalczyk',
			'Patel',
			'Nguyen',
			'Yıldırım',
			'Yildirim',
			'Boateng',
			'Warsame',
			'Clarke-Williams',
			"O'Sullivan"
		])
			expect(surname(w), w).toBe(true);
	});
});

describe('names found by their surname', () => {
	it('takes an unknown first name before a known surname, and the surname where it comes again', () => {
		expect(redacted('I met Tendekai Morris on Monday and Morris said the form was too long.')).toBe(
			'I met [name removed] on Monday and [name removed] said the form was too long.'
		);
		expect(redacted('Devon Clarke-Williams was known to the YOT.')).toBe(
			'[name removed] was known to the YOT.'
		);
		expect(redacted('Xiaoling Chen raised it first.')).toBe('[name removed] raised it first.');
	});
	it('takes a first name that is also a word before a known surname', () => {
		expect(redacted('Grace Okafor rang the school.')).toBe('[name removed] rang the school.');
	});
	it('takes a surname that comes first', () => {
		expect(redacted('Nguyen Thi Lan and Li Na Zhang came to the session.')).toBe(
			'[name removed] and [name removed] came to the session.'
		);
	});
	it('takes families named in the plural', () => {
		expect(redacted('We worked with the Okafors, the Joneses and the Brennan-Fitzgeralds for years.')).toBe(
			'We worked with the [name removed], the [name removed] and the [name removed] for years.'
		);
		expect(pluralSurnames('the Samaritans, the Governors, the Greens and the Lloyds')).toEqual([]);
	});
	it('takes a known surname after a title in lower case', () => {
		expect(redacted('i told miss kowalczyk and ms begum cos i trusted them')).toBe(
			'i told miss [name removed] and ms [name removed] cos i trusted them'
		);
		expect(redacted('i miss school and i miss my friends')).toBe('i miss school and i miss my friends');
	});
	it('carries a surname from a name found with a title to its other mentions, not to a firm named after it', () => {
		expect(redacted('Mr Whitlock came in. Later Whitlock said no.')).toBe(
			'[name removed] came in. Later [name removed] said no.'
		);
		expect(redacted('Sister Philomena Keane has retired from Keane Associates.')).toBe(
			'[name removed] has retired from Keane Associates.'
		);
		expect(redacted('The Morris Trust paid for Tendekai Morris to attend.')).toBe(
			'The Morris Trust paid for [name removed] to attend.'
		);
	});
	it('takes a name in brackets after a role, and the name of a house with its address', () => {
		expect(redacted('Our health visitor (Joy) had been going in weekly.')).toBe(
			'Our health visitor ([name removed]) had been going in weekly.'
		);
		expect(redacted('I have lived here (Rosemount, 5 Kirkgate, Cupar) since 1987.')).toBe(
			'I have lived here ([address removed], Cupar) since 1987.'
		);
		expect(redacted('Write to Rose Cottage, Mill Lane, Ambridge.')).toBe(
			'Write to [address removed], Ambridge.'
		);
	});
});

describe('capitalised words the surname rules leave', () => {
	it('leaves words, places and organisations that are, or begin with, surnames', () => {
		for (const text of [
			'Young people said Green spaces matter more than Hall bookings.',
			'Ward 4 and Church groups wrote to the Bishop of Durham.',
			'The Morris Trust and Patel Associates both responded.',
			'Families in Milton Keynes, Preston, Hayes and Chipping Norton.',
			'Market Drayton and Bishop Auckland have small teams.',
			'Supporting Patel was never the point; the Laming Report was.',
			'Working Together, Every Child Matters and the Children Act 2004.',
			'Department for Education and Skills, Sanctuary Buildings, Great Smith Street',
			'Our manager (Finance) said the budget was spent.',
			'Professor Munro and Eileen Munro argued for less procedure.'
		])
			expect(redacted(text), text).toBe(text);
	});
});
