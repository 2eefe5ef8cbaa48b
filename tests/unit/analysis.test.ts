// The tricky parts of the text pipeline: negation, redaction, campaigns, thresholds, sectors, stance.
import { describe, expect, it } from 'vitest';
import { TfIdf } from 'natural/lib/natural/tfidf/index.js';
import { applyCampaignMarks, findCampaigns, type Campaign } from '../../src/lib/analysis/campaigns';
import { topTerms } from '../../src/lib/analysis/emergent';
import { decodeEvidence, encodeEvidence, type Evidence } from '../../src/lib/analysis/evidence';
import { compileCodeframe, matchSeeds } from '../../src/lib/analysis/codeframe';
import { excerpt, selectQuotes } from '../../src/lib/analysis/quotes';
import { personalTerms, redact } from '../../src/lib/analysis/redact';
import { BUNDLED_RECORD } from '../helpers/public-record';
import { fitSectorModel, inferSector } from '../../src/lib/analysis/sector';
import { closedStance, textStance } from '../../src/lib/analysis/stance';
import { sentences, termFeatures, tokenize } from '../../src/lib/analysis/text';
import { fitTagger, tagText } from '../../src/lib/analysis/themes';
import { crossValidatedTags, readerAgreement, score, scoreByPart } from '../../src/lib/analysis/evaluate';
import { readCodeframe } from '../../src/lib/import/definition';
import type { ImportFailed, ImportProblem } from '../../src/lib/import/errors';
import { readReaders } from '../../src/lib/import/gold';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cf = compileCodeframe(readCodeframe('data').themes);
const counted = (text: string) => [...new Set(matchSeeds(cf, text).filter((h) => !h.negated).map((h) => h.theme))];
const dismissed = (text: string) => [...new Set(matchSeeds(cf, text).filter((h) => h.negated).map((h) => h.theme))];

describe('tokenising', () => {
	it('keeps character offsets into the original text and splits contractions', () => {
		const text = "Staff don't know the law.";
		const tokens = tokenize(text);
		expect(tokens.map((t) => t.word)).toEqual(['staff', 'do', 'not', 'know', 'the', 'law']);
		for (const t of tokens.filter((x) => x.word !== 'not' && x.word !== 'do')) expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.word);
	});

	it('leaves out email addresses and web links, with the offsets of the words around them kept', () => {
		for (const text of ['Write to j.smith@example.org about consent.', 'See www.example.org/guide on consent.', 'See https://example.org/guide on consent.']) {
			const tokens = tokenize(text);
			expect(tokens.map((t) => t.word)).not.toContain('example');
			const consent = tokens.find((t) => t.word === 'consent')!;
			expect(text.slice(consent.start, consent.end)).toBe('consent');
		}
		expect(tokenize('See WWW Example dot org').map((t) => t.word)).toContain('example');
	});

	it('splits an answer into sentences and lines, leaving out fragments too short to make a point', () => {
		expect(sentences('Yes. The guide is far too long for front-line staff!\nWe also need a flowchart for schools. See q4.')).toEqual([
			'The guide is far too long for front-line staff!',
			'We also need a flowchart for schools.'
		]);
	});
});

describe('codeframe seeds and negation', () => {
	it('matches stemmed terms and phrases', () => {
		expect(counted('We need more trained staff and a pocket guide')).toEqual(expect.arrayContaining(['training', 'case-examples-tools']));
		expect(counted('Sharing without consent is sometimes right')).toContain('consent');
	});
	it('does not count a topic the answer sets aside', () => {
		expect(dismissed('Training is not the issue here; the law is.')).toEqual(['training']);
		expect(counted('Training is not the issue here; the law is.')).toEqual(['legal-framework']);
		expect(dismissed('There is no need for more training.')).toEqual(['training']);
		expect(dismissed('This has nothing to do with resources.')).toEqual(['resources']);
	});
	it('still counts a lack, which is the point being made', () => {
		expect(counted('There is no training at all for our volunteers')).toContain('training');
	});
	it('keeps negation within its clause', () => {
		expect(counted('Resources are not the problem, but training is.')).toEqual(['training']);
	});
});


