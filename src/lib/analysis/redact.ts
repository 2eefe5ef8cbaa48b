// Stage 6: redaction of personal data in anything that may be published: email addresses, UK phone numbers,
// postcodes, street addresses, dates of birth, NHS and National Insurance numbers, case and pupil references, social
// media names, people named with a title, a role, a relation or a signature, and first names (children's included)
// where they can be detected.
import { AMBIGUOUS_NAMES, FIRST_NAMES } from './names';
import { cuePlaces, moreNames, MORE_CUES, noteCue, type NameSense } from './redact-names-2';
import { byKnownSurname, firmAfter, lowerTitled, mayBeSurname, pluralSurnames, surname as isSurname, type WordSense } from './redact-surnames';

export type RedactionKind = 'email' | 'phone' | 'nhs' | 'postcode' | 'name' | 'address' | 'dob' | 'ni' | 'reference' | 'handle' | 'organisation';

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
	name: '[name removed]',
	address: '[address removed]',
	dob: '[date of birth removed]',
	ni: '[NI number removed]',
	reference: '[reference removed]',
	handle: '[username removed]',
	organisation: '[organisation removed]'
};

/**
 * What a respondent's own details say about their answers: their own name is removed wherever they write it (in a
 * sign-off, say), and so is a confidential respondent's own organisation ("Dunmere's experience is ..." from Dunmere
 * Metropolitan Borough Council); the published name of an organisation that responded is not taken for a person's
 * ("Kelsey Green" from the London Borough of Kelsey Green).
 */
export interface PersonalTerms {
	names: string[];
	organisations: string[];
	keep: string[];
}

/** Words of an organisation's name that say nothing of which one it is. */
const GENERIC = new Set(
	'London Metropolitan Borough County City Council District Primary Secondary Care Trust Trusts Association College Royal British National Society Institute Medical Nursing Nurses Midwives Health Social Services Service Children Childrens Young People Youth Family Families Police Constabulary Authority Local Safeguarding Board Partnership Team Centre School Schools Academy Hospital Foundation Federation Union Network Forum Group Project Church Diocese Council Community Voluntary Education Offending Information Governance Limited Ltd and for the The of Of And For'.split(
		' '
	)
);

/** Ordinary words that begin organisations' names: the name's first word alone is removed only when it is not one. */
const COMMON_LEAD = new Set(
	'Church Haven House Home Homes Secure Training Lane Street Road Park Green Hill Valley North South East West Central Northern Southern Eastern Western New Old Great Little Upper Lower Saint Holy Sacred Hope Women Womens Talk Open Safe Bright Brighter First Better Together Action Family Friends Positive Kids Child Save'.split(
		' '
	)
);