describe('redaction', () => {
	const cases: [string, string][] = [
		['Email me at j.smith@example.nhs.uk today', 'Email me at [email removed] today'],
		['Ring 0161 496 0123 or 07700 900456.', 'Ring [phone number removed] or [phone number removed].'],
		['Call (01632) 960123 or +44 20 7946 0321', 'Call [phone number removed] or [phone number removed]'],
		['Write to us at LS1 4AB.', 'Write to us at [postcode removed].'],
		['Our designated nurse, Mrs Janet Holloway, agrees', 'Our designated nurse, [name removed], agrees'],
		['contact Sam Patel, our safeguarding lead', 'contact [name removed], our safeguarding lead'],
		["a boy I'll call Jamie told us", "a boy I'll call [name removed] told us"],
		['Kayleigh, 15, stopped coming', '[name removed], 15, stopped coming'],
		['Dr Ahmed said so (Kidderminster DY10)', '[name removed] said so (Kidderminster [postcode removed])'],
		// International forms: the country code and a bracketed 0 stand for one leading 0.
		['Ring +44 (0)20 7946 0000 or +44(0)1632 960418.', 'Ring [phone number removed] or [phone number removed].'],
		['or 0044 20 7946 0000', 'or [phone number removed]'],
		['NHS number 943 476 5919 on file', 'NHS number [NHS number removed] on file'],
		['Write to m1 1ae', 'Write to [postcode removed]'],
		['The Rev. Dr. John Smith spoke', 'The [name removed] spoke'],
		['my son Rhodri and our foster child, Kai, agree', 'my son [name removed] and our foster child, [name removed], agree'],
		['My daughter, Grace, was not asked', 'My daughter, [name removed], was not asked'],
		['Zainab, aged 14, told us', '[name removed], aged 14, told us'],
		['Mark from the YOT on our table', '[name removed] from the YOT on our table'],
		["Chloe's mother rang", '[name removed] mother rang'],
		['a girl called Zainab Ahmed told us', 'a girl called [name removed] told us'],
		// A first name after another capitalised word (the pair used to hide it).
		['Yesterday Emma rang to say the referral was lost.', 'Yesterday [name removed] rang to say the referral was lost.'],
		['Contact Peter Hughes for a copy.', 'Contact [name removed] for a copy.'],
		// Beside a role, in either order; one word only when set off by commas.
		['Our headteacher, Bernadette Quigley, has concerns.', 'Our headteacher, [name removed], has concerns.'],
		['Grace Okafor, the school nurse, says consent is misunderstood.', '[name removed], the school nurse, says consent is misunderstood.'],
		['The school nurse, Ingrid, spoke to the girl privately.', 'The school nurse, [name removed], spoke to the girl privately.'],
		['The girl, Amira, was moved three times.', 'The girl, [name removed], was moved three times.'],
		// Signatures and form fields.
		['Regards, Sunita Chauhan', 'Regards, [name removed]'],
		['Completed by: Holloway, Janet (Mrs)', 'Completed by: [name removed] (Mrs)'],
		['Regards, Tobias Wren, Youth Worker', 'Regards, [name removed], Youth Worker'],
		['This response was drafted by Ifeoma Chukwu and agreed by the board.', 'This response was drafted by [name removed] and agreed by the board.'],
		// Initials, capitals and lower case.
		['I was told by J. Holloway in the records office.', 'I was told by [name removed] in the records office.'],
		['I spoke to MRS SMITH at the school.', 'I spoke to [name removed] at the school.'],
		['mrs pearson from the office told me', '[name removed] from the office told me'],
		['my daughter chloe was put on the system', 'my daughter [name removed] was put on the system'],
		['my name is tracey dunmore and i am a mum', 'my name is [name removed] and i am a mum'],
		['I am a young carer for my brother Kacper.', 'I am a young carer for my brother [name removed].'],
		['Kaden (14) has been in care.', '[name removed] (14) has been in care.'],
		// Other identifiers.
		['My son (DOB 12/03/1995) was on the register.', 'My son (DOB [date of birth removed]) was on the register.'],
		['My NI number is QQ 12 34 56 C.', 'My NI number is [NI number removed].'],
		['We live at 14 Acacia Avenue, Stockport SK4 2QX.', 'We live at [address removed], Stockport [postcode removed].'],
		['Case ref CS/2005/04412 was closed.', 'Case ref [reference removed] was closed.'],
		['Our family moved from B15 to Coventry.', 'Our family moved from [postcode removed] to Coventry.'],
		['I live in the M14 area.', 'I live in the [postcode removed] area.'],
		['write to helen.marsh at nhs dot net', 'write to [email removed]'],
		['Follow me on Twitter @jennyh_mum for more.', 'Follow me on Twitter [username removed] for more.'],
		['Please phone 01632 960 111/112.', 'Please phone [phone number removed].'],
		['nhs number 943 4765 919 on the red book', 'nhs number [NHS number removed] on the red book'],
		// A name carried on: the rest of it, a nickname beside it, its other mentions, a second name joined to it.
		['My ex-partner, Darren Leigh Cooper, still gets the letters.', 'My ex-partner, [name removed], still gets the letters.'],
		["I'm Marcus 'Moz' Thompson and I run the drop-in.", "I'm [name removed] and I run the drop-in."],
		['All the best, Gaz (Gareth Morgan), YOT volunteer', 'All the best, [name removed] ([name removed]), YOT volunteer'],
		['Sister Philomena\n(Philomena Keane, St Anne\'s Parish)', '[name removed]\n([name removed], St Anne\'s Parish)'],
		['My friend Shannon told the nurse and now shannon wont speak to me', 'My friend [name removed] told the nurse and now [name removed] wont speak to me'],
		['signed, Aoife & Ciarán Byrne (parents of two)', 'signed, [name removed] & [name removed] (parents of two)'],
		['Child: Barker, Jayden (DOB 14/02/1999)', 'Child: [name removed] (DOB [date of birth removed])'],
		['RESPONSE COMPLETED BY JANET WICKHAM, CHILDMINDER', 'RESPONSE COMPLETED BY [name removed], CHILDMINDER'],
		// People saying who they are, relations as titles, ranks, and names only a person fits.
		['As Chair of Governors, I, Harjinder Kaur Sandhu, support this.', 'As Chair of Governors, I, [name removed], support this.'],
		['Please contact me, Vusi Ndlovu, at the base.', 'Please contact me, [name removed], at the base.'],
		['MY NAME IS SHAHID IQBAL AND I AM A GOVERNOR', 'MY NAME IS [name removed] AND I AM A GOVERNOR'],
		['hi im tasha from year 10', 'hi im [name removed] from year 10'],
		['Grandma Pat has looked after her since she was two.', '[name removed] has looked after her since she was two.'],
		['The officer who came, PCSO Hughes, was kind.', 'The officer who came, [name removed], was kind.'],
		['Our interpreter, Fatma Yılmaz, said families are frightened.', 'Our interpreter, [name removed], said families are frightened.'],
		['I spoke to Dawn at the children\'s centre.', 'I spoke to [name removed] at the children\'s centre.'],
		['Frank told me nobody reads the forms.', '[name removed] told me nobody reads the forms.'],
		['Will Henderson from the YOT supports this.', '[name removed] from the YOT supports this.'],
		['Everyone calls him Dazza at school.', 'Everyone calls him [name removed] at school.'],
		["jayden's school never told anyone", "[name removed] school never told anyone"],
		['Mary-Kate D\'Souza rang us back.', '[name removed] rang us back.'],
		['im on Bebo as xx_chelsea_babe_xx, thats all', 'im on Bebo as [username removed], thats all'],
		// Numbers and dates about a person, wherever the sentence says what they are.
		['My date of birth is 17th June 1961.', 'My date of birth is [date of birth removed].'],
		['my date of birth is 30/06/1975 and my son\'s is 21/10/1998.', 'my date of birth is [date of birth removed] and my son\'s is [date of birth removed].'],
		["NHS no. 485 777 3456 (my son's).", "NHS no. [NHS number removed] (my son's)."],
		['The case reference was CS/2004/11873 but no-one found it.', 'The case reference was [reference removed] but no-one found it.'],
		['Please quote our reference, 00349/SS/DF.', 'Please quote our reference, [reference removed].'],
		['the pupil number (PN 004718) for my daughter', 'the pupil number ([reference removed]) for my daughter'],
		['My student number at college is 20413377.', 'My student number at college is [reference removed].'],
		['We moved from M14 to OL9 last year.', 'We moved from [postcode removed] to [postcode removed] last year.'],
		['Our home postcode, CF24, covers a deprived ward.', 'Our home postcode, [postcode removed], covers a deprived ward.'],
		['The warden ticketed AB12 CDE outside the school.', 'The warden ticketed [reference removed] outside the school.'],
		// A name's other words are not names elsewhere ("Green spaces", "Child Protection"), and capitals stop at a verb.
		['Sally Green chairs the group. Green spaces matter, as the GREEN PAPER said.', '[name removed] chairs the group. Green spaces matter, as the GREEN PAPER said.'],
		['Mr Child spoke. The Child Protection plan was late.', '[name removed] spoke. The Child Protection plan was late.'],
		['MRS SMITH SAID NO. THEY SAID NO AGAIN.', '[name removed] SAID NO. THEY SAID NO AGAIN.'],
		['Dr Peter Hughes (Ofsted) agreed.', '[name removed] (Ofsted) agreed.'],
		// Dates of birth, NHS numbers and names in other forms.
		['She was born on the 12th of June 1995.', 'She was born on the [date of birth removed].'],
		['DOB: 12 06 1995', 'DOB: [date of birth removed]'],
		['his nhs no 485 777 3456 was wrong', 'his nhs no [NHS number removed] was wrong'],
		["My name's Tamsin Blackwood.", "My name's [name removed]."]
	];
	for (const [input, output] of cases) it(`redacts: ${input}`, () => expect(redact(input).text).toBe(output));
	it('takes the names an e-mail address is made of, handles, logins, flats, "b." dates and names said to be surnames', () => {
		const cases: [string, string][] = [
			['copied to our officer, Sarah Naidoo (sarah.naidoo@example.com).', 'copied to our officer, [name removed] ([email removed]).'],
			['Cheers, Dunmore (sarah.dunmore@example.net)', 'Cheers, [name removed] ([email removed])'],
			['on msn he was called lilsniper_99 and kept messaging', 'on msn he was called [username removed] and kept messaging'],
			['Staff login jwhitworth2 was used', 'Staff login [username removed] was used'],
			['Surname: Okafor. Forename: Ade.', 'Surname: [name removed]. Forename: [name removed].'],
			['Username: kayleighx', 'Username: [username removed]'],
			['her grandson Rhys (b. 12.12.1995)', 'her grandson [name removed] (b. [date of birth removed])'],
			['We live at Flat 3, Kestrel House, Mill Lane, and', 'We live at [address removed], and'],
			['placement address 3 The Paddocks.', 'placement address [address removed].'],
			['the house is 112 stanley street, the one', 'the house is [address removed], the one'],
			['Home: 2 Ty Newydd Cottages, Llanfair Road, LL55 4RT.', 'Home: [address removed].'],
			['Contact is Lindsay (surname Van der Berg), who', 'Contact is [name removed] (surname [name removed]), who'],
			["I spoke to Mr d'Souza-Pereira about it", 'I spoke to [name removed] about it'],
			['Our youth worker Will Haddon had to wait', 'Our youth worker [name removed] had to wait'],
			['The mother, Kateryna Bondarenko (NI SK 61 33 09 D), gave', 'The mother, [name removed] (NI [NI number removed]), gave'],
			['A mum at the event, Dawn Pickersgill, said she', 'A mum at the event, [name removed], said she'],
			['CP register ref. CPR-0923 had been closed', 'CP register ref. [reference removed] had been closed']
		];
		for (const [text, want] of cases) expect(redact(text).text, text).toBe(want);
		// A shared mailbox's words are not names (an address is a person's only when a part is a known first name), and
		// none of these is personal data (from a code review of the rules).
		for (const text of [
			'Write to the Safeguarding Team (safeguarding.team@example.org) or Info Point.',
			'Will this work? Ask info@example.org.',
			'Our Data Protection Officer answers data.protection@example.gov.uk.',
			'Contact the Early Help hub at early.help@example.gov.uk for advice.',
			'Referrals go to the Virtual School Head (virtual.school@example.gov.uk).'
		])
			expect(redact(text).text.replace(/\[email removed\]/g, ''), text).not.toMatch(/removed\]/);
		for (const text of [
			'The field is stored as child_id in the index and linked by record_type.',
			'Use the NHS_Number field, not the local_patient_id.',
			'Login: staff use their smartcard.',
			'login: ContactPoint',
			'Local plans should address 5 Every Child Matters outcomes.',
			"The nearest children's home is 40 miles down the road from the school.",
			'Phasing: a. 1 April 2006 for pathfinders; b. 1 October 2006 for all areas.',
			'Flat 5 Year Plans are not enough.',
			'The last name The Government uses is unclear.'
		])
			expect(redact(text).text, text).toBe(text);

	});
	it('leaves the public record and ordinary words alone', () => {
		for (const text of ['since the Victoria Climbié Inquiry', 'Gillick competence and the Fraser guidelines', 'Will this work? May be.', 'section 47 of the Children Act 1989', 'Working Together 2006'])
			expect(redact(text).text).toBe(text);
	});
	it("takes the public record from the consultation, not from the code: another consultation's list does not spare these names", () => {
		expect(redact('After Victoria Climbié, who could argue otherwise?', undefined, BUNDLED_RECORD).text).toBe('After Victoria Climbié, who could argue otherwise?');
		expect(redact('Please contact Ian Huntley at the office.').text).toBe('Please contact [name removed] at the office.');
		expect(redact('Please contact Ian Huntley at the office.', undefined, BUNDLED_RECORD).text).toBe('Please contact Ian Huntley at the office.');
	});
	it('leaves names of services, places and jobs alone, and the people the consultation lists as in the public record', () => {
		for (const text of [
			'a database called ContactPoint',
			'Please call ChildLine',
			'We call Social Services first',
			'a scheme called Sure Start',
			'Nurse Practitioners and the Named Nurse Team',
			'Inspector Training Days',
			'bought at PC World',
			'Victoria Station',
			'the Christopher Street Centre',
			'William Harvey Hospital',
			"Sam's Club",
			'our child Protection procedures',
			'ref 123 456 7890 (not an NHS number: the check digit is wrong)',
			'it is 2nd on the list',
			'It does not sit with the Common Assessment Framework, the lead professional role or the index.',
			'The Victoria Climbie inquiry found failures of communication.',
			'After Victoria Climbié, who could argue otherwise?',
			'Many of our families come from Jordan, Syria and Iraq.',
			'In Kensington and Chelsea the index was piloted early.',
			'St George\'s Hospital and King Edward VI School took part.',
			'the London Borough of Kelsey Green',
			'My son Has Asperger\'s and the school did not understand.',
			'Take the M6 to junction 14; vitamin B12 is no help.',
			'section 47 enquiries rose by 12,000 in 2005.',
			'Dr Barnardo\'s Homes started modern child welfare.',
			'children with ms attend the clinic',
			// Not a name carried into a place or a charity, and not a number that is not a person's.
			'Hospices such as Marie Curie and Helen House support bereaved children.',
			'The number of referrals rose to 123456 in 2005.',
			'Dates such as 12/03/2005 and DfES/1319/2005 are not references.',
			'Frank discussion is needed, and Hope is not a strategy.',
			'I am Head of Service for the Local Authority.',
			// Policy prose a reviewer found taken for personal data: references, statistics, sums, dates near "born".
			'He was born in 1990. The Act came into force on 1 April 2005.',
			'See DCSF-00331-2008 and Directive 2005/36/EC, ISBN 1-84478-585-X; it cost GBP 2500000.',
			'Our referral numbers rose to 15000 last year.',
			'I am Welsh, and Welsh is my first language.',
			"It's Ofsted, not the council, that inspects.",
			"It's Easter here and the schools are shut.",
			'Young people can talk to Frank about drugs.',
			'My adviser, Citizens Advice, helped us.',
			'We reject the Nanny State; the Secretary of State agrees.',
			// Organisations' numbers, places that are first names, families named by what they are, products.
			'The NSPCC Helpline (0808 800 5000) and Parentline Plus on 0808 800 2222 take calls; so does 0300 123 4567.',
			'We ran groups in Stanley, County Durham, and in Preston; Kendal is a market town.',
			'Members in Bradley Stoke and Robin Hood\'s Bay have no health visitor base.',
			'The Polish family and the Muslim children were known to us; so were the College\'s children\'s services.',
			'The Minister for Children, Beverley Hughes, wrote the foreword.',
			'Files saved in PowerPoint2003 cannot be opened; my dog will bark.',
			'i miss my mum and i miss out on trips',
			'The Common Assessment Framework, the lead professional role and ContactPoint arrive together.',
			'The number of referrals fell in April 2005 (DCSF 2005 guidance).',
			'The North-West and Anglo-Saxon traditions; Ofsted\'s school reports; the Council\'s parents.',
			// Found by a reviewer taken by the first version of these rules: headings, programmes, mailboxes, documents.
			'Working Together is the key document for practitioners; Leeds PCT is the lead commissioner; Kids Company is a leading charity.',
			'Sharing Low-Level Concerns; Our Looked-After Children; Weekly Drop-In Sessions; Ronald McDonald House provides rooms.',
			'From: Headteacher\nThank you, Minister, for the chance to comment. Patient, Carer and Public Involvement Forum.',
			'The Army families and the Bengali children; Today\'s parents; London\'s foster carers; Colleagues and I agree.',
			'Name, date of birth and address are the minimum; Early Years (aged 0-5); pupils in Oldham (Year 10).',
			'if it\'s amber we discuss it; talk to faith leaders; i moved in with my gran april last year',
			'A. INTRODUCTION; N.B. PLEASE NOTE; the UNICEF UK Baby Friendly Initiative; a programme called \'On Track\'.',
			'The NMC 2004 Code; do not shoulder 100 per cent; the Alder Hey Hospital 2004/05 report; InfoSharingResponse2005.doc',
			'Our lead Member for Children\'s Services; Social worker Caseloads are high; How could a teacher miss this?',
			'In 2004 Parc Prison opened; identified by initials, DOB and school; our authority\'s partner Barnardo\'s runs it.'
		])
			expect(redact(text, undefined, BUNDLED_RECORD).text).toBe(text);
	});
	it('finds names by what is said around them, in lower case as young people write, and in signatures', () => {
		const cases: [string, string][] = [
			['Kind regards,\n\nAnwar Siddiqui\nEducation Welfare Officer', 'Kind regards,\n\n[name removed]\nEducation Welfare Officer'],
			['Thanks,\nBill Oduya\nYouth Worker', 'Thanks,\n[name removed]\nYouth Worker'],
			['my mums boyfriend darren is horrible', 'my mums boyfriend [name removed] is horrible'],
			['my key worker gary is alright', 'my key worker [name removed] is alright'],
			['i live with my aunty faith and uncle desmond', 'i live with my aunty [name removed] and uncle [name removed]'],
			['my social worker is called dawn and she', 'my social worker is called [name removed] and she'],
			['his name is gary mcintyre) all over', 'his name is [name removed]) all over'],
			['my name is ashleigh-jade i am 11', 'my name is [name removed] i am 11'],
			['i had a teacher miss o\'reilly who asked', 'i had a teacher miss [name removed] who asked'],
			['our club (sam) is the best. we want more like sam', 'our club ([name removed]) is the best. we want more like [name removed]'],
			['if u want to no wat its like - marcus', 'if u want to no wat its like - [name removed]'],
			['Referral regarding the Hussain children was lost.', 'Referral regarding the [name removed] children was lost.'],
			['Baby Okonjo was listed under a different mother.', '[name removed] was listed under a different mother.'],
			['The twins (Hope and Faith Adeyemi, born 3 May 2001) started school.', 'The twins ([name removed] and [name removed], born [date of birth removed]) started school.'],
			['Ruby-Mae Thornton-Smith, aged 6, has epilepsy.', '[name removed], aged 6, has epilepsy.'],
			['a young man, Ciarán Ó Súilleabháin, aged 16, was discharged', 'a young man, [name removed], aged 16, was discharged'],
			['Our youth worker Ade took a group; one of the girls, Tianna, asked why.', 'Our youth worker [name removed] took a group; one of the girls, [name removed], asked why.'],
			['Will Fairbrother, a Year 9 pupil, told his tutor.', '[name removed], a Year 9 pupil, told his tutor.'],
			['Li Na Zhang (Year 8) was bullied.', '[name removed] (Year 8) was bullied.'],
			['the grandmother who looks after Kayla and Shanelle, her sister, was never invited', 'the grandmother who looks after [name removed] and [name removed], her sister, was never invited'],
			['Our TA, Pani Małgorzata (Gosia) Lewandowska, interprets.', 'Our TA, [name removed], interprets.'],
			['(we call him \'Cal\'); my son Tobi (\'Seun\' to his friends)', '(we call him \'[name removed]\'); my son [name removed] (\'[name removed]\' to his friends)'],
			['Yours faithfully,\nA. H. PENNINGTON-SMYTHE (MRS)', 'Yours faithfully,\n[name removed] (MRS)'],
			['a boy, whom I will refer to by his initials DM, whose', 'a boy, whom I will refer to by his initials [name removed], whose'],
			['Student number 0412773 was mentioned.', 'Student number [reference removed] was mentioned.'],
			['Esi (date of birth: 11th Nov. 1989) was 15.', '[name removed] (date of birth: [date of birth removed]) was 15.'],
			['i live at 14 hawthorn road and i', 'i live at [address removed] and i'],
			['I post on the forums as DadOfThreeSteve73; nobody', 'I post on the forums as [username removed]; nobody'],
			['call me on 0845 123 4567 ext 21', 'call me on [phone number removed] ext 21'],
			// First names that are also towns are people where only a person fits.
			['Ashley in Year 10 was excluded; Kimberley and Chelsea are both in foster care.', '[name removed] in Year 10 was excluded; [name removed] and [name removed] are both in foster care.'],
			['I am mum of Ashley and I wrote to Victoria last week; the Preston children were known to us.', 'I am mum of [name removed] and I wrote to [name removed] last week; the [name removed] children were known to us.'],
			// Found by what only a person is or does, by the shape of a surname, and in forms and e-mail headers.
			['Ade and I met the school; me and jade went to the drop in.', '[name removed] and I met the school; me and [name removed] went to the drop in.'],
			['Faith Adeyemi-Cole, who runs the club, said so.', '[name removed], who runs the club, said so.'],
			['Will Boateng was the duty social worker that night.', '[name removed] was the duty social worker that night.'],
			['Grace Chen, one of our parent governors, pointed it out.', '[name removed], one of our parent governors, pointed it out.'],
			['Sandy McAllister at the housing office passed it on.', '[name removed] at the housing office passed it on.'],
			['I think Chidinma Nwachukwu-Eze put it best.', 'I think [name removed] put it best.'],
			['It was only when Destiny\'s aunt went to the police.', 'It was only when [name removed]\'s aunt went to the police.'],
			['I am Kasia Zielińska, mum of Oliwia in Year 4.', 'I am [name removed], mum of [name removed] in Year 4.'],
			['Text us and ask for Jaz.', 'Text us and ask for [name removed].'],
			['I am Nkechi, I am 16 and I look after my mum.', 'I am [name removed], I am 16 and I look after my mum.'],
			['Senior practitioner Ruairí Mac Giolla Phádraig says it is too long.', 'Senior practitioner [name removed] says it is too long.'],
			['Our little girl Autumn is six; our lad Will was 13.', 'Our little girl [name removed] is six; our lad [name removed] was 13.'],
			['spoke to sue at the front desk', 'spoke to [name removed] at the front desk'],
			['Details from Siân Roberts on request.', 'Details from [name removed] on request.'],
			['Patient: SZYMANSKI, Piotr. From: Grace Oyelaran <g@example.org>', 'Patient: [name removed]. From: [name removed] <[email removed]>'],
			['My address is The Old Forge, Mill Lane, Little Snoring, NR21 0AA, and I run it.', 'My address is [address removed], and I run it.'],
			['We are at 7 Cae Glas, and at 12 Heol y Bryn; 16a St. Leonard\'s Road, Exeter.', 'We are at [address removed], and at [address removed]; [address removed], Exeter.'],
			['The YOT reference for my son is YOT/KMB/0593; CAF no. CAF12347; ref LAC/0347.', 'The YOT reference for my son is [reference removed]; CAF no. [reference removed]; ref [reference removed].'],
			['Hosp No: K447192; collar number 4412; GMC no. 4821973; Reg no. W628 FPJ, a blue van.', 'Hosp No: [reference removed]; collar number [reference removed]; GMC no. [reference removed]; Reg no. [reference removed], a blue van.']
		];
		for (const [input, expected] of cases) expect(redact(input, undefined, BUNDLED_RECORD).text, input).toBe(expected);
	});
});

describe('redaction of a respondent\'s own details', () => {
	it('removes a confidential organisation\'s name and its own words from its answers, but not ordinary words', () => {
		const own = personalTerms({ name: 'Graham Tully', organisation: 'Dunmere Metropolitan Borough Council', respondentType: 'organisation', confidential: true })!;
		expect(redact("But Dunmere's experience is that DUNMERE METROPOLITAN BOROUGH COUNCIL shares late.", own).text).toBe(
			"But [organisation removed]'s experience is that [organisation removed] shares late."
		);
		const centre = personalTerms({ name: null, organisation: 'Hillbrook Secure Training Centre', respondentType: 'organisation', confidential: true })!;
		expect(redact('Hillbrook staff follow the Secure Training Centre Rules 1998 and Training for all.', centre).text).toBe(
			'[organisation removed] staff follow the Secure Training Centre Rules 1998 and Training for all.'
		);
	});
	it('removes the respondent\'s own name where they sign with it, whatever the first-name list says', () => {
		const own = personalTerms({ name: 'Mr Oluwadamilare Tully', organisation: null, respondentType: 'individual', confidential: false })!;
		expect(redact('I agree with the guide. Oluwadamilare Tully', own).text).toBe('I agree with the guide. [name removed] [name removed]');
	});
	it('does not take the published name of a responding organisation for a person', () => {
		const own = personalTerms({ name: 'Ms Nadia Hussain', organisation: 'London Borough of Kelsey Green', respondentType: 'organisation', confidential: false })!;
		expect(redact('No. Kelsey Green has very high mobility.', own).text).toBe('No. Kelsey Green has very high mobility.');
		expect(redact('No. Kelsey Green has very high mobility.').text).toBe('No. [name removed] has very high mobility.');
	});
});