const words = (s: string | null) => (s ?? '').split(/[^\p{L}'’-]+/u).filter(Boolean);

/** The words of a respondent's own name that are names (not a title, an initial or a word that is also a name). */
function ownNameWords(name: string | null): string[] {
	return words(name).filter((w) => w.length >= 3 && /^\p{Lu}/u.test(w) && !AMBIGUOUS_NAMES.has(w.toLowerCase()) && !NOT_A_NAME_WORD.has(w) && !ORG_WORD.has(w) && !/^(?:Mrs?|Ms|Miss|Mx|Dr|Prof|Rev)$/.test(w));
}

/** Whether an organisation's name holds a word of the respondent's own name ("Aldous & Kerr Dental Practice" for
 * Richard Aldous): an individual's employer named so would name them. */
export function holdsOwnName(organisation: string | null, name: string | null): boolean {
	const own = new Set(ownNameWords(name).map((w) => w.toLowerCase()));
	return own.size > 0 && words(organisation).some((w) => own.has(w.toLowerCase().replace(/['’]s$/, '')));
}

export function personalTerms(r: { name: string | null; organisation: string | null; respondentType: string | null; confidential: boolean }): PersonalTerms | undefined {
	const names = ownNameWords(r.name);
	const organisations: string[] = [];
	const keep: string[] = [];
	const org = (r.organisation ?? '').trim();
	if (org) {
		if (r.confidential) {
			// The name whole, its first two words ("Haven House", "St Aldhelm's"), and its first word alone when that
			// is a name rather than a word ("Dunmere", "Hillbrook", not "Church" or "Secure").
			const lead = org.replace(/^(?:The|London Borough of|Royal Borough of|Borough of|City of|County of)\s+/i, '').split(/\s+/);
			const distinctive: string[] = [];
			if (lead.length > 1 && /^\p{Lu}/u.test(lead[1])) distinctive.push(`${lead[0]} ${lead[1]}`);
			const first = lead[0].replace(/[^\p{L}'’-]/gu, '');
			if (first.length >= 4 && /^\p{Lu}\p{Ll}/u.test(first) && !GENERIC.has(first) && !ORG_WORD.has(first) && !COMMON_LEAD.has(first)) distinctive.push(first);
			organisations.push(org, ...distinctive);
			const abbreviation = /\(([A-Z]{2,10})\)/.exec(org)?.[1];
			if (abbreviation) organisations.push(abbreviation);
		} else if (r.respondentType === 'organisation') {
			// Runs of the name's own capitalised words: "Kelsey Green" in "London Borough of Kelsey Green".
			for (const run of org.match(/\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)*/gu) ?? []) {
				const own = run.split(' ').filter((w) => !GENERIC.has(w));
				if (own.length && !own.some((w) => names.includes(w))) keep.push(own.join(' '));
			}
		}
	}
	return names.length || organisations.length || keep.length ? { names, organisations, keep } : undefined;
}

/** Whether a text mentions any of a respondent's own terms, so that texts that do not can share one redaction. */
export function mentionsPersonal(text: string, p: PersonalTerms): boolean {
	return [...p.names, ...p.organisations, ...p.keep].some((t) => text.includes(t) || text.includes(t.toUpperCase()));
}

/**
 * The matches of a global regular expression, as `matchAll` finds them but without the copy of the expression that
 * `matchAll` makes on each call (most of the cost of a rule that finds nothing). Not for an expression used again
 * while its matches are being read.
 */
function* matches(text: string, re: RegExp): Generator<RegExpExecArray> {
	if (!re.global) throw new TypeError(`matches() needs a global expression: ${re}`);
	re.lastIndex = 0;
	for (let m = re.exec(text); m; m = re.exec(text)) {
		if (m[0] === '') re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
		yield m;
	}
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWord = (term: string) => new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${escapeRegExp(term)}|${escapeRegExp(term.toUpperCase())})(?![\p{L}\p{N}])`, 'gu');

/** Begun only where a run of the characters an address's name can have begins: tried from inside a run, a long run
 * with no domain after its "@" took time growing with the square of its length (20 s for 100,000 characters). */
const EMAIL = /(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** Not followed by a letter or digit; "/112" after a number is a second line ("960 111/112"), a longer run after a
 * slash is a date or a reference. */
const PHONE = /(?<![\w/])(?:(?:\+|00)44\s?\(?0?\)?\s?|\(?0)\d{2,5}\)?(?:[\s-]?\d){5,8}(?!\w)(?!\/\d{4})/g;
/** Ten digits, grouped 3-3-4 as NHS numbers are written or any other way; kept only if the check digit is right. */
const NHS_NUMBER = /(?<![\w/.-])\d(?:[ -]?\d){9}(?![\w/-])/g;
/** Ten digits after "NHS number" (or "NHS no."), whatever the check digit says: mistyped, it is still someone's. */
const NHS_CUED = /\bNHS\s*(?:no\.?|number|num)?[^\d\n]{0,25}?(?<![\w])(\d{3}[ -]?\d{3}[ -]?\d{4})(?![\w])/dgi;
const POSTCODE = /\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi;
/** An outward code alone after a place name, as in "Kidderminster DY10". */
const DISTRICT = /\b(?<=[A-Z][a-z]+,? )[A-Z]{2}\d{1,2}\b/g;
/** Relations written as a title before a name: "Grandma Pat", "Aunty Grace", "Uncle Femi". */
const KIN_TITLE = 'Grandma|Grandad|Grandpa|Granny|Gran|Nan|Nana|Nanna|Nanny|Nain|Taid|Aunty|Auntie|Aunt|Uncle';
const TITLE = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sister|Nurse|Rev|Reverend|Father|PC|WPC|PCSO|DC|DS|DI|DCI|Sgt|Sergeant|Inspector|Superintendent|Constable|Detective|Cllr|Councillor|Pastor|Imam|Rabbi|Canon|Sir|Dame|Pani|Herr|Frau|Madame|Mme|Monsieur|Señora|Señor|Baby|${KIN_TITLE})`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’-]+`;
const TITLED = new RegExp(String.raw`(?<![\p{L}])(?:${TITLE}\.? )+(?:[A-Z]\.? )?(?:d['’]|[Dd]e |[Vv]an (?:[Dd]e[rn] )?|[Vv]on |[Dd]a |[Dd]i |[Dd]u |[Ll][ae] |Ó |Ní |Nic |Mac |Mc )?(${NAME_WORD})(?: ${NAME_WORD})?`, 'gu');
/** A surname said to be one: "(surname Van der Berg)", "her maiden name was Cartwright". */
const SURNAME = /\b(?:[Ss]urname|SURNAME|[Ff]amily name|[Mm]aiden name|[Ll]ast name)(?: is| was)?(?:\s*:\s*|\s+)((?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]e[rn]|[Dd]a|[Dd]i|[Dd]u|[Ll][ae]|[Tt]er)\s+)*(?:d['’]|O['’])?\p{Lu}[\p{L}'’-]+)/dgu;
/** The parts of an e-mail address's name that say nothing of whose it is ("safeguarding.team@", "info@"). */
const MAILBOX_WORDS = new Set(
	'info enquiries enquiry admin administrator office contact contacts team mail email hello help helpline reception duty referrals referral safeguarding admissions support services service children childrens child social care school schools head clerk council data protection dpo foi noreply webmaster post general youth health nhs police the and for consultation consultations responses response feedback parents parent family families sen senco governors governor press media news comms communications finance accounts unit centre center project trust board partnership network lscb acpc yot cahms camhs nursery practice surgery team clinic ward home homes group groups office manager secretary chair director'.split(' ')
);
/** Capitalised words that follow a title as part of a job or a thing, not a name: "Nurse Practitioners", "PC World". */
const NOT_A_NAME = new Set(
	'Clinic Clinics Room Rooms Massage Milk Boom Bond Friendly Steps Initiative Café Cafe Week Bank Box Unit Units State States Government Practitioner Practitioners Prescriber Prescribers Specialist Specialists Consultant Consultants Manager Managers Team Teams Lead Leads Training Days Day World Service Services Adviser Advisers Advisor Advisors Education Network Forum Meeting Meetings Station Unit Ward Bank Staff Students Student Group Groups'.split(
		' '
	)
);
/** Every capitalised word, with the word after it looked at but not taken, so that each word is tried as a first
 * name ("Yesterday Emma rang", "Contact Peter Hughes": the name is the second word of the pair). */
const CAPITALISED = new RegExp(String.raw`(?<![\p{L}])(${NAME_WORD})(?=(?: (${NAME_WORD}))?)`, 'gu');
/** Words after which a first name names a place or a foundation, not a person: "St George's", "King Edward VI". */
const PLACE_BEFORE = /(?:\b(?:St|Saint|King|King['’]s|Queen|Prince|Princess|Duke|Duchess|Royal|Port|Fort|Mount|Lake|Cape)\.? |\b(?:Borough|County|City|District|Diocese|Bishop|University|Isle|Council) of )$/;
/** First names that are also places, not taken after a word of place: "families from Jordan", "in Chelsea". */
const PLACE_NAMES = new Set('jordan georgia chelsea beverley florence india sydney devon kent shannon israel chester preston lincoln whitby selby morley dudley crawley clifton'.split(' '));
/** What follows a first name that is also a place (PLACE_NAMES) when it is the place: "Chester in Cheshire", not "Jordan
 * in Year 9". */
const AFTER_A_PLACE = /^,? (?:in|near) (?!Year\b|Yr\b|Reception\b|Nursery\b|Class\b|Form\b|Set\b|Key Stage\b|Care\b)\p{Lu}/u;
/** What follows any first name when it names a place: "Stanley, County Durham". */
const COUNTY_AFTER = /^, (?:County|Co\.) \p{Lu}/u;
const BEFORE_A_PLACE = /\b(?:from|in|to|across|cover|covers|covering|near|visited|and|of)\s+$/i;
/** Fixed phrases that contain a first name but name no one. */
const NAMED_PLACES = /\b(?:Kensington and Chelsea|Chelsea and Westminster|Dr Barnardo['’]s|Downing Street|Marie Curie)\b/g;
/**
 * People in the public record of a consultation's field, named for what happened to them or what they did in public
 * (the inquiries and reviews that shaped it): the consultation lists them (`public_record` in consultation.json), and
 * their names are left alone. Made once per list by `publicRecord`.
 */
export interface PublicRecord {
	pattern: RegExp | null;
}
export function publicRecord(names: string[]): PublicRecord {
	const list = [...new Set(names.map((n) => n.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
	return { pattern: list.length ? new RegExp(String.raw`(?<![\p{L}])(?:${list.map(escapeRegExp).join('|')})(?![\p{L}])`, 'gu') : null };
}
const NO_PUBLIC_RECORD: PublicRecord = { pattern: null };
/** Capitalised words that are not names whatever comes before: sentence openers and the like ("My son Has ..."). */
const NOT_A_NAME_WORD = new Set(
	'The A An And Or But If So As At In On Of To For From By With Is Was Has Had Have Are Were Be Been Will Would Can Could Should Must May Might Did Does Do Not No Yes I We He She They It This That These Those There Here Who What When Where Why How Also However Then Than Very All Any Some Each Every Our My Your Their His Her Its'.split(
		' '
	)
);
/** Words that begin or belong to the name of an organisation, a post or a heading rather than a person. */
const ORG_WORD = new Set(
	'Advice Bureau Citizens Helpline Local Authority Authorities Not Anonymous Withheld Given Designated Named Independent Reviewing Officer Officers Nurse Nurses Chair Chairman Chief Executive Head Deputy Lead Manager Director Assistant Senior Principal Parent Parents Practitioner Teacher Teachers Worker Workers Social Council Trust Society Service Services Board Team Centre Hospital School Schools Academy Alliance Association College Colleges University Foundation Fund Partnership Agency Office Department Unit Forum Network Inquiry Report Review Act Start NHS Primary Secondary Care Children Childrens Young People Youth Family Families Health Police Constabulary Voluntary Sector Community Group Safeguarding Education Committee Panel Project Church Diocese Federation Union Institute Commission Government County City Borough District Metropolitan Royal British National England Wales Scotland Ireland Northern Mental Support Services'.split(
		' '
	)
);
const NAME_PART = String.raw`\p{Lu}\p{Ll}[\p{L}'’]*(?:-\p{Lu}\p{Ll}[\p{L}'’]*)?`;
/** A person's name as written in full: up to four capitalised words, with the particles of Irish, Scottish, Dutch,
 * Arabic and other names ("Siobhán Ní Dhomhnaill", "Mohammed Al-Rashid"). */
const NAME_RUN = String.raw`${NAME_PART}(?: (?:${NAME_PART}|Ní|Nic|Mac|Mc|van|von|de|da|bin|binti|al|Al-\p{Lu}\p{Ll}+|O['’]\p{Lu}\p{Ll}+)){0,3}`;
/** Jobs and relations a name is written beside. */
const ROLE = String.raw`(?:head|headteacher|head teacher|deputy head|teacher|class teacher|nurse|school nurse|health visitor|midwife|doctor|GP|paediatrician|SENCO|SENCo|social worker|youth worker|worker|keyworker|key worker|support worker|manager|officer|lead|leader|coordinator|co-ordinator|interpreter|chair|director|adviser|advisor|practitioner|therapist|psychologist|counsellor|carer|foster carer|childminder|volunteer|governor|caseworker|case worker|mentor|consultant|solicitor|receptionist|secretary|administrator|inspector|constable|sergeant|detective)`;
/** The words before a name that say it is someone in a role: "our headteacher, " before "Bernadette Quigley",
 * "The school nurse, " before "Ingrid,". Tried only where a name may start, on the 80 characters before it. */
const ROLE_BEFORE = new RegExp(String.raw`\b(?:[Oo]ur|[Mm]y|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Yy]our)\s+(?:[\p{L}'’-]+\s+){0,3}?${ROLE}(,?)\s+$`, 'u');
/** A name, and a comma after it if there is one: read where a name may start. */
const NAME_AT = new RegExp(String.raw`(${NAME_RUN})(?![\p{L}])(,?)`, 'uy');
/** A name, then its role: "Grace Okafor, the school nurse", "Mark Ellison, headteacher", "Sue Bradshaw (practice
 * nurse)". Read where a first name starts. */
const NAME_THEN_ROLE = new RegExp(
	String.raw`(${NAME_RUN})(?:,\s+(?:(?:the|our|my|a|an|their|his|her)\s+)?|\s+\((?:the\s+|our\s+)?)(?:[\p{L}'’-]+\s+){0,3}?${ROLE}s?\b`,
	'uy'
);
/** A name in a signature or a form's field: "Name: Hollie Barraclough", "Regards, Sunita Chauhan", "Completed by:
 * Holloway, Janet (Mrs)", "This response was drafted by Ifeoma Chukwu". */
const SIGNED = new RegExp(
	String.raw`(?:\b(?:[Ss]ubmitted|[Dd]rafted|[Cc]ompleted|[Ss]igned|[Ww]ritten|[Pp]repared|[Cc]ompiled) (?:on behalf of [^.\n]{1,60}? )?by\s*:?\s+|(?<![\p{L}])(?:Name|Signed|Regards|Kind regards|Warm regards|Best regards|Best wishes|Many thanks|Thanks|Thank you|Cheers|Yours sincerely|Yours faithfully|Yours truly|Respondent|Respondent name|Completed by|Author|Contact|Contact name)\s*[:,]\s*|(?<![\p{L}])(?:Patient|Child|Pupil|Client|Student|Young person|Service user|From|Cc)\s*:\s*)(?:(?:Mr|Mrs|Ms|Miss|Dr|MR|MRS|MS|DR)\.?\s+)?((?:\p{Lu}[\p{L}'’-]*)(?:(?:,[ \t]|[ \t])(?:Dr\s|Mrs\s|Mr\s|Ms\s)?\p{Lu}[\p{L}'’-]*){0,3})`,
	'dgu'
);
/** Initials and a surname: "J. Holloway", "A.J. Mortimer", "Prof. A. R. Whitcombe"; a bare initial only after "by",
 * "from", "to" or "with" ("the report by K Thompson"). */
const INITIALS = new RegExp(
	String.raw`(?:(?<![\p{L}.])(?:[A-Z]\.\s?){1,3}(?:&\s(?:[A-Z]\.\s?){1,3})?|(?<=\b(?:by|from|to|with|cc)\s)[B-HJ-Z]\s)(${NAME_PART})(?![\p{L}])`,
	'dgu'
);
/** Initials and a surname in capitals: "A. H. PENNINGTON-SMYTHE". */
const INITIALS_UPPER = /(?<![\p{L}.])(?!N\.\s?B\.)(?:[A-Z]\.\s?){2,3}([A-Z]{3,}(?:-[A-Z]{2,})?)(?![\p{L}])/gu;
/** Someone referred to by initials: "by his initials DM", "initials J.K.". */
const BY_INITIALS = /\binitials\s+(?:(?:are|were|of|as)\s+)?(?!DOB\b|NHS\b|UPN\b|NI\b)((?:[A-Z]\.?\s?){2,3})(?![\p{L}])/gu;
/** Words after an initial that make it a label, not a name: "Key Stage 2", "E. Coli", "Annex B Plan". */
const NOT_AFTER_INITIAL = new Set('Team Level Levels Block Wing Division Grade List Road Street Coli Ward Stream Class Form Section Annex Appendix Plan Stage Category Type'.split(' '));
/** Kin and friends named after who they are: "my brother Kacper", "the girl, Amira,", "my daughter chloe". */
/** Relations and friends a name is written after ("my brother Kacper"). */
const RELATIONS = 'brother|sister|bro|sis|mum|mam|mother|dad|father|nan|nana|nanna|nanny|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|aunt|auntie|aunty|uncle|cousin|mate|friend|bestie|partner|husband|wife|boyfriend|girlfriend|fiance|fiancee|son|daughter|grandson|granddaughter|nephew|niece|stepson|stepdaughter|stepdad|stepmum|stepbrother|stepsister|eldest|youngest';
/** Who someone is to the writer, with whose they are first if it says ("my mum's boyfriend", "my foster sister"). */
const KIN_MORE = new RegExp(String.raw`\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:mum|mam|mom|dad|nan|nana|gran|sister|brother|aunt|auntie|aunty|uncle|cousin|friend|mate)['’]?s\s+)?(?:(?:little|baby|twin|best|big|step|older|younger|eldest|youngest|foster|real|birth|new|adopted|half)\s+)?(?:${RELATIONS})\s*,?\s+(\p{Lu}\p{Ll}[\p{L}'’]*(?:-\p{Lu}\p{Ll}+)?(?: \p{Lu}(?:\p{Ll}|['’]\p{Lu})[\p{L}'’-]*)?|\p{Ll}{3,})(?![\p{L}])|\b[Tt]he\s+(?:girl|boy|child|young person|baby|mother|father|mum|dad|parent|carer|stepfather|stepmother|grandmother|grandfather|pupil|victim),\s+(\p{Lu}\p{Ll}[\p{L}'’-]*(?: \p{Lu}\p{Ll}[\p{L}'’-]*)?)\s*[,(]`, 'dgu');
/** Names that are also words, taken in lower case after a relation ("my nanna june", "my foster sister grace"): not
 * the ones that are verbs as well ("my mum will", "my dad may"). */
const NAMES_AFTER_KIN = new Set('grace faith hope joy rose june april dawn sue carol amber holly ruby crystal summer skye frank dean'.split(' '));
/** Relations as titles in lower case: "uncle desmond", "auntie bev". */
const KIN_TITLE_LOWER = /(?<![\p{L}])(?:aunty|auntie|aunt|uncle|nanna|nana|nanny|grandma|grandad|grandpa|granny|gran)\s+(\p{Ll}{3,})(?![\p{L}])/gu;
/** Whose a role is, before a name in lower case: "my key worker gary", "our youth worker sam". */
const ROLE_OWNER_LOWER = /\b(?:my|our|his|her|their)\s+(?:[\p{L}-]+\s+){0,2}$/u;
/** Someone with their age in other forms: "Kaden (14)", "Bailey, who is 7,", "Shanice was 15 when". */
const AGED = /(?<![\p{L}])(\p{Lu}\p{Ll}[\p{Ll}'’-]*)(?: \(\d{1,2}\)|, who is (?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b| was \d{1,2} when)/dgu;
/** In lower case, as young people often write: "my name is tracey dunmore", "a woman called fiona"; or in capitals. */
const MY_NAME_IS = /\b(?:(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir) (?:full |real |first |sur)?name(?: is|['’]s)|(?:[Hh]e|[Ss]he)(?: is|['’]s) called|[Mm]y names|(?:MY|HIS|HER) NAME(?: IS|['’]S)) (\p{L}[\p{L}'’-]*(?: (?!(?:and|i|im|a|he|she|it|they|we|you|is|was|but|so|or|the|AND|I|IM|A|HE|SHE)\b)\p{L}[\p{L}'’-]*)?)/dgu;
/** Someone saying who they are: "I'm Marcus Thompson", "I, Harjinder Kaur Sandhu, support", "contact me, Vusi Ndlovu,",
 * "its Jordan-Lee here". Taken when it begins with a first name, or is set off by commas, or is followed by "here". */
const SELF = new RegExp(String.raw`(?:\b(?:I['’]m|I am|[Ii]ts|[Ii]t['’]s|[Tt]his is)\s+|(?<![\p{L}])(?<set>I|me),\s+)(${NAME_RUN})(?![\p{L}])(,)?`, 'dgu');
/** The same in lower case: "hi im tasha", "its jade here"; only a known first name. */
const SELF_LOWER = /\b(?:i['’]?m|i am|its|it['’]s|this is)\s+(\p{Ll}{3,})(?![\p{L}])/dgu;
const CALLED_LOWER = /\b(?:called|named|calls? (?:him|her|me|them)(?: big| little| lil)?) (\p{Ll}+)\b/dgu;
/** A known first name in lower case in brackets, or signing off a text: "the youth worker at our club (sam)", "- marcus". */
const LOWER_ASIDE = /\((\p{Ll}{3,})\)|(?:^|\s)[-–—]\s*(\p{Ll}{3,})\s*$/gu;
/** A known first name in lower case after "my" or "our" and one word: "our drummer liam", "my keyworker gary". */
const MY_WHO_LOWER = /\b(?:my|our)\s+\p{Ll}{2,12}\s+(\p{Ll}{3,})(?![\p{L}])/gu;
/** A handle's shape: words run together in mixed case, ending in digits ("DadOfThreeSteve73"). */
const HANDLE_SHAPE = /[A-Za-z]\d{2,4}(?![\w])/g;
const HANDLE_WORD = /(?<![\w@.])[A-Za-z]+$/;
/** Titles in capitals or in lower case: "MRS SMITH", "mrs pearson". */
const TITLED_UPPER = /(?<![\p{L}])(?:MR|MRS|MS|MISS|DR)\.? (?:[A-Z]\.? ?){0,2}([A-Z][A-Z'’-]+)(?: ([A-Z][A-Z'’-]+))?(?![\p{L}])/dgu;
/** In lower case not "ms", which is as often multiple sclerosis ("children with ms attend"). */
const TITLED_LOWER = /(?<![\p{L}])(?:mr|mrs|dr)\.? (\p{Ll}[\p{Ll}'’-]+)/dgu;
/** "miss" in lower case is a title only after a word that says so: "my teacher miss o'reilly", "called miss khan". */
const MISS_LOWER = /\b(?:(?:my|our|his|her|a|the) (?:teacher|tutor|mentor|head|ta|senco|worker)|called|named|sir and)\s+miss\s+(?!(?:this|that|it|any|out|the|a|an|school|lessons|class|them|him|her|me|us|you|anything|something|nothing|signs|warning|things|it's|its)\b)(\p{Ll}[\p{Ll}'’-]+)/gu;
const NOT_A_SURNAME_LOWER = new Set('and or the a an of in on at to from said says told was is has had who will would can could and'.split(' '));
const MONTHS = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
/** A whole date: "12/03/1995", "3.3.1996", "1995-03-12", "17th June 1961", "June 17, 1961". */
const DATE = String.raw`\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS})\.?\s+\d{2,4}|(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2} \d{1,2} \d{4}`;
/** Every whole date in a sentence that speaks of a birth: "my date of birth is 30/06/1975 and my son's is 21/10/1998". */
const DATES = new RegExp(String.raw`(?<![\d./-])(?:${DATE})(?![\d/-]|\.\d)`, 'gu');
const BIRTH_SENTENCE = /[^.!?\n]*(?:\b(?:dob|d\.o\.b|date of birth|birthday|bday|b-day|born)\b)(?:[^.!?\n]|\.(?=\d))*/gi;
/** A date of birth, only where it says so, so that other dates stay: "DOB 12/03/1995", "born on 22 September 2004". */
const DOB = new RegExp(
	String.raw`\b(?:DOB|D\.O\.B\.?|d\.o\.b\.?|dob|[Dd]ate of birth|[Bb]orn(?: on)?|(?<=[(,] ?)b\.)(?:\s+(?:is|was|of))?\s*[:\-]?\s*(${DATE})`,
	'dgu'
);
/** A National Insurance number: two letters, six digits, one letter A to D, in capitals or in lower case. */
const NI_NUMBER = /(?<![\w])(?:[A-Z]{2}(?: ?\d{2}){3} ?[A-D]|[a-z]{2}(?: ?\d{2}){3} ?[a-d])(?![\w])/g;
/** The kinds of street an address names, as its last word. */
const STREET_KINDS = 'Street|Road|Avenue|Lane|Close|Crescent|Terrace|Drive|Way|Gardens|Grove|Place|Court|Walk|Mews|Row|Square|Hill|Rise|View|Mansions|Parade|Green|Approach';
/** A house number and street, with a flat if there is one: "14 Acacia Avenue", "Flat 2, 88 Cranbrook Road". */
const ADDRESS = new RegExp(String.raw`(?<![\w])(?:Flat \d+[A-Za-z]?,? )?\d{1,4}[A-Za-z]?,? (?:(?:\p{Lu}\p{Ll}+(?:['’]s)? |St\.? ){1,3}(?:${STREET_KINDS})|\p{Lu}\p{Ll}{2,}gate)\b`, 'gu');
/** A house's name before its number and street, where an address begins: "(Rosemount, 5 Kirkgate", "at Ty Gwyn, 3 Heol
 * y Bryn". Read on the text before an address found. */
const HOUSE_BEFORE = /(?:^|[\n(:]|\b(?:at|to|is)\s)\s*((?:\p{Lu}\p{Ll}+ ){0,2}\p{Lu}\p{Ll}+), $/u;
/** A house named as a house, with its street and no number: "Rose Cottage, Mill Lane", "Hollins Farm, Back Lane". */
const HOUSE_NAMED = new RegExp(String.raw`(?<![\p{L}])(?:\p{Lu}\p{Ll}+ ){1,2}(?:Cottage|Cottages|Farm|Farmhouse|Lodge|Barn|Bungalow|Croft|Grange|Manor),\s+(?:\p{Lu}\p{Ll}+ ){1,3}(?:${STREET_KINDS})\b`, 'gu');
/** A Welsh street, its kind first: "12 Heol y Bryn", "7 Cae Glas". */
const ADDRESS_WELSH = /(?<![\w])(?!(?:19|20)\d\d\b)\d{1,4}[A-Za-z]?,? (?:Heol|Ffordd|Stryd|Lôn|Lon|Rhodfa|Cilgant|Teras|Maes|Cae|Bro|Llys|Clos)(?:[ -](?:[Yy]|[Yy]r|'r|\p{Lu}[\p{L}'’]+)){1,3}/gu;
/** Everything from "my address is" to the postcode that ends it: "The Old Forge, Mill Lane, Little Snoring, NR21 0AA". */
const ADDRESS_IS = /(?:\b(?:[Mm]y|[Oo]ur|[Hh]ome|[Hh]is|[Hh]er|[Tt]heir) address(?: is)?\s*:?|(?:^|\n)(?:(?:Home|Postal|Correspondence|Contact) )?(?:[Aa]ddress(?: for (?:correspondence|letters|contact))?|Home)\s*:|\b[Ww]e are at|\b[Ww]rite to (?:me|us) at)\s+([^.\n]{3,90}?\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}))\b/g;
/** A house and street in lower case, where someone says they live there: "i live at 14 hawthorn road". */
const ADDRESS_LIVE = new RegExp(String.raw`\b(?:live|lives|living|lived|stay|stays|staying|moved to|address is|(?:house|home|flat) is)\s+(?:at\s+)?(\d{1,4}[a-z]?,? (?:(?!(?:the|a|an|down|up|along|from|to|of|off|on|by|near|away|just|miles?|minutes?|yards?|metres?|meters?|hours?|mins?)\b)[\p{L}'’]+ ){1,3}(?:${STREET_KINDS}|st|rd|ave))\b`, 'giu');
/** A flat in a named building, and the street after it if given: "Flat 3, Kestrel House, Mill Lane", "Flat 12B,
 * Wordsworth Tower". A flat's number before a name is an address whatever the building is called. */
const FLAT = new RegExp(String.raw`(?<![\p{L}])(?:Flat|Apartment|Apt\.?)\s+\d{1,4}[A-Za-z]?,\s+(?:\p{Lu}[\p{L}'’-]*)(?: \p{Lu}[\p{L}'’-]*){0,3}(?:,\s+(?:\d{1,4}[A-Za-z]?\s+)?(?:\p{Lu}\p{Ll}+ ){1,3}(?:${STREET_KINDS})\b)?`, 'gu');
/** A house number and its street or house name after "address" (a placement's, a child's): "placement address 3 The
 * Paddocks". */
const ADDRESS_AFTER = /\b(?:[Pp]lacement|[Hh]ome|[Pp]ostal|[Cc]urrent|[Nn]ew|[Oo]ld|[Pp]revious|[Ff]oster|[Ff]amily|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur) address(?: is| was)?(?:\s*:\s*|\s+)(\d{1,4}[A-Za-z]?,? (?:The )?\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2})/gu;
/** Postcode areas, for an outward code alone ("from B15", "the M14 area"), which is taken only after such a cue:
 * without one, "M6" and "B12" are motorways and vitamins. */
const AREAS = 'AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'.split(' ').join('|');
const DISTRICT_CUED = new RegExp(String.raw`(?:\b(?:live in|living in|lives in|moved (?:from|to)|(?<=\bmoved from [^.,;\n]{1,30}? )to|based in|postcode,?(?: is| was)?)\s+(?:the\s+)?|\bthe\s+(?=\w+ area\b)|\()((?:${AREAS})\d{1,2}[A-Z]?)(?![\w])`, 'dg');
/** An e-mail address written to dodge robots: "x at y dot co dot uk", "x [at] y.uk", "x @ y.uk". */
const EMAIL_SPELT = /[A-Za-z0-9._%+-]+ ?[[(]at[\])] ?[A-Za-z0-9-]+(?: ?(?:\.|[[(]dot[\])]| dot ) ?[A-Za-z0-9-]+)+|[A-Za-z0-9._%+-]+ at [A-Za-z0-9-]+(?: dot [A-Za-z0-9-]+)+|[A-Za-z0-9._%+-]+ @ [A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** Social media names: "@jennyh_mum", "myspace.com/kayleigh_xx", "my bebo name is lil_ty". */
const HANDLE = /(?<![\w.@])@[A-Za-z0-9_]{2,30}\b|\b(?:myspace|bebo|facebook|twitter|instagram|tiktok|snapchat|youtube)\.com\/[\w.]+|\b(?:[Mm]y|[Hh]is|[Hh]er) (?:msn|bebo|myspace|facebook|twitter|insta|instagram|snapchat|tiktok|xbox|psn)(?: name| id| username)? is ([\w./]+)|\b[Oo]n (?:[Mm]sn|MSN|[Bb]ebo|[Mm]yspace|MySpace|[Ff]acebook|[Tt]witter|[Ii]nsta|[Ii]nstagram|[Ss]napchat|[Tt]ik[Tt]ok|[Xx]box|XBOX|PSN) as ([\w./]+)/dg;
/** A name run together with underscores, as only user names and handles are: "lilsniper_99", "xxprincess_jadexx". */
const UNDERSCORED = /(?<![\w@./\\-])(?=[A-Za-z0-9_]*[A-Za-z])[A-Za-z0-9]+(?:_+[A-Za-z0-9]+)+_*(?![\w@])/g;
/** Words before a handle that say it is one. */
const HANDLE_CUE = /(?:user ?name|login|log-?on|handle|screen ?name|gamertag|profile|msn|bebo|myspace|facebook|twitter|insta(?:gram)?|snapchat|tiktok|xbox|psn|called|calls (?:him|her)(?:self)?)\b[^.!?\n]*$/;
/** A login or user name after a word that says it is one: "login jwhitworth2", "username: kayleighx". Taken when it
 * has a digit, an underscore or a dot in it, or is in lower case after a colon ("login: ContactPoint" is a system). */
const LOGIN = /\b(?:log-?in|log-?on|user ?name|user ?id|screen ?name|gamertag)s?\b(?:\s+(?:is|was|of))?(\s*:)?\s*([A-Za-z][\w.]{2,30})(?![\w@])/dgi;
/** A case, pupil or police reference after a word that says so, with at least five digits: "Case ref CS/2005/04412",
 * "UPN A123456789012", "Pupil number 20045871". */
const REFERENCE = /\b(?:[Rr]ef(?:erence)?|[Cc]ase|UPN|ULN|[Pp]upil|ID|[Cc]rime|[Ss]tudent|[Pp]atient|[Hh]ospital|[Hh]osp|MRN|[Cc]lient|[Ff]ile|[Rr]eferral|[Mm]embership|[Ss]taff|[Pp]ayroll|[Pp]assport|[Ll]icence)\.?\s*(?:[Nn]umber|[Nn]o\.?|ref(?:erence)?|id|ID)?\s*(?:is\s+)?[:#]?\s*((?=[A-Za-z0-9/-]*(?:\d[^\d\s]*){5})[A-Za-z0-9][A-Za-z0-9/-]*[0-9A-Za-z])/dg;
/** A reference made of capitals and digits between slashes or dashes, with five digits or more: "CS/2004/11873",
 * "00349/SS/DF". (A date has no letters; "DfES/1319/2005" has lower case and names a publication; "2005/36/EC" is a
 * European act; dashes make publication codes, "DCSF-00331-2008".) */
const CODE = /(?<![\w/])(?!\d{4}\/\d{1,4}\/(?:EC|EU|EEC)\b)(?=[A-Z0-9/]{0,40}[A-Z])(?=(?:[A-Z/]{0,12}\d){5})[A-Z0-9]{1,8}(?:\/[A-Z0-9]{1,10}){2,4}(?![\w/])/g;
/** A reference with dashes, after a word that says so: "Referral number 05-44871-C", "case ref AB-2004-1187". */
const CODE_CUED = /\b(?:[Nn]umber|[Rr]ef(?:erence)?|[Cc]ase)\b[^.\n\d]{0,12}?(?<![\w-])((?=[A-Z0-9-]{0,30}[0-9])(?=(?:[A-Z-]{0,12}\d){5})[A-Z0-9]{1,8}(?:-[A-Z0-9]{1,10}){1,4})(?![\w-])/dg;
/** Capitals and six digits or more: "PN 004718", "CPR 7734521" (not "ISBN ..."). */
const PREFIXED = /(?<![\w])(?!ISBN|ISSN|GBP|EUR|USD)[A-Z]{2,4} ?\d{6,}(?![\w])/g;
/** Someone's own number: "my student number at college is 20413377", "her case no. 5567812". */
const OWN_NUMBER = /\b(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[\p{L}]+['’]s)\s+(?:[\p{L}-]+\s+){0,2}?(?:number|no\.?|ref(?:erence)?|ID)\b(?!\s+of\b)[^.\d\n]{0,20}?(?<![\w])([A-Z]{0,3}\d{5,})(?![\w])/dgu;
/** A shorter reference after a word that says it is one: "ref LAC/0347", "CAF no. CAF12347", "reference for my son is
 * YOT/KMB/0593", "Register entry CPR 3317". Letters and three digits or more, or codes with slashes or dashes. */
const REFERENCE_SHORT = /\b(?:[Rr]ef(?:erence)?\.?|REF\.?|[Nn]o\.(?! of)|NO\.|[Nn]umber(?! of)|[Ee]ntry)(?![\p{L}])[^.\n\d]{0,25}?(?<![\w/-])((?=[A-Z0-9/ -]{0,24}\d{3})[A-Z][A-Z0-9]{0,9}(?:[/-][A-Z0-9]{1,10}){1,4}|[A-Z]{2,5} ?\d{3,})(?![\w/-])(?! \d)/gu;
/** Numbers that identify a professional or an officer: "collar number 4412", "GMC no. 4821973", "NMC PIN 98A1234E". */
const PROFESSIONAL_NUMBER = /\b(?:(?:[Cc]ollar|[Ww]arrant|[Ss]houlder|[Bb]adge) (?:[Nn]umber|[Nn]o\.?|card)|(?:GMC|NMC|HCPC|GTC|GSCC)(?: (?:[Nn]umber|[Nn]o\.?|PIN|[Rr]eg(?:istration)?\.?(?: [Nn]umber)?))?|(?:PC|PCSO|WPC|Sgt|DC|DS))\s*:?\s*((?=[A-Z0-9/]{0,12}\d{3})[A-Z0-9][A-Z0-9/]{2,11})(?![\w])/gu;
/** A car's number plate in the current form: "AB12 CDE". */
const NUMBER_PLATE = /(?<![\w])[A-Z]{2}\d{2} ?[A-Z]{3}(?![\w])/g;
const PLATE_WORDS = /\b(?:reg|reg no|registration number|plate|car|van|vehicle|motorbike|taxi)\b/;
/** Older plates, taken only near a word about a vehicle: "W628 FPJ", "ABC 123D". */
const OLD_PLATE = /(?<![\w])(?:[A-Z]\d{1,3} ?[A-Z]{3}|[A-Z]{3} ?\d{1,3}[A-Z])(?![\w])/g;
/** A unique pupil number, which is recognisable on its own. */
const UPN = /\b[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]\b/g;
/** A name given to someone ("a boy I'll call Jamie"), not a word run on into another ("call ChildLine"). Not a name
 * when the next word names a service or scheme ("called Sure Start", "call Social Services"): `AFTER_CALLED`. */
const CALLED = /\b(?:called|named|call|calling|calls? (?:him|her|me|them)|called (?:him|her|me|them)|known as|nicknamed)\s+['‘"“]?(\p{Lu}\p{Ll}[\p{Ll}'’-]*)(?![\p{L}])(?: (\p{Lu}\p{Ll}[\p{L}'’-]*))?/dgu;
const AFTER_CALLED = new Set('Services Service Start Line Point Team Board Partnership Scheme Network Direct Online Care Protection Support Health Agency Office'.split(' '));
/** A child or relative named after who they are: "my son Rhodri", "our foster child, Kai,". */
const KIN = /\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:foster|adopted|eldest|youngest|older|younger|little|baby|twin|new)\s+)?(?:son|daughter|child|grandson|granddaughter|nephew|niece|stepson|stepdaughter|boy|girl|lad|lass|pupil|baby|toddler|teenager)\s*,?\s+(\p{Lu}\p{Ll}[\p{Ll}'’-]*)(?![\p{L}])/dgu;
/** Capitalised words that follow "our child" and the like as the start of a term, not a name: "our child Protection
 * procedures". */
const KIN_NOT_A_NAME = new Set('Protection Care Health Development Poverty Welfare Support Services Minding Benefit Tax Trust Guidance'.split(' '));
/** A family named by its surname: "the Hussain children", "the Tshibangu family (case ...)". */
const FAMILY = /\b[Tt]he ((?:O['’])?\p{Lu}\p{Ll}[\p{L}-]*) (?:family|families|children|twins|household|brothers|sisters|boys|girls|siblings|kids)\b/gu;
/** Words that say what kind of family, not which: "the Polish family", "the Muslim children", "the Foster family". */
const NOT_A_FAMILY_NAME = new Set(
	'Bengali Punjabi Gujarati Urdu Hindi Pakistani Bangladeshi Somali Iraqi Yemeni Saudi Nepali Israeli Czech Slovak Romany Travelling Army Forces Service Services Military Naval Pathfinder Trailblazer Pilot Reception Nursery Sure Council Looked Asian Black White Mixed Roma Traveller Travellers Gypsy Muslim Jewish Sikh Hindu Christian Catholic Afghan Kurdish Arab Irish Welsh Scottish English British Polish Turkish Chinese Vietnamese Portuguese Congolese Sudanese Nepalese Japanese Foster Adoptive Birth Host Troubled Whole Other Same Local Refugee Asylum'.split(' ')
);
const adjectival = (w: string) => NOT_A_FAMILY_NAME.has(w) || /(?:ish|ese|ian|ean|can|ic|ist)$|-speaking$/.test(w);
/** A pupil or a patient with their year group or date of birth beside the name: "Li Na Zhang (Year 8)", "Luca
 * Bianchi-Morris, Year 5", "Esi Owusu-Ansah (date of birth: ...)". */
const NAME_WITH_DETAIL = new RegExp(String.raw`(?<![\p{L}'’-])(${NAME_RUN})(?:,\s(?:an? )?|\s\()(?:Year \d{1,2}\b|Yr \d{1,2}\b|Reception\b|aged \d|age \d|date of birth|DOB|D\.O\.B|born\b|d\.o\.b)`, 'gu');
/** Someone named after a role, without a comma: "our office manager Pam had", "Senior practitioner Ruairí Mac Giolla
 * Phádraig says", "my key worker gary". The name is followed by a word in lower case or by punctuation; whose the role
 * is, and whether the words are a person's, are read after the match (collect). */
const ROLE_THEN_NAME = new RegExp(String.raw`(?<![\p{L}])${ROLE}\s+(?:(${NAME_RUN})(?= \p{Ll}|[,.;:!?)]|$)|(\p{Ll}{3,})(?![\p{L}]))`, 'gu');
const ROLE_BRACKET = new RegExp(String.raw`(?<![\p{L}])${ROLE} \((\p{Lu}\p{Ll}[\p{L}'’-]*(?: \p{Lu}\p{Ll}[\p{L}'’-]*)?)(?=\))`, 'gu');
/** What comes before the role: whose it is ("our", "my"), or the start of a sentence ("Senior practitioner"). Read on
 * the text before a match, which is cheaper than starting the expression with it. */
const ROLE_OWNER = /(?:\b(?:[Oo]ur|[Mm]y|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{L}'’-]+\s+){0,2}|(?:^|[.!?]\s+)\p{Lu}\p{Ll}+\s+)$/u;
/** Someone named after who they are among others: "one of the girls, Tianna,", "a second child, Mercy.". */
const ONE_OF = /\b(?:one of (?:the|our|my|her|his|their) (?:[\p{L}-]+ )?(?:girls|boys|children|young people|pupils|kids|twins|mums|dads|parents|carers)|(?:a|an|her|his|their|our|my) (?:second|third|first|new|younger|older|baby|little) (?:child|son|daughter|baby|girl|boy)),\s+(\p{Lu}\p{Ll}[\p{L}'’-]*(?: \p{Lu}\p{Ll}[\p{L}'’-]*)?)(?=[,.;:!?)]|\s+(?:who|aged|now|was|is)\b)/gu;
/** Someone with the writer: "Ade and I met the school", "me and jade went". */
const WITH_ME = /(?<![\p{L}])(\p{Lu}\p{Ll}[\p{L}'’-]*) and (?:I|me)\b|\b(?:me|i) and (\p{Ll}{3,})\b/gu;
/** A name then what only a person does or is: "Faith Adeyemi-Cole, who runs", "Will Boateng was the duty social
 * worker", "Grace Chen, one of our parent governors". Taken only when it begins with a first name (collect): "Working
 * Together is the key document", "Leeds PCT, one of our lead partners" have the same shape. */
const NAME_WHO = new RegExp(String.raw`(?<![\p{L}])(\p{Lu}\p{Ll}[\p{L}'’]*(?:-\p{Lu}\p{Ll}+)? (?:(?:Mac|Mc|Ó|Ní|van|de|da|bin|al) )?\p{Lu}[\p{L}'’]*(?:-\p{Lu}\p{Ll}+)?)(?:, who (?:is|was|runs|ran|works|worked|leads|led|chairs|manages|managed|looks|has|had)\b|,? (?:is|was|has been) (?:the|our|a|an|my|their) (?:[\p{L}-]+ ){0,3}?${ROLE}\b(?!-)|, (?:one of )?(?:the|our|a|an|my|their) (?:[\p{L}-]+ ){0,3}?${ROLE}s?\b(?!-)|, (?:mum|mother|dad|father|parent|carer|grandmother|grandfather|nan|gran) (?:of|to)\b|, (?:said|says|told|tells|explained|asked|wrote|added|commented|pointed out)\b)`, 'gu');
/** A two-word name whose surname tells: "Mc", "Mac" or "O'" before a capital, or a double-barrelled surname:
 * "Sandy McAllister", "Chidinma Nwachukwu-Eze". */
const SURNAME_SHAPE = /(?<![\p{L}'’-])(\p{Lu}\p{Ll}+) ((?:Mc|Mac|O['’])\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+)(?![\p{L}'’-])/gu;
/** First words of a hyphened pair that make it a place or a description, not a surname: "North-West", "Anglo-Saxon". */
const NOT_DOUBLE_BARREL = new Set('North South East West Anglo Afro Euro Inter Non Multi Cross Pan Post Pre Anti Mid Self Well Part Full Half Sub Co'.split(' '));
/** Relations and times of day that take "'s" without being anyone's name: "Mum's sister", "Today's parents". */
const KIN_WORDS = new Set('mum mam mom mother dad father nan nana gran granny grandma grandad grandpa aunt auntie aunty uncle sister brother today tomorrow yesterday tonight'.split(' '));
/** Whose relation someone is: "Destiny's aunt", "Kai's mum". */
const WHOSE = /(?<![\p{L}])(\p{Lu}\p{Ll}[\p{L}-]*)['’]s (?:mum|mam|mother|dad|father|aunt|auntie|aunty|uncle|nan|nana|gran|granny|grandma|grandad|grandmother|grandfather|sister|brother|cousin|stepdad|stepmum|parents|carers?|foster carers?|social worker|key worker|teacher|school|class|nursery|records?|file)\b/gu;
/** A parent naming their child: "mum of Oliwia", "dad to Kai"; and asking for someone: "ask for Jaz". */
const PARENT_OF = /\b(?:mum|mam|mother|dad|father|parent|carer|nan|gran|grandmother|grandfather|foster carer) (?:of|to) (\p{Lu}\p{Ll}[\p{L}'’-]*)|\bask(?:ed)? for (\p{Lu}\p{Ll}[\p{L}'’-]*)/gu;
/** Someone with their age: "Zainab, aged 14", "Kai, 15,". */
const WITH_AGE = /(?<![\p{L}])(\p{Lu}\p{Ll}[\p{Ll}'’-]*),\s(?:aged\s\d{1,2}\b|\d{1,2},)/dgu;
/** A first name that is also a word, followed by where they are from: "Mark from the YOT". */
const FROM_THE = /(?<![\p{L}])(\p{Lu}[\p{Ll}]+)( \p{Lu}\p{Ll}[\p{L}'’-]*)? from the (?:\p{Lu}|local|school|team|nursery|surgery|practice|council)/dgu;
/** A first name, even one that is also a word, where only a person fits: "I spoke to Dawn", "Frank told me". */
const SPOKE_TO = /\b(?:spoke|spoken|talked) (?:to|with) $/;
/** What someone does who is named before it: "Frank told me". */
const SPEECH = 'told|said|says|asked|rang|phoned|texted|emailed|explained|promised|admitted|disclosed|started|joined|cried';
/** Read just after the name. */
const SAID = new RegExp(String.raw` (?:${SPEECH})\b`, 'y');
/** A first name in lower case after speaking to someone: "spoke to sue at the front desk". */
const SPOKE_TO_LOWER = /\b(?:spoke|spoken|speak|talked|talk) (?:to|with) (\p{Ll}{3,})(?![\p{L}])/gu;
/** A known first name in lower case with "'s": "jayden's school". */
const POSSESSIVE_LOWER = /(?<![\p{L}])(\p{Ll}{3,})['’]s\b/dgu;
/** A surname before a first name in a form's field: "Child: Barker, Jayden" (after a colon: "Regards, Sunita" is not one). */
const SURNAME_FIRST = /:\s*(\p{Lu}\p{Ll}[\p{L}'’-]*|\p{Lu}{2}[\p{Lu}'’-]+), $/u;
/** Bodies and services written as one capitalised word, which a name may stand beside ("Mrs Khan and Ofsted"). */
const ONE_WORD_BODIES = new Set('Ofsted Ofqual Estyn Cafcass Connexions ChildLine Childline Barnardo Barnardos Kidscape Samaritans Mencap Parentline Unison Unite Nacro Shelter Relate Homestart Becta Victim Support Women Refuge Brook Kids Whizz Turning Addaction Mind Scope Sense Contact Crisis Youthnet Frank Talk'.split(' '));
/** Capitalised words that begin organisation and place names, so "Grace Academy" or "Sam's Club" are not people. */
const NOT_A_SURNAME = new Set(
	'Street Road Academy School Primary House Centre Council Trust Hospital Project Court Lane Close Station Club Square Park Place Way Gardens Estate College University Surgery Practice Clinic Ward Unit Avenue Drive Hall Infirmary Foundation Children Bay Stoke Heath Vale Spa Regis Keynes Abbey Castle Framework Strategy Guidance Agenda Programme Protocol Procedures Standards Regulations Directive Early Years Key Stage Infant Infants Junior Juniors Sixth Reception Nursery Citizenship Minister Secretary Clerk Headteacher Mailbox Admin Consultation Consultations'.split(
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

/** Words before a number that make an organisation's number someone's own. */
const OWN_LINE_BEFORE = /\b(?:my|me|him|her|his|mobile|mob|direct (?:line|dial|number)|personal|home|private|ring|text)\b[^.\n]*$/;
const MAY_SPELL_EMAIL = /[[(]at[\])]| @ | dot /;
const MAY_HANDLE = /@|\.com\/|msn|bebo|myspace|facebook|twitter|insta|snapchat|tiktok|xbox|psn/;
const MAY_BIRTH = /dob|d\.o\.b|birth|born|bday|b-day|\bb\./;
const MAY_REFER = /ref|case|upn|uln|pupil|id|crime|student|patient|hosp|mrn|client|file|membership|staff|payroll|passport|licence/;
/** The cues of four rules, found in one pass over the lower-case copy: someone's own number (OWN_NUMBER), someone
 * saying who they are (SELF), speaking to someone (SPOKE_TO), someone saying something (SAID). */
const CUES = new RegExp(String.raw`(number\b|\bno\.|\bref|\bid\b)|(\bi['’]?m |\bi am |\bit['’]?s |\bthis is |\b(?:i|me), )|\b(spok|speak|talk)|\b(${SPEECH})\b|${MORE_CUES}`, 'g');
const MAY_STREET = new RegExp(STREET_KINDS);
const MAY_TITLE_UPPER = /\b(?:MRS?|MS|MISS|DR)\b/;
const MAY_TITLE_LOWER = /\b(?:mrs?|dr)\b/;
const MAY_AREA = /live|living|moved|based|postcode|area|\(/;
const MAY_NAMED_PLACE = /Chelsea|Barnardo|Downing|Curie/;
const MAY_INITIAL = /\b[A-Z]\.|\b(?:by|from|to|with|cc) [B-HJ-Z] /;
const MAY_CALL = /\b(?:called|named|calls? (?:him|her|me|them)) \p{Ll}/u;
const MAY_NAME_IS = /name is|name['’]s|my names |s called /;
const MAY_KIN_TITLE_LOWER = /\b(?:aunt|uncle|nan|grand|gran)/;
const MAY_KIN = new RegExp(`\\b(?:${RELATIONS})\\b`);
const MAY_KIN_NAMED = /(?:girl|boy|child|person|baby|mother|father|pupil),\s+\p{Lu}/u;
const MAY_AGE = /who is|was \d/;
const APPOSITIVES = /, \p{Lu}\p{Ll}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,3},/gu;
const MAY_SIGN = /\bby\b|name|signed|regards|wishes|yours|respondent|completed|author|contact|thank|cheers|patient|child:|pupil|client|student|person:|user:|from:|cc:/;

/** What the rules on surnames (redact-surnames.ts) need to know of a word. */
const SENSE: WordSense = { nameLike: (w) => nameLike(w), firstName: (w) => firstName(w), ambiguousFirst: (w) => AMBIGUOUS_NAMES.has(plain(w)) };
const NAME_SENSE: NameSense = { nameLike: (w) => nameLike(w) && !ONE_WORD_BODIES.has(w), known: (w) => known(w), firstName: (w) => firstName(w), surname: (w) => isSurname(w), organisational: (r) => organisational(r) };

/** A common first name that is not also an ordinary word ("Chloe", not "Grace"). */
/** A word in lower case without its accents ("Siân" as "sian"). */
// eslint-disable-next-line no-control-regex
const plain = (word: string) => (/[^\x00-\x7f]/.test(word) ? word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '') : word.toLowerCase());
const known = (word: string) => {
	const w = plain(word);
	return FIRST_NAMES.has(w) && !AMBIGUOUS_NAMES.has(w);
};

/** Beside a role, a first name that is also a word is a name ("Grace Okafor, the school nurse"); accents aside. */
function firstName(word: string): boolean {
	const w = plain(word);
	return FIRST_NAMES.has(w) || AMBIGUOUS_NAMES.has(w) || FIRST_NAMES.has(firstPart(w));
}

/** "Jean-Luc", "Mary-Kate", "Anna-Maria": a double first name is one when its first part is. */
const firstPart = (word: string) => (word.includes('-') ? word.slice(0, word.indexOf('-')) : word);

/** Whether a run of capitalised words reads as the name of an organisation, a post or a heading, not a person. */
function organisational(run: string): boolean {
	const words = run.split(/[\s,]+/).filter(Boolean);
	return words.some((w) => ORG_WORD.has(w) || NOT_A_SURNAME.has(w) || KIN_NOT_A_NAME.has(w) || AFTER_CALLED.has(w) || NOT_A_NAME_WORD.has(w));
}

const PARTICLE = /^(?:Ní|Nic|Mac|Mc|van|von|de|da|bin|binti|al)$/;
/** Whether a run of capitalised words reads as a person's name: each word can be part of one, the first a first name
 * even when it is also a word ("Will Fairbrother, a Year 9 pupil"). */
function personRun(run: string): boolean {
	const words = run.split(' ');
	return words.every((w, i) => nameLike(w) || (i === 0 && words.length > 1 && firstName(w)));
}

function collect(text: string): Redaction[] {
	const found: Redaction[] = [];
	const add = (kind: RedactionKind, start: number, end: number) => found.push({ kind, start, end });
	/** Group 1, which ends the match (found without the indices, which cost a regular expression its fast paths). */
	const tail = (kind: RedactionKind, m: RegExpMatchArray) => add(kind, m.index! + m[0].length - m[1].length, m.index! + m[0].length);
	const group = (kind: RedactionKind, m: RegExpMatchArray, i = 1) => {
		const span = m.indices![i];
		if (span) add(kind, span[0], span[1]);
	};
	// Most rules need a cue that most texts lack; a quick test for it first keeps the cost down (about 1.5 times the
	// old rules' time on synthetic answers, against 3.5 times without).
	const digits = /\d/.test(text);
	// The cues, looked for once in lower case (a case-blind regular expression costs more than this copy).
	const lower = text.toLowerCase();
	// Where a name beside a role may start: each capitalised word that could be a first name, and one word set off
	// by commas (", Ingrid,"). The rules on roles look only there, not at every "the" in the text.
	const cue = [false, false, false, false, false];
	const places = cuePlaces();
	for (const m of matches(lower, CUES)) {
		for (let i = 1; i <= 4; i++) if (m[i]) cue[i] = true;
		noteCue(m, places);
	}
	const [, mayOwnNumber, maySelf, maySpeak, maySay] = cue;
	const capitalised = [...matches(text, CAPITALISED)];
	for (const s of [...byKnownSurname(text, capitalised, SENSE), ...pluralSurnames(text), ...lowerTitled(lower, text)]) add('name', s.start, s.end);
	const starts: { at: number; first: boolean }[] = [];
	for (const m of capitalised) if (firstName(m[1].replace(/['’]s$/, ''))) starts.push({ at: m.index!, first: true });
	for (const m of matches(text, APPOSITIVES)) if (!starts.some((s) => s.at === m.index! + 2)) starts.push({ at: m.index! + 2, first: false });
	if (text.includes('@')) {
		// The name an address is made of, where the text names its owner too: "Sarah Naidoo (sarah.naidoo@...)". Only
		// an address one of whose parts is a known first name is a person's ("early.help@", "virtual.school@" are
		// services); the parts of every such address are then looked for once, together, as capitalised words.
		const owners = new Set<string>();
		for (const m of matches(text, EMAIL)) {
			add('email', m.index!, m.index! + m[0].length);
			const parts = [...new Set(m[0].slice(0, m[0].indexOf('@')).split(/[._-]+/).filter((p) => /^[A-Za-z]{3,20}$/.test(p)).map((p) => p[0].toUpperCase() + p.slice(1).toLowerCase()))];
			if (parts.length > 3 || !parts.some((p) => known(p))) continue;
			for (const w of parts) if (!MAILBOX_WORDS.has(w.toLowerCase()) && !NOT_A_NAME_WORD.has(w) && !ORG_WORD.has(w)) owners.add(w);
		}
		if (owners.size) {
			const alternatives = [...owners].flatMap((w) => [w, w.toUpperCase()]).join('|');
			for (const w of matches(text, new RegExp(String.raw`(?<![\p{L}\p{N}@.])(?:${alternatives})(?![\p{L}\p{N}@])`, 'gu'))) add('name', w.index!, w.index! + w[0].length);
		}
	}
	if (/surname|family name|maiden name|last name/.test(lower)) for (const m of matches(text, SURNAME)) if (!NOT_A_NAME_WORD.has(m[1])) group('name', m);
	if (MAY_SPELL_EMAIL.test(text)) for (const m of matches(text, EMAIL_SPELT)) add('email', m.index!, m.index! + m[0].length);
	// With a digit ("lilsniper_99"), or after a word that says a handle follows ("username", "on bebo"): not a field's
	// name in a form or a system ("child_id", "NHS_Number").
	if (text.includes('_'))
		for (const m of matches(text, UNDERSCORED))
			if (/\d/.test(m[0]) || HANDLE_CUE.test(lower.slice(Math.max(0, m.index! - 40), m.index!))) add('handle', m.index!, m.index! + m[0].length);
	if (/log-?[io]n|user ?name|user ?id|screen ?name|gamertag/.test(lower))
		for (const m of matches(text, LOGIN)) {
			// After a colon, a word in lower case that ends the line or the field ("Username: kayleighx"), not one that
			// begins a sentence ("Login: staff use their smartcard").
			const field = m[1] && m[2] === m[2].toLowerCase() && /^\s*(?:$|[\n,;)]|\.(?:\s|$))/.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 3));
			if (/[\d_]/.test(m[2]) || field) group('handle', m, 2);
		}
	if (MAY_HANDLE.test(lower)) for (const m of matches(text, HANDLE)) {
		if (m.indices![1]) group('handle', m);
		else if (m.indices![2]) group('handle', m, 2);
		else add('handle', m.index!, m.index! + m[0].length);
	}
	if (digits) for (const m of matches(text, PHONE)) {
		// +44 (0)20 ..., 0044 20 ...: the country code and a bracketed 0 stand for the one leading 0.
		let digits = m[0].replace(/\D/g, '');
		if (/^(?:00)?44/.test(digits)) digits = '0' + digits.replace(/^(?:00)?44/, '').replace(/^0/, '');
		// "(0161 496 0123)": the opening bracket belongs to the sentence, not the number.
		const start = m[0].startsWith('(') && !m[0].includes(')') ? m.index! + 1 : m.index!;
		// "960 111/112": the second line goes with the number.
		const line = /^\/\d{1,3}(?!\d)/.exec(text.slice(m.index! + m[0].length))?.[0] ?? '';
		if (digits.length < 10 || digits.length > 11) continue;
		// Freephone, non-geographic and 03 numbers are organisations' (helplines, switchboards), left unless they are
		// someone's own ("call me on 0845 ...", "direct line", "ext 214").
		if (/^0(?:80|84|87|3)/.test(digits) && !OWN_LINE_BEFORE.test(lower.slice(Math.max(0, m.index! - 30), m.index!)) && !/^\s*(?:ext|x)\b/i.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 6)))
			continue;
		add('phone', start, m.index! + m[0].length + line.length);
	}
	if (digits) for (const m of matches(text, NHS_NUMBER)) if (isNhsNumber(m[0].replace(/\D/g, ''))) add('nhs', m.index!, m.index! + m[0].length);
	if (digits && lower.includes('nhs')) for (const m of matches(text, NHS_CUED)) group('nhs', m);
	if (digits) for (const m of matches(text, NI_NUMBER)) add('ni', m.index!, m.index! + m[0].length);
	if (digits && MAY_BIRTH.test(lower)) {
		for (const m of matches(text, DOB)) group('dob', m);
		for (const sentence of matches(text, BIRTH_SENTENCE)) for (const d of matches(sentence[0], DATES)) add('dob', sentence.index! + d.index!, sentence.index! + d.index! + d[0].length);
	}
	if (digits && MAY_REFER.test(lower)) for (const m of matches(text, REFERENCE)) if (!/^(?:19|20)\d\d\/\d\d(?:\d\d)?$/.test(m[1])) group('reference', m);
	if (digits) for (const m of matches(text, UPN)) add('reference', m.index!, m.index! + m[0].length);
	if (digits && text.includes('/')) for (const m of matches(text, CODE)) add('reference', m.index!, m.index! + m[0].length);
	if (digits && mayOwnNumber && text.includes('-')) for (const m of matches(text, CODE_CUED)) group('reference', m);
	if (digits) for (const m of matches(text, PREFIXED)) add('reference', m.index!, m.index! + m[0].length);
	if (digits && (lower.includes('ref') || lower.includes('no.') || lower.includes('number') || lower.includes('entry'))) for (const m of matches(text, REFERENCE_SHORT)) if (!/^(?:ISBN|ISSN|GBP|EUR|USD)|^[A-Z/ -]*(?:19|20)\d\d$/.test(m[1])) tail('reference', m);
	if (digits) for (const m of matches(text, PROFESSIONAL_NUMBER)) if (!/^(?:19|20)\d\d$/.test(m[1])) tail('reference', m);
	// An older plate only near a word about a vehicle (looked for once a plate's shape is found: most texts have none).
	if (digits) for (const m of matches(text, OLD_PLATE)) if (PLATE_WORDS.test(lower)) add('reference', m.index!, m.index! + m[0].length);
	if (digits) for (const m of matches(text, NUMBER_PLATE)) add('reference', m.index!, m.index! + m[0].length);
	if (digits && mayOwnNumber) for (const m of matches(text, OWN_NUMBER)) group('reference', m);
	if (digits && /\b(?:liv|stay|moved to|address|house is|home is|flat is)/.test(lower)) for (const m of matches(text, ADDRESS_LIVE)) tail('address', m);
	if (digits && /\b(?:flat|apartment|apt)\b/.test(lower)) for (const m of matches(text, FLAT)) add('address', m.index!, m.index! + m[0].length);
	if (digits && lower.includes('address')) for (const m of matches(text, ADDRESS_AFTER)) tail('address', m);
	if (digits) for (const m of matches(text, ADDRESS_WELSH)) add('address', m.index!, m.index! + m[0].trimEnd().length);
	if (digits && /address|we are at|write to|home\s*:/.test(lower)) for (const m of matches(text, ADDRESS_IS)) tail('address', m);
	if (digits && (MAY_STREET.test(text) || text.includes('gate'))) for (const m of matches(text, ADDRESS)) if (!/Downing Street/.test(m[0])) {
		// The house's name goes with it unless it names an organisation ("Sanctuary Buildings, Great Smith Street").
		// A stretch cut from inside the text does not begin a line: "\0" keeps "^" from matching there.
		const house = HOUSE_BEFORE.exec((m.index! > 40 ? '\0' : '') + text.slice(Math.max(0, m.index! - 40), m.index!));
		const from = house && !organisational(house[1]) ? m.index! - house[0].length + house[0].lastIndexOf(house[1]) : m.index!;
		add('address', from, m.index! + m[0].length);
	}
	if (MAY_STREET.test(text) && /Cottage|Farm|Lodge|Barn|Bungalow|Croft|Grange|Manor/.test(text)) for (const m of matches(text, HOUSE_NAMED)) add('address', m.index!, m.index! + m[0].length);
	if (digits) for (const m of matches(text, POSTCODE)) {
		// In lower case only where the whole postcode is ("m1 1ae"), not a mix such as "is 2nd".
		if (m[0] === m[0].toUpperCase() || m[0] === m[0].toLowerCase()) add('postcode', m.index!, m.index! + m[0].length);
	}
	if (digits) for (const m of matches(text, DISTRICT)) add('postcode', m.index!, m.index! + m[0].length);
	if (digits && MAY_AREA.test(lower)) for (const m of matches(text, DISTRICT_CUED)) group('postcode', m);
	for (const m of matches(text, TITLED)) if (!NOT_A_NAME.has(m[1])) add('name', m.index!, m.index! + m[0].length);
	if (MAY_TITLE_UPPER.test(text))
		for (const m of matches(text, TITLED_UPPER)) {
			// "MRS SMITH SAID NO": the second word is the sentence's.
			const end = m[2] && NOT_IN_CAPITALS.has(m[2]) ? m.indices![1]![1] : m.index! + m[0].length;
			add('name', m.index!, end);
		}
	if (MAY_TITLE_LOWER.test(text)) for (const m of matches(text, TITLED_LOWER)) if (!NOT_A_SURNAME_LOWER.has(m[1])) add('name', m.index!, m.index! + m[0].length);
	if (lower.includes('miss ')) for (const m of matches(text, MISS_LOWER)) if (!NOT_A_SURNAME_LOWER.has(m[1])) tail('name', m);
	if (MAY_INITIAL.test(text)) for (const m of matches(text, INITIALS_UPPER)) {
		const word = cap(m[1]);
		if (nameLike(word) && !NOT_AFTER_INITIAL.has(word) && !NOT_IN_CAPITALS.has(m[1])) add('name', m.index!, m.index! + m[0].length);
	}
	if (lower.includes('initials')) for (const m of matches(text, BY_INITIALS)) add('name', m.index! + m[0].length - m[1].length, m.index! + m[0].length - m[1].length + m[1].trimEnd().length);
	if (MAY_INITIAL.test(text)) for (const m of matches(text, INITIALS)) if (!NOT_AFTER_INITIAL.has(m[1]) && !ORG_WORD.has(m[1]) && !NOT_A_NAME_WORD.has(m[1])) add('name', m.index!, m.indices![1]![1]);
	for (const m of matches(text, CALLED)) {
		if (AFTER_CALLED.has(m[2] ?? '') || NOT_A_SURNAME.has(m[2] ?? '')) continue;
		// "a programme called 'On Track'": a quoted title, unless a first name or what someone is called ("call him 'Cal'").
		if (/['‘"“]$/.test(text.slice(0, m.indices![1]![0])) && !firstName(m[1]) && !/\b(?:him|her|me|them)\s+['‘"“]$/.test(text.slice(Math.max(0, m.indices![1]![0] - 12), m.indices![1]![0]))) continue;
		// A surname after the name goes with it ("called Zainab Ahmed").
		// A quoted name ends before its closing quote ("call him 'Cal'").
		const end = m.indices![m[2] ? 2 : 1]![1];
		add('name', m.indices![1]![0], /['’]/.test(text[end - 1]) ? end - 1 : end);
	}
	if (MAY_CALL.test(text)) for (const m of matches(text, CALLED_LOWER)) if (known(m[1]) || NAMES_AFTER_KIN.has(m[1])) group('name', m);
	if (text.includes('(') || /[-–—]\s*\p{Ll}+\s*$/u.test(text)) for (const m of matches(text, LOWER_ASIDE)) {
			const name = m[1] ?? m[2];
			if (!known(name)) continue;
			const at = m.index! + (m[1] ? 1 : m[0].lastIndexOf(name));
			add('name', at, at + name.length);
		}
	for (const m of matches(text, MY_WHO_LOWER)) if (known(m[1]) && !PLACE_NAMES.has(m[1]) && !/^(?:nick|jan|don|bob|sue|pat|rob|art|ken|jo|val|viv|mel|gill|kay|lee|dean)$/.test(m[1])) tail('name', m);
	if (digits)
		for (const m of matches(text, HANDLE_SHAPE)) {
			// Words run together into the digits, three or more ("DadOfThreeSteve73", not "PowerPoint2003").
			const word = HANDLE_WORD.exec(text.slice(Math.max(0, m.index! - 40), m.index! + 1))?.[0];
			if (word && word.length >= 5 && /[a-z][A-Z].*[a-z][A-Z]/.test(word) && !/^\.(?:docx?|xlsx?|pdf|pptx?|txt|rtf|odt|csv)\b/i.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 6))) add('handle', m.index! + 1 - word.length, m.index! + m[0].length);
		}
	if (MAY_NAME_IS.test(lower)) for (const m of matches(text, MY_NAME_IS)) {
		const [first] = m[1].split(' ');
		const ownName = /name/i.test(m[0]);
		if (/^\p{Lu}/u.test(first) ? !NOT_A_NAME_WORD.has(first) && !ORG_WORD.has(first) : known(first) || known(firstPart(first)) || (ownName && /^\p{Ll}+-\p{Ll}+$/u.test(first))) {
			// "she's called stuck-up by the other girls": after "is called", only a known first name, and only it.
			if (!ownName && !known(first)) continue;
			if (ownName) group('name', m);
			else add('name', m.indices![1]![0], m.indices![1]![0] + first.length);
		}
	}
	if (maySelf) for (const m of matches(text, SELF)) {
		const run = m[2];
		if (organisational(run)) continue;
		// "I am Welsh,", "It's Ofsted,", "It's Easter here": only a first name, or a run set off by commas after "I,"
		// or "me," ("I, Harjinder Kaur Sandhu, support").
		// Or any name followed by the person's age ("I am Nkechi, I am 16").
		const aged = m[3] && /^,? (?:I am|I'm|aged|age) \d|^,? \d{1,2}\b/.test(text.slice(m.indices![2]![1], m.indices![2]![1] + 14));
		if (firstName(run.split(/[ -]/)[0]) || (m.groups!.set && m[3]) || aged) group('name', m, 2);
	}
	if (maySelf) for (const m of matches(text, SELF_LOWER)) if (known(m[1]) || (/^i(?:['’]?m|\s+am)\b/.test(m[0]) && (NAMES_AFTER_KIN.has(m[1]) || m[1] === 'jack') && m[1] !== 'frank')) group('name', m);
	// After "our lad" a first name that is also a word is the name ("our lad Will was 13").
	for (const m of matches(text, KIN)) if (!NOT_A_SURNAME.has(m[1]) && !KIN_NOT_A_NAME.has(m[1]) && (!NOT_A_NAME_WORD.has(m[1]) || firstName(m[1]))) group('name', m);
	if (MAY_KIN.test(lower) || MAY_KIN_NAMED.test(text)) for (const m of matches(text, KIN_MORE)) {
		const i = m[1] ? 1 : 2;
		const name = m[i];
		const first = name.split(/[ -]/)[0];
		// In lower case only a known first name ("my daughter chloe"), never "my son has".
		if (/^\p{Ll}/u.test(name) ? !known(name) && (!NAMES_AFTER_KIN.has(name) || /^ (?:last|next|this|\d)/.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 6))) : organisational(name)) continue;
		if (/^\p{Lu}/u.test(first) && NOT_A_NAME_WORD.has(first)) continue;
		group('name', m, i);
	}
	if (MAY_KIN_TITLE_LOWER.test(lower))
		for (const m of matches(text, KIN_TITLE_LOWER))
			if (known(m[1]) || (NAMES_AFTER_KIN.has(m[1]) && !/^ (?:last|next|this|\d)/.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 6)))) tail('name', m);
	// After a role: a name ("our youth worker Ade took", "Senior practitioner Ruairí Mac Giolla Phádraig says"), or a
	// known first name in lower case ("my key worker gary").
	for (const m of matches(text, ROLE_THEN_NAME)) {
		const before = text.slice(Math.max(0, m.index! - 60), m.index!);
		const name = m[1] ?? m[2];
		const words = m[1]?.split(' ') ?? [];
		// One word that is not a known first name is a name when what follows is something a person did ("Our youth
		// worker Ade took"), not "Our lead Member for", "Social worker Caseloads are".
		const did = /^ (?:took|said|told|asked|rang|came|went|helped|visited|explained|called|phoned|wrote|knew|saw|spoke|says|tells|asks|helps|visits|listened|listens)\b/.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 12));
		// A first name that is also a word ("Will", "May") counts before a surname: "our youth worker Will Haddon had".
		const person = words.length > 0 && words.every((w, i) => nameLike(w) || PARTICLE.test(w) || (i === 0 && words.length > 1 && firstName(w) && nameLike(words[1]))) && (firstName(words[0]) || (words.length > 1 && words.some((w) => PARTICLE.test(w))) || (words.length === 1 && did));
		if (m[1] ? !person || ONE_WORD_BODIES.has(m[1]) || !ROLE_OWNER.test(before) : !known(m[2]) || !ROLE_OWNER_LOWER.test(before)) continue;
		add('name', m.index! + m[0].length - name.length, m.index! + m[0].length);
	}
	for (const m of matches(text, WITH_AGE)) group('name', m);
	// A name in brackets after a role, even one that is also a word: "Our health visitor (Joy) had been going in".
	if (text.includes('(')) for (const m of matches(text, ROLE_BRACKET)) if (firstName(m[1].split(' ')[0]) && personRun(m[1])) tail('name', m);
	if (text.includes(' and ')) for (const m of matches(text, WITH_ME)) {
		const opens = m[1] && /(?:^|[.!?]\s+|\n)$/.test(text.slice(Math.max(0, m.index! - 3), m.index!));
		if (m[1] ? nameLike(m[1]) && !ONE_WORD_BODIES.has(m[1]) && !NOT_A_NAME_WORD.has(m[1]) && !KIN_WORDS.has(m[1].toLowerCase()) && (firstName(m[1]) || (opens && !/s$/.test(m[1]))) : known(m[2]) || NAMES_AFTER_KIN.has(m[2]))
			add('name', m.index! + (m[1] ? 0 : m[0].length - m[2].length), m.index! + (m[1] ? m[1].length : m[0].length));
	}
	// Not the end of a longer run of capitals ("the Common Assessment Framework, the lead professional role").
	for (const m of matches(text, NAME_WHO)) if (personRun(m[1]) && firstName(m[1].split(/[ -]/)[0]) && !/^\p{Lu}+$/u.test(m[1].split(' ').pop()!) && !/\p{Lu}[\p{L}'’-]* $/u.test(text.slice(Math.max(0, m.index! - 30), m.index!))) add('name', m.index!, m.index! + m[1].length);
	if (text.includes('-') || text.includes(' Mc') || text.includes(' Mac') || text.includes(' O’') || text.includes(" O'")) for (const m of matches(text, SURNAME_SHAPE)) {
		const hyphened = m[2].includes('-');
		if (!nameLike(m[1]) || ONE_WORD_BODIES.has(m[1]) || (hyphened && NOT_DOUBLE_BARREL.has(m[2].slice(0, m[2].indexOf('-'))))) continue;
		// "Sharing Low-Level Concerns", "Our Looked-After Children": a double-barrelled surname only after a first name.
		if (hyphened && !firstName(m[1])) continue;
		// "Ronald McDonald House": a place named after someone.
		if (NOT_A_SURNAME.has(/^ (\p{Lu}\p{Ll}+)/u.exec(text.slice(m.index! + m[0].length, m.index! + m[0].length + 20))?.[1] ?? '')) continue;
		add('name', m.index!, m.index! + m[0].length);
	}
	if (text.includes("'s ") || text.includes('’s '))
		for (const m of matches(text, WHOSE)) {
			// "Destiny's aunt"; "Ashley's file" only for a first name; not "Today's parents", "London's foster carers".
			const family = /(?:mum|mam|mother|dad|father|aunt|auntie|aunty|uncle|nan|nana|gran|granny|grandma|grandad|grandmother|grandfather|sister|brother|cousin|stepdad|stepmum)$/.test(m[0]);
			if (nameLike(m[1]) && !ONE_WORD_BODIES.has(m[1]) && !KIN_WORDS.has(m[1].toLowerCase()) && (firstName(m[1]) || family)) add('name', m.index!, m.index! + m[1].length);
		}
	if (lower.includes('ask') || lower.includes('parent ') || lower.includes('carer ') || MAY_KIN.test(lower)) for (const m of matches(text, PARENT_OF)) {
		const name = m[1] ?? m[2];
		// "mum of Oliwia in Year 4", "ask for Jaz": a first name, or a name followed by where the sentence goes on ("mother
		// of Pakistani heritage", "parent of Year 6 twins" are not names).
		const next = text.slice(m.index! + m[0].length, m.index! + m[0].length + 12);
		const ok = (m[2] ? known(name) : firstName(name)) || /^(?:[,.;:!?)]|$| (?:in|and|who|aged|is|was|she|he)\b)/.test(next);
		if (ok && nameLike(name) && !ONE_WORD_BODIES.has(name)) add('name', m.index! + m[0].length - name.length, m.index! + m[0].length);
	}
	for (const m of matches(text, FAMILY)) if (nameLike(m[1]) && !adjectival(m[1])) add('name', m.index! + 4, m.index! + 4 + m[1].length);
	if (lower.includes('year ') || lower.includes('yr ') || lower.includes('reception') || lower.includes('birth') || lower.includes('dob') || lower.includes('d.o.b') || lower.includes('born') || lower.includes('aged ') || lower.includes(' age ')) for (const m of matches(text, NAME_WITH_DETAIL)) {
			// "Li Na Zhang (Year 8)", "Will Fairbrother, a Year 9 pupil"; not "Name, date of birth", "Early Years (aged 0-5)",
			// "pupils in Oldham (Year 10)".
			const words = m[1].split(' ');
			// One word that is not a first name only with a date of birth in brackets after it ("Esi (date of birth: ...)").
			const born = /^ \((?:date of birth|DOB|D\.O\.B|d\.o\.b|born)/.test(text.slice(m.index! + m[1].length, m.index! + m[1].length + 16));
			if (!personRun(m[1]) || (words.length === 1 && !firstName(words[0]) && !born) || /\b(?:in|at|from|of)\s+$/.test(text.slice(Math.max(0, m.index! - 6), m.index!))) continue;
			add('name', m.index!, m.index! + m[1].length);
		}
	if (lower.includes(', ')) for (const m of matches(text, ONE_OF)) if (personRun(m[1])) tail('name', m);
	if (digits || MAY_AGE.test(text)) for (const m of matches(text, AGED)) if (!organisational(m[1])) group('name', m);
	for (const m of matches(text, FROM_THE)) {
		if (!FIRST_NAMES.has(m[1].toLowerCase()) && !AMBIGUOUS_NAMES.has(m[1].toLowerCase())) continue;
		// "Will Henderson from the YOT": the surname too, unless it names a place ("Grace Academy from the ...").
		const surname = m[2] && nameLike(m[2].trim()) ? m.indices![2]![1] : m.indices![1]![1];
		add('name', m.indices![1]![0], surname);
	}
	// Only the capitalised words that could be first names are looked at, for what comes before and after them.
	if (maySpeak || maySay)
		for (const m of capitalised) {
			const word = m[1];
			if (!firstName(word) || !nameLike(word)) continue;
			const at = m.index!;
			SAID.lastIndex = at + word.length;
			if ((maySay && SAID.test(text)) || (maySpeak && SPOKE_TO.test(text.slice(Math.max(0, at - 24), at)))) add('name', at, at + word.length);
		}
	if (maySpeak)
		for (const m of matches(text, SPOKE_TO_LOWER)) {
			const word = known(m[1]) || ((AMBIGUOUS_NAMES.has(m[1]) || NAMES_AFTER_KIN.has(m[1])) && !/^(?:will|may|max|miles|chase|drew|ray|mark|bill)$/.test(m[1]));
			// "talk to faith leaders": a name that is also a word only before where the sentence goes on ("spoke to sue at").
			if (word && (known(m[1]) || /^(?:[,.;:!?)]|$| (?:at|in|from|about|and|who|on|yesterday|today|last|this)\b)/.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 12)))) tail('name', m);
		}
	if (text.includes("'s") || text.includes('’s')) for (const m of matches(text, POSSESSIVE_LOWER)) if (known(m[1])) add('name', m.index!, m.index! + m[0].length);
	for (const { at, first } of starts) {
		// A role, then the name: "our headteacher, Bernadette Quigley"; one word only when a first name or set off
		// by commas ("The school nurse, Ingrid, spoke").
		const role = ROLE_BEFORE.exec(text.slice(Math.max(0, at - 80), at));
		if (role) {
			NAME_AT.lastIndex = at;
			const m = NAME_AT.exec(text);
			const name = m?.[1];
			// A name set off by commas after a role, whatever it is: "Our interpreter, Fatma Yılmaz, said".
			if (m && name && !organisational(name) && (first || (role[1] && m[2]))) add('name', at, at + name.length);
		}
		// The name, then its role: "Grace Okafor, the school nurse" ("Common Assessment Framework, the lead
		// professional" is not one: it does not begin with a first name).
		if (first) {
			NAME_THEN_ROLE.lastIndex = at;
			const m = NAME_THEN_ROLE.exec(text);
			if (m && !organisational(m[1])) add('name', at, at + m[1].length);
		}
	}
	if (MAY_SIGN.test(lower)) for (const m of matches(text, SIGNED)) {
		const run = m[1];
		// "Holloway, Janet (Mrs)" is one name; "Tobias Wren, Youth Worker" is a name and a post.
		const parts = run.split(/,\s/);
		let taken = '';
		for (const part of parts) {
			if (organisational(part)) break;
			taken = taken ? `${taken}, ${part}` : part;
		}
		// After the cues that also begin ordinary sentences and mailboxes ("Thank you, Minister,", "From: SENCO"), a
		// first name, or two words or more.
		const loose = /^(?:Many thanks|Thanks|Thank you|Cheers|Patient|Child|Pupil|Client|Student|Young person|Service user|From|Cc)\b/.test(m[0]);
		// A sign-off alone on its line after the cue is a name whatever it is ("Thanks,\nMo\n").
		const ownLine = /\n[ \t]*$/.test(text.slice(m.index!, m.indices![1]![0])) && /^[ \t]*(?:\n|$)/.test(text.slice(m.indices![1]![0] + taken.length));
		if (loose && taken && !ownLine && !firstName(taken.split(/[ ,]/)[0]) && !/[ ,]/.test(taken)) continue;
		if (taken) add('name', m.indices![1]![0], m.indices![1]![0] + taken.length);
	}
	for (const m of capitalised) {
		const first = m[1];
		const second = m[2];
		const word = plain(first).replace(/['’]s$/, '');
		const part = firstPart(word);
		if (!FIRST_NAMES.has(part) && !FIRST_NAMES.has(word)) continue;
		if (AMBIGUOUS_NAMES.has(word) || AMBIGUOUS_NAMES.has(part)) continue;
		const before = text.slice(Math.max(0, m.index! - 16), m.index!);
		// "St George's Hospital", "King Edward VI School": a foundation named after someone.
		if (PLACE_BEFORE.test(before)) continue;
		// "families from Jordan", "in Chelsea": a place.
		const after = text.slice(m.index! + first.length, m.index! + first.length + 30);
		if ((PLACE_NAMES.has(word) && (BEFORE_A_PLACE.test(before) || AFTER_A_PLACE.test(after))) || COUNTY_AFTER.test(after)) continue;
		const afterPair = text.slice(m.index! + first.length + (second ? 1 + second.length : 0));
		// "Grace Academy", "Victoria Station", "William Harvey Hospital": a place or an organisation, not a person.
		// Up to two more capitalised words are looked at: "Elizabeth Garrett Anderson Hospital".
		const next = /^(?: (\p{Lu}[\p{L}'’-]+))(?: (\p{Lu}[\p{L}'’-]+))?/u.exec(afterPair) ?? [];
		if ((second && NOT_A_SURNAME.has(second)) || NOT_A_SURNAME.has(next[1] ?? '') || NOT_A_SURNAME.has(next[2] ?? '')) continue;
		// The surname goes with the name when it reads as one ("Peter Hughes", "Siobhan O'Neill"), not "Emma The".
		const surname = second && /^\p{Lu}(?:\p{Ll}|['’]\p{Lu})/u.test(second) && !NOT_A_NAME.has(second) && !NOT_A_NAME_WORD.has(second);
		add('name', m.index!, m.index! + first.length + (surname ? 1 + second.length : 0));
	}
	for (const f of moreNames(text, lower, NAME_SENSE, { digits, postcode: found.some((f) => f.kind === 'postcode'), places, pairs: capitalised })) add(f.kind, f.start, f.end);
	return found;
}

/** Capitalised words after a name that are part of it: "Darren Leigh Cooper", "Marcus 'Moz' Thompson". */
const MORE_OF_NAME = /^(?: ['‘"“]\p{Lu}[\p{L}'’-]*['’"”]| \(\p{Lu}\p{Ll}+\))?(?: (?:(?:van der|van den|van|von|de|da|dos|du|bin|binti|ibn|ap|ab) )?(\p{Lu}\p{Ll}[\p{L}'’]*(?:-\p{Lu}\p{Ll}[\p{L}'’]*)?))(?![\p{L}])/u;
const MORE_OF_NAME_UPPER = /^ ([A-Z][A-Z'’-]+)(?![\p{L}])/u;
/** Words that follow a name in capitals as the sentence's, not the name's. */
const NOT_IN_CAPITALS = new Set('SAID SAYS TOLD ASKED RANG PHONED WROTE CAME WENT AGREED AGREES FEELS FELT THINKS THOUGHT WANTS WANTED HAS HAD IS WAS WILL WOULD CAN COULD AND OR BUT FROM AT IN ON OF TO FOR WITH NOT NO YES THE A AN I WE'.split(' '));
/** "WICKHAM" as "Wickham", to be looked up among the words that are not names. */
const cap = (w: string) => w[0] + w.slice(1).toLowerCase();
const JOINED_NAME = /^ (?:&|and) (\p{Lu}\p{Ll}[\p{L}'’]*)(?![\p{L}])/u;
/** Any capitalised word joined to a name and then set off ("... and Shanelle, her sister"). */
const JOINED_ANY = /^ (?:&|and) (\p{Lu}\p{Ll}[\p{L}'’-]*)(?=[,;:.)])/du;
/** A nickname in brackets either side of a name: "Gaz (Gareth Morgan)", "Mr Nowak (Pawel to the kids)". */
const NICKNAME_BEFORE = /(?<![\p{L}])(\p{Lu}\p{Ll}[\p{L}'’-]*) \($/u;
const NICKNAME_AFTER = /^ \(['‘"“]?(\p{Lu}\p{Ll}[\p{L}-]*)(?=['’"”]?[ ),])/du;
/** A word in brackets after a name that says it is what someone is called: "(Krzyś at home)", "(Pawel to the kids)". */
const CALLED_IN_BRACKETS = /^ \(['‘"“]?\p{Lu}\p{Ll}[\p{L}-]*['’"”]? (?:at home|to (?:his|her|the|their|our|my|us|everyone)\b|for short|as (?:he|she|they) (?:is|are|was) known)/u;
const TITLE_WORD = new RegExp(String.raw`^(?:${TITLE})$`);

/** Where a name found at `start` begins once what goes with it before is added: a capitalised word hyphened to it, a
 * particle, and a first name before those; and a first name joined to it by "and", apart. */
function leftOf(text: string, start: number): { start: number; joined?: [number, number] } {
	let at = start;
	const hyphened = /(?<![\p{L}'’-])\p{Lu}\p{Ll}[\p{L}'’]*-$/u.exec(text.slice(Math.max(0, at - 30), at));
	if (hyphened) at -= hyphened[0].length;
	const particle = /(?<![\p{L}'’])(?:Ó|Ní|Nic|Mac|Mc|ap|ab|bin|bint|van|von|de|da|di|du|le|la|al|el) $/u.exec(text.slice(Math.max(0, at - 6), at));
	if (particle) at -= particle[0].length;
	const before = /(?<![\p{L}'’-])(\p{Lu}\p{Ll}[\p{L}'’]*(?:-\p{Lu}\p{Ll}+)?)( (?:and|&))? $/u.exec(text.slice(Math.max(0, at - 40), at));
	if (!before || !firstName(firstPart(before[1])) || !nameLike(before[1]) || ONE_WORD_BODIES.has(before[1])) return { start: at };
	const from = at - before[0].length;
	return before[2] ? { start: at, joined: [from, from + before[1].length] } : { start: from };
}

/** Whether a capitalised word can be part of a person's name (not "Team", "The", "Hospital", "Mrs"). */
const nameLike = (w: string) =>
	!ORG_WORD.has(w) && !NOT_A_SURNAME.has(w) && !NOT_A_NAME_WORD.has(w) && !NOT_A_NAME.has(w) && !AFTER_CALLED.has(w) && !KIN_NOT_A_NAME.has(w) && !TITLE_WORD.test(w);

/**
 * What the rules found, with each name carried on: the rest of the name after it ("Darren Leigh [Cooper]"), a
 * nickname in brackets beside it, and the same name wherever else the text writes it ("Sister Philomena ... (Philomena
 * Keane"; "Shannon ... now shannon wont"): capitalised or in capitals always, in lower case when a known first name.
 */
function carryNames(text: string, found: Redaction[]): Redaction[] {
	const names = found.filter((f) => f.kind === 'name');
	if (names.length === 0) return found;
	const out = found.slice();
	const words = new Set<string>();
	const surnames = new Set<string>();
	carryOn(text, names, out, words, surnames);
	// The other mentions are carried on too ("Sister Philomena ... (Philomena Keane"), once; a surname only as written
	// or in capitals ("Tendekai Morris ... Morris said").
	const mentions = [...spread(text, words, true), ...spread(text, surnames, false)];
	out.push(...mentions);
	carryOn(text, mentions, out, new Set(), new Set());
	return out;
}

/** Adds to `out` the rest of each name and the nicknames beside it, and puts the name's words in `words`. */
function carryOn(text: string, names: Redaction[], out: Redaction[], words: Set<string>, surnames: Set<string>) {
	// Where the rest of a name ends, from each place a walk passed: a run of names is walked once, not from each of
	// its names to its end (a list of 4,000 names took seconds).
	const walked = new Map<number, number>();
	const rest = (from: number, capitals: boolean) => {
		let end = from;
		if (capitals) {
			// In capitals, one more word at most, and not a word of the sentence ("MRS SMITH SAID NO").
			const m = MORE_OF_NAME_UPPER.exec(text.slice(end, end + 60));
			return m && nameLike(cap(m[1])) && !NOT_IN_CAPITALS.has(m[1]) ? end + m[0].length : end;
		}
		const path: number[] = [];
		for (;;) {
			const done = walked.get(end);
			if (done !== undefined) {
				end = done;
				break;
			}
			path.push(end);
			const m = MORE_OF_NAME.exec(text.slice(end, end + 80));
			if (!m || !nameLike(m[1])) break;
			end += m[0].length;
		}
		for (const at of path) walked.set(at, end);
		return end;
	};
	// Each stretch of text is read for its names' words once, however many finds lie in it.
	let read = 0;
	for (const f of names.slice().sort((a, b) => a.start - b.start)) {
		// A name in capitals goes on in capitals ("COMPLETED BY JANET WICKHAM, CHILDMINDER").
		const capitals = /^[^\p{Ll}]*\p{Lu}{2}[^\p{Ll}]*$/u.test(text.slice(f.start, f.end));
		const end = rest(f.end, capitals);
		// "Aoife & Ciarán Byrne", "Sam and Priya": a second first name joined to the first, with its surname.
		if (end > f.end) out.push({ kind: 'name', start: f.start, end });
		const joined = JOINED_NAME.exec(text.slice(end));
		// Not "Marie Curie and Helen House": a name followed by a word of a place or an organisation is the place's.
		const then = joined && MORE_OF_NAME.exec(text.slice(end + joined[0].length));
		if (joined && firstName(joined[1]) && nameLike(joined[1]) && (!then || nameLike(then[1]))) {
			const at = end + joined[0].length - joined[1].length;
			out.push({ kind: 'name', start: at, end: rest(end + joined[0].length, false) });
		}
		// What goes with the name before it: a particle and a first name ("Ciarán Ó [Súilleabháin]", "[Dafydd] ap [Rhys]",
		// "Ruby-Mae Thornton-[Smith]"), or a first name joined to it ("Hope and [Faith Adeyemi]").
		const left = leftOf(text, f.start);
		if (left.start < f.start) out.push({ kind: 'name', start: left.start, end: f.start });
		if (left.joined) out.push({ kind: 'name', start: left.joined[0], end: left.joined[1] });
		// "[Shanelle's sister] and Shanelle,": a name joined to one found, set off by punctuation, is a name too.
		const also = JOINED_ANY.exec(text.slice(end));
		if (also && nameLike(also[1]) && !ONE_WORD_BODIES.has(also[1])) out.push({ kind: 'name', start: end + also.indices![1]![0], end: end + also.indices![1]![1] });
		const surname = SURNAME_FIRST.exec(text.slice(Math.max(0, f.start - 40), f.start));
		if (surname && nameLike(surname[1])) out.push({ kind: 'name', start: f.start - surname[0].length + surname[0].indexOf(surname[1]), end: f.start - 2 });
		// A nickname is a first name or a short form of one ("Gaz", "Pawel"), not "(Ofsted)".
		const before = NICKNAME_BEFORE.exec(text.slice(Math.max(0, f.start - 40), f.start));
		if (before && nameLike(before[1]) && firstName(before[1])) out.push({ kind: 'name', start: f.start - before[0].length, end: f.start - before[0].length + before[1].length });
		const after = NICKNAME_AFTER.exec(text.slice(end));
		if (after && nameLike(after[1]) && (firstName(after[1]) || CALLED_IN_BRACKETS.test(text.slice(end)))) out.push({ kind: 'name', start: end + after.indices![1]![0], end: end + after.indices![1]![1] });
		// Only a known first name: a surname or a name that is also a word ("Green", "Child", "Grace") may be the
		// word elsewhere ("Green spaces", "Child Protection").
		const from = Math.max(f.start, read);
		read = Math.max(read, end);
		const found = from < end ? (text.slice(from, end).match(/\p{L}[\p{L}'’-]{2,}/gu) ?? []) : [];
		for (const w of found) {
			const word = w.replace(/['’]s$/, '');
			if (known(word) && (/^\p{Ll}/u.test(word) || nameLike(word))) words.add(word);
			else if (/^\p{Lu}/u.test(word) && isSurname(word) && nameLike(word)) surnames.add(word);
		}
		// The last word of a name of two words or more is a surname, on the list or not ("Mr Whitlock ... Whitlock
		// said"), unless it may be a word ("Mrs Green ... Green spaces").
		const last = found.length > 1 || (found.length === 1 && /^(?:Mr|Ms|Mx|Dr)\.? /.test(text.slice(f.start, f.end))) ? found[found.length - 1].replace(/['’]s$/, '') : '';
		if (last && mayBeSurname(last) && nameLike(last) && !AMBIGUOUS_NAMES.has(plain(last))) surnames.add(last);
	}
}

/** Every mention of the names' words in the text: as written or in capitals, and in lower case if `lower` (known first
 * names, not surnames, whose lower case may be a word). */
function spread(text: string, words: Set<string>, lower: boolean): Redaction[] {
	if (words.size === 0) return [];
	// One pass over the text for all the words, each as written, in capitals and in lower case.
	const variants = [...words].flatMap((w) => (lower ? [w, w.toUpperCase(), w.toLowerCase()] : [w, w.toUpperCase()]));
	const out: Redaction[] = [];
	for (const m of matches(text, new RegExp(String.raw`(?<![\p{L}])(?:${variants.map(escapeRegExp).join('|')})(?![\p{L}])`, 'gu')))
		// A surname elsewhere may name a firm or a place after the person ("The Morris Trust met Tendekai Morris").
		if (lower || !firmAfter(text, m.index! + m[0].length)) out.push({ kind: 'name', start: m.index!, end: m.index! + m[0].length });
	return out;
}

/** Public inquiries and reports named after people ("the Victoria Climbié Inquiry") are not personal data here. */
const PUBLIC_RECORD = /^\s+(Inquiry|Report|Review|Act|Principles?|guidelines?|competen\w*)\b/i;

/** Merges overlapping finds (the widest wins) and rebuilds the text with placeholders. */
export function redact(text: string, personal?: PersonalTerms, record: PublicRecord = NO_PUBLIC_RECORD): Redacted {
	const places = [...(MAY_NAMED_PLACE.test(text) ? matches(text, NAMED_PLACES) : []), ...(record.pattern ? matches(text, record.pattern) : [])].map((m) => [m.index!, m.index! + m[0].length]);
	const own: Redaction[] = [];
	if (personal) {
		for (const phrase of personal.keep) for (const m of matches(text, wholeWord(phrase))) places.push([m.index!, m.index! + m[0].length]);
		for (const name of personal.names) for (const m of matches(text, wholeWord(name))) own.push({ kind: 'name', start: m.index!, end: m.index! + m[0].length });
		for (const term of personal.organisations) for (const m of matches(text, wholeWord(term))) own.push({ kind: 'organisation', start: m.index!, end: m.index! + m[0].length });
	}
	// Names in the public record and places are set aside before the names found are carried on (so "Dr Barnardo's"
	// does not make "Homes" a name), and again after.
	const publicOrPlace = (f: Redaction) =>
		f.kind === 'name' && (PUBLIC_RECORD.test(text.slice(f.end, f.end + 20)) || places.some(([start, end]) => f.start < end && f.end > start));
	const finds = carryNames(
		text,
		collect(text).filter((f) => !publicOrPlace(f))
	)
		.filter((f) => !publicOrPlace(f))
		.concat(own)
		// A respondent's own organisation keeps its kind where a name carried on covers the same words ("Dunmere's").
		.sort((a, b) => a.start - b.start || b.end - a.end || Number(b.kind === 'organisation') - Number(a.kind === 'organisation'));
	const merged: Redaction[] = [];
	for (const f of finds) {
		const last = merged[merged.length - 1];
		// Overlapping finds, or finds of one kind that touch ("Ciarán Ó " and "Súilleabháin"), are one.
		if (last && (f.start < last.end || (f.start === last.end && f.kind === last.kind))) {
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