describe('campaigns', () => {
	const letter =
		'I object in the strongest terms to the Information Sharing Index, which will hold details of every child in England and flag concerns about families without their knowledge or consent. Parents, not the state, are responsible for their children.';
	it('groups near-identical answers and leaves different ones alone', () => {
		const items = [
			{ id: 1, text: letter },
			{ id: 2, text: letter + ' Please think again.' },
			{ id: 3, text: 'As a grandmother: ' + letter.replace('England', 'Englnad') },
			{ id: 4, text: 'The guidance is too long for front-line staff and should come with a two-page summary, a flowchart and case examples for schools and nurseries.' },
			{ id: 5, text: letter.slice(0, 60) + ' But I support the guidance on consent, which is clear, sensible and long overdue in my view as a social worker.' }
		];
		const groups = findCampaigns(items);
		expect(groups).toHaveLength(1);
		expect(groups[0].members).toEqual([1, 2, 3]);
		expect(groups[0].exemplar).toBe(1);
	});
	it('ignores short stock answers', () => {
		expect(findCampaigns([1, 2, 3, 4].map((id) => ({ id, text: 'See above.' })))).toEqual([]);
	});
	it('puts analysts\' marks over the campaigns found', () => {
		const other = 'Schools need a named lead for information sharing, protected time to train staff, and a clear route to ask for advice when a case is unclear.';
		const texts = new Map([
			[1, letter],
			[10, other]
		]);
		const found: (Campaign & { questionId: string })[] = [
			{ questionId: 'q8', members: [1, 2, 3], exemplar: 1, similarity: 0.9 },
			{ questionId: 'q8', members: [10, 11, 12], exemplar: 10, similarity: 0.8 }
		];
		const mark = (answerId: number, copy: boolean, text = '', questionId = 'q8') => ({ answerId, questionId, text, copy });
		const { campaigns, alone } = applyCampaignMarks(found, [
			// Not a copy: the exemplar leaves, and the next answer is the campaign's text.
			mark(1, false),
			// A copy the analysis missed joins the campaign whose text it shares most wording with, without becoming its
			// text though its id is lower.
			mark(5, true, `As a head teacher: ${other.slice(0, 70)} and more money.`),
			// Two marked answers of a question with no campaign that share wording are one; answers that share none with
			// anything stay out (a tick on an unrelated answer makes no campaign).
			mark(30, true, `Parents say: ${other}`, 'q2'),
			mark(31, true, `${other} That is all.`, 'q2'),
			mark(32, true, 'We object strongly to the whole idea of an index of every child.', 'q2'),
			mark(40, true, 'Something else entirely', 'q3'),
			// One shared run of words with a campaign is not enough to join it.
			mark(50, true, `${letter.split(' ').slice(0, 5).join(' ')} but I support this guidance in every other respect, as a parent and a governor.`)
		], (id) => texts.get(id));
		expect(campaigns.map(({ questionId, members, exemplar, added, removed }) => ({ questionId, members, exemplar, added, removed }))).toEqual([
			{ questionId: 'q8', members: [2, 3], exemplar: 2, added: undefined, removed: 1 },
			{ questionId: 'q8', members: [5, 10, 11, 12], exemplar: 10, added: 1, removed: undefined },
			{ questionId: 'q2', members: [30, 31], exemplar: 30, added: 2, removed: undefined }
		]);
		expect(alone).toEqual([32, 40, 50]);
		// How alike is worked out again for a campaign that marks changed.
		expect(campaigns[1].similarity).toBeLessThan(0.8);
		// The campaigns given are left as they were; a campaign left with one answer is none.
		expect(found[0].members).toEqual([1, 2, 3]);
		expect(applyCampaignMarks(found, [mark(2, false), mark(3, false)], (id) => texts.get(id)).campaigns).toHaveLength(1);
	});
});

describe('stored evidence', () => {
	const evidence: Evidence = {
		spans: [
			{ text: 'Information Sharing Index', start: 4, end: 29, kind: 'seed' },
			{ text: 'consistent', start: 81, end: 91, kind: 'model' }
		],
		dismissed: ['training'],
		probability: 0.795,
		threshold: 0.35000000000000003,
		seedHits: 1
	};

	it('reads back what it wrote, in under half the characters of the same evidence with its key names written out', () => {
		const stored = encodeEvidence(evidence);
		expect(decodeEvidence(stored)).toEqual({ ...evidence, threshold: 0.35 });
		expect(stored.length).toBeLessThan(JSON.stringify(evidence).length / 2 + 20);
	});

	it('reads evidence stored by earlier versions, and an analyst\'s tag that has none', () => {
		expect(decodeEvidence(JSON.stringify(evidence))).toEqual(evidence);
		expect(decodeEvidence('[]')).toEqual({ spans: [], dismissed: [], probability: 0, threshold: 0, seedHits: 0 });
	});
});

describe('threshold selection', () => {
	it('chooses a threshold per theme by cross-validation and uses it', () => {
		const labelled = Array.from({ length: 60 }, (_, i) => ({
			text: i % 2 ? `We need training number ${i} for staff` : `The budget is the issue in case ${i}`,
			themes: i % 2 ? ['training'] : ['resources']
		}));
		const tagger = fitTagger(cf, labelled);
		expect(tagger.thresholds.get('training')).toBeGreaterThan(0);
		expect(tagger.thresholds.get('training')).toBeLessThan(1);
		expect(tagText(tagger, 'More training please').map((t) => t.theme)).toContain('training');
		expect(tagText(tagger, 'More training please').map((t) => t.theme)).not.toContain('resources');
	});
	it('scores precision, recall and F1 per theme and overall', () => {
		const s = score(['a', 'b'], [['a'], ['a', 'b'], []], [['a'], ['b'], ['b']]);
		expect(s.perTheme[0]).toMatchObject({ theme: 'a', tp: 1, precision: 1, recall: 0.5 });
		expect(s.perTheme[1]).toMatchObject({ theme: 'b', tp: 1, precision: 0.5, recall: 1 });
		expect(s.microF1).toBeCloseTo(2 / 3, 3);
	});
	it('scores each part of the labelled set (each gold file) on the same cross-validated predictions', () => {
		const codeframe = readCodeframe('data').themes;
		const labelled = Array.from({ length: 80 }, (_, i) => ({
			text: [`We need training number ${i} for staff`, `The budget is the issue in case ${i}`, `Staff need courses and money, ${i}`, `Nothing to add ${i}`][i % 4],
			themes: [['training'], ['resources'], ['training', 'resources'], []][i % 4]
		}));
		const ids = codeframe.map((t) => t.id);
		const predicted = crossValidatedTags(codeframe, labelled, 4, 3);
		const scoredBy = (partOf?: (i: number) => string) => scoreByPart(ids, labelled, predicted, partOf);
		const whole = scoredBy();
		expect(whole.parts).toBeUndefined();
		expect(scoredBy(() => 'one file')).toEqual(whole);
		const split = scoredBy((i) => (i < 60 ? 'labels.csv' : 'written.csv'));
		expect({ ...split, parts: undefined }).toEqual({ ...whole, parts: undefined });
		expect(split.parts!.map((p) => [p.part, p.items])).toEqual([
			['labels.csv', 60],
			['written.csv', 20]
		]);
		// Micro-F1 is a ratio of sums, so the whole set's lies between its parts'.
		const [a, b] = split.parts!.map((p) => p.microF1);
		expect(split.microF1).toBeGreaterThanOrEqual(Math.min(a, b) - 0.001);
		expect(split.microF1).toBeLessThanOrEqual(Math.max(a, b) + 0.001);
	});
});

describe('agreement with blind second readers', () => {
	const gold = [
		{ id: 'g1', text: 'x', themes: ['a'] },
		{ id: 'g2', text: 'y', themes: ['a', 'b'] },
		{ id: 'g3', text: 'z', themes: [] },
		{ id: 'g4', text: 'w', themes: ['b'] }
	];
	const predicted = [['a'], ['b'], ['b'], ['b']];

	it('scores each reader and the tagger against the gold on the answers read, and the readers against each other', () => {
		const readers = [
			{ reader: 'reader-1', labels: new Map([['g1', ['a']], ['g2', ['a', 'b']], ['g3', []]]) },
			{ reader: 'reader-2', labels: new Map([['g2', ['a']], ['g3', ['b']]]) }
		];
		const rows = readerAgreement(['a', 'b'], gold, predicted, readers);
		expect(rows.map((r) => [r.truth, r.other, r.items])).toEqual([
			['gold', 'reader-1', 3],
			['gold', 'reader-2', 2],
			['gold', 'tagger (cross-validated)', 3],
			['reader-1', 'reader-2', 2]
		]);
		// reader-1 matches the gold exactly; the tagger, on g1-g3 (g4 was not read), finds a on g1 only, and b twice
		// with one right: a 1 of 2 (F1 2/3), b 1 of 2 predicted, 1 of 1 real (F1 2/3).
		expect(rows[0]).toMatchObject({ macroF1: 1, microF1: 1 });
		expect(rows[2].macroF1).toBeCloseTo(2 / 3, 2);
		expect(rows[2].microF1).toBeCloseTo(2 / 3, 2);
		// reader-2 against reader-1 on g2 and g3: a right once of one (1), b said once, never by reader-1 (0).
		expect(rows[3]).toMatchObject({ macroF1: 0.5, microF1: 0.5 });
	});

	it("reads each reader's file from GOLD/agreement, with merged themes renamed, and names the line and column of a bad one", () => {
		const dir = mkdtempSync(join(tmpdir(), 'consult-lens-readers-'));
		try {
			const items = gold.map((g) => ({ ...g, file: 'labels.csv', source: 'response', question: 'q1' }));
			expect(readReaders(dir, items, ['a', 'b'])).toEqual([]);
			mkdirSync(join(dir, 'agreement'));
			writeFileSync(join(dir, 'agreement', 'reader-1.csv'), 'id,themes\ng1,a\ng2,old-b;a\ng3,\n');
			const aliases = new Map([['old-b', 'b']]);
			expect(readReaders(dir, items, ['a', 'b'], aliases)).toEqual([
				{ reader: 'reader-1', labels: new Map([['g1', ['a']], ['g2', ['b', 'a']], ['g3', []]]) }
			]);
			const bad = join(dir, 'agreement', 'reader-2.csv');
			writeFileSync(bad, 'id,themes\ng1,a\ng9,b\ng1,c\n');
			let problems: ImportProblem[] = [];
			try {
				readReaders(dir, items, ['a', 'b'], aliases);
			} catch (e) {
				problems = (e as ImportFailed).problems;
			}
			expect(problems.map((p) => [p.file, p.line, p.column, p.value])).toEqual([
				[bad, 3, 'id', 'g9'],
				[bad, 4, 'id', 'g1'],
				[bad, 4, 'themes', 'c']
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('has nothing to say without readers', () => {
		expect(readerAgreement(['a', 'b'], gold, predicted, [])).toEqual([]);
	});
});

describe('sector inference', () => {
	const model = fitSectorModel([{ name: 'Royal College of Nursing', abbreviation: 'RCN', sector: 'health' }]);
	const infer = (organisation: string | null, professionalBody: string | null = null, text = '') =>
		inferSector(model, { id: 'x', organisation, professionalBody, respondentType: null, text })?.sector ?? null;
	it('uses the organisation list, then name rules, then the professional body, then self-description', () => {
		expect(infer('Royal College of Nursing')).toBe('health');
		expect(infer('The Royal College of Nursing (RCN)')).toBe('health');
		expect(infer('Westshire Constabulary')).toBe('police');
		expect(infer('Eastvale Youth Offending Service')).toBe('youth-justice');
		expect(infer('Hillside Primary School')).toBe('education');
		expect(infer('Little Acorns Nursery')).toBe('early-years');
		expect(infer('Riverside Borough Council')).toBe('local-government');
		expect(infer('Riverside Borough Council', 'BASW')).toBe('local-government');
		expect(infer(null, 'RCN')).toBe('health');
		expect(infer(null, null, 'As a school nurse I see this every week.')).toBe('health');
		expect(infer(null, null, 'I write as the father of two children and as chair of governors.')).toBe('education');
		expect(infer(null, null, 'I am a volunteer community member of a youth offender panel.')).toBe('youth-justice');
		// Plural roles, where people work, and people writing about their own children.
		expect(infer(null, null, 'We have read the guide as foster carers of ten years.')).toBe('social-care');
		expect(infer(null, null, "Its long. I work in a children's home and have no time.")).toBe('social-care');
		expect(infer(null, null, 'No. When our eldest son was 11 the school passed on our details.')).toBe('other');
		expect(infer(null, null, 'My wife and I are bringing up our two grandchildren.')).toBe('other');
	});

	it('does not read others named in passing as the writer', () => {
		expect(infer(null, null, 'As doctors have warned, this will not work.')).toBeNull();
		expect(infer(null, null, 'Staff such as social workers will struggle with it.')).toBeNull();
		expect(infer(null, null, 'Parents as well as teachers need to know.')).toBeNull();
		expect(infer(null, null, 'I work with the police every week.')).toBeNull();
		expect(infer(null, null, 'Think of our sons and daughters before you build this database.')).toBeNull();
	});

	it('reads a family as a parent only for a person, not for an organisation', () => {
		const org = inferSector(model, { id: 'x', organisation: null, professionalBody: null, respondentType: 'organisation', text: 'Our son attends.' });
		expect(org).toBeNull();
		const person = inferSector(model, { id: 'x', organisation: null, professionalBody: null, respondentType: 'individual', text: 'Our son attends.' });
		expect(person).toMatchObject({ sector: 'other', reason: 'writes as a parent or grandparent: "Our son"', method: 'text-role' });
	});

	it('leaves the sector not known when nothing says who the respondent is, or they say what they are not', () => {
		expect(infer(null, null, 'The guidance is far too long and nobody will read it.')).toBeNull();
		expect(infer(null, null, "I'm not a lawyer, but the law section lost me.")).toBeNull();
	});
});

describe('stance', () => {
	it('reads closed answers as support, oppose or mixed', () => {
		expect(closedStance('Yes')).toBe('support');
		expect(closedStance('No')).toBe('oppose');
		expect(closedStance('Not sure')).toBe('mixed');
		// Other questions' options, read by their words, not by their place in the list.
		const scale = ['Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree'];
		expect(scale.map((o) => closedStance(o))).toEqual(['support', 'support', 'neutral', 'oppose', 'oppose']);
		expect(closedStance("Don't know")).toBe('mixed');
		expect(['Broadly agree', 'Mostly agree', 'Do not agree', "Don't agree", 'No comment', 'No strong view'].map((o) => closedStance(o))).toEqual(['support', 'support', 'oppose', 'oppose', 'neutral', 'neutral']);
		expect(['Option 1', 'Option 2', 'Option 3'].map((o) => closedStance(o))).toEqual(['neutral', 'neutral', 'neutral']);
	});
	it('reads free text with the domain lexicon and negation', () => {
		expect(textStance('We warmly welcome this sensible guidance.').stance).toBe('support');
		expect(textStance('This is unworkable and we strongly object.').stance).toBe('oppose');
		expect(textStance('We do not welcome this at all.').stance).toBe('oppose');
		expect(textStance('We welcome the aims but the two-tier approach is unworkable and confusing.').stance).toBe('mixed');
		expect(textStance('See above.').stance).toBe('neutral');
	});
});

describe('quotes', () => {
	it('never quotes a confidential respondent and picks one quote per respondent', () => {
		const base = { theme: 'consent', sector: 'health', confidence: 0.9, cues: ['consent'] };
		const quotes = selectQuotes([
			{ ...base, answerId: 1, respondentId: 1, confidential: true, redacted: 'Consent must be sought first, every time, from the family.' },
			{ ...base, answerId: 2, respondentId: 2, confidential: false, redacted: 'Consent is poorly explained in section four of the draft guide.' },
			{ ...base, answerId: 3, respondentId: 2, confidential: false, redacted: 'We also think consent forms should be standard across the area.' }
		]);
		expect(quotes.map((q) => q.answerId)).toEqual([2]);
	});
	it('cuts a long answer to the sentence that carries the theme', () => {
		const long = `${'Background sentence about our service and its history in the area. '.repeat(6)}Consent is the real problem for our staff. ${'Closing remarks about other matters entirely. '.repeat(4)}`;
		expect(excerpt(long, ['consent'])).toMatch(/^… Consent is the real problem for our staff\./);
	});
});

describe('emergent themes: key terms', () => {
	it('lists each answer\'s terms by TF-IDF exactly as natural\'s TfIdf does, ties and numbers included', () => {
		const texts = [
			'Staff need 24 hour access to a named person; the named person must be trained.',
			'Volunteers in 2005 had no training and no named person at all.',
			'The guide is long, long, long. 24 pages on consent alone.',
			'Named person schemes work when the constructor of the scheme listens.',
			'Training, training and more training: the toString of every inspection.'
		];
		const docs = texts.map((t) => termFeatures(tokenize(t)).filter((f) => !f.includes(' ')));
		const natural = new TfIdf();
		for (const d of docs) natural.addDocument(d);
		const expected = docs.map((_, i) =>
			natural
				.listTerms(i)
				.slice(0, 6)
				.map((t) => [t.term, t.tfidf])
		);
		const mine = topTerms(docs, 6);
		// natural's idf cache returns Object.prototype.constructor for the term "constructor" (a score of NaN); the
		// key terms here have a real score for it and agree everywhere else.
		const real = (list: (string | number)[][]) => list.filter(([term]) => term !== 'constructor');
		expect(mine.map(real)).toEqual(expected.map(real));
		expect(mine[3].find(([term]) => term === 'constructor')?.[1]).toBeGreaterThan(0);
	});
});
