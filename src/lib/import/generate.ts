// Deterministic synthetic consultations in the import formats, for benchmarks only (never the bundled data):
// answers of realistic length (many short, a long tail), a theme mix, closed answers that vary by sector.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { seededRandom } from '../analysis/classifier';

const SECTORS = ['health', 'education', 'early-years', 'social-care', 'local-government', 'voluntary-community', 'police', 'youth-justice', 'legal-regulatory', 'other'];
const SECTOR_WEIGHTS = [17, 12, 3, 13, 12, 15, 4, 3, 10, 11];
const CHOICES = ['Yes', 'No', 'Not sure'];

/** Professional bodies a respondent may name, by sector, most often named first (a long tail, as in real consultations). */
const BODIES: Record<string, string[]> = {
	health: ['RCN', 'BMA', 'CPHVA', 'RCPCH', 'RCM', 'RCGP', 'BDA', 'GMC', 'NMC'],
	education: ['NUT', 'NAHT', 'ATL', 'NASUWT', 'SHA', 'NATFHE', 'NGC'],
	'early-years': ['NCMA', 'NDNA', 'PLA'],
	'social-care': ['BASW', 'ADSS', 'BAAF', 'NASWE'],
	'local-government': ['LGA', 'ADECS', 'SOLACE'],
	'voluntary-community': ['CYWU', 'BACP', 'NCVCCO', 'NCVO'],
	police: ['Police Federation', 'ACPO', 'Superintendents Association'],
	'youth-justice': ['Napo', 'AYOTM'],
	'legal-regulatory': ['Law Society', 'Bar Council', 'ICG']
};
/** Share of respondents who name a body (about a third in the bundled consultation). */
const BODY_SHARE = 0.35;

/** A few plain sentences per theme; answers are drawn from these and from neutral filler. */
const BANK: Record<string, string[]> = {
	'length-language': ['The guide is far too long for busy staff.', 'It needs a short summary in plain English.', 'The language is legalistic and hard to follow.'],
	'legal-framework': ['Staff are unsure what the Data Protection Act allows.', 'The link between Article 8 and the common law duty is not explained.', 'We need clarity on the legal basis for sharing.'],
	consent: ['Consent should be sought unless that puts the child at risk.', 'It is unclear when to share without consent.', 'Parents often refuse consent and staff do not know what to do next.'],
	capacity: ['The section on Gillick competence needs expanding.', 'Older children should be able to consent for themselves.'],
	threshold: ['The threshold for sharing below significant harm is vague.', 'Practitioners need to know what level of concern is enough.'],
	'health-confidentiality': ['The two-tier approach will confuse health professionals.', 'GPs will rely on their own codes of confidentiality.', 'Health visitors need to be able to share without delay.'],
	'young-peoples-trust': ['Young people may stop using sexual health services.', 'Teenagers will not seek help if they fear their details will be passed on.'],
	training: ['Joint training across agencies is essential.', 'Staff need a named person to ask for advice.', 'Training must be funded and repeated.'],
	resources: ['There is no extra funding for this work.', 'Staff time is already stretched.', 'Who will pay for the new systems?'],
	'recording-accountability': ['Staff fear being blamed if they share in good faith.', 'Decisions and reasons should be recorded every time.'],
	'multi-agency': ['Local protocols differ from one area to the next.', 'Agencies need one agreed information sharing protocol.'],
	'voluntary-private': ['Small voluntary groups and volunteers cannot apply this without support.', 'Private providers are barely mentioned.'],
	'index-databases': ['The Information Sharing Index raises serious privacy concerns.', 'A database of every child is disproportionate.'],
	'security-accuracy': ['Information must be kept secure and accurate.', 'Out of date records cause real harm.'],
	'child-family-involvement': ['Families should be told what is shared and why.', 'Children want to be asked and kept informed.'],
	'case-examples-tools': ['Case examples and a flowchart would help.', 'A pocket guide for front-line staff is needed.'],
	'fit-with-guidance': ['The guide must be consistent with Working Together.', 'It should fit with the Common Assessment Framework.']
};
const FILLER = ['We welcome the opportunity to comment.', 'This is our considered view.', 'Our members raised this repeatedly.', 'We would be happy to discuss this further.', 'See our earlier answer.'];
const THEMES = Object.keys(BANK);

function weighted<T>(rnd: () => number, items: T[], weights: number[]): T {
	const total = weights.reduce((a, b) => a + b, 0);
	let r = rnd() * total;
	for (let i = 0; i < items.length; i++) if ((r -= weights[i]) < 0) return items[i];
	return items[items.length - 1];
}

// What makes real answers differ from one another: who is writing, where, and a detail of their own. Without these,
// answers drawn from the bank alone repeat word for word far more than real ones do (four in five were copies).
const PLACES = ['Leeds', 'Bristol', 'Norfolk', 'Cumbria', 'Hackney', 'Croydon', 'Kent', 'Derby', 'Sefton', 'Wirral', 'Durham', 'Devon', 'Luton', 'Bolton', 'Sheffield', 'Suffolk', 'Dorset', 'Oldham', 'Rochdale', 'Swindon', 'Walsall', 'Wigan', 'Halton', 'Barnet', 'Camden', 'Lambeth', 'Medway', 'Torbay', 'Rutland', 'Solihull'];
const ROLES = ['health visitor', 'school nurse', 'head teacher', 'social worker', 'youth worker', 'GP', 'police officer', 'childminder', 'family support worker', 'team manager', 'midwife', 'designated teacher'];
const LEADS = ['In {place}, ', 'As a {role}, ', 'Speaking as a {role} in {place}, ', 'In our experience, ', 'On balance, ', 'From our work in {place}, ', 'Frankly, ', 'Our view is that '];
const DETAILS = [
	'We support around {n} families a year.',
	'Our {role}s in {place} raised this at {n} meetings.',
	'This came up in {n} of the cases we reviewed.',
	'We have {n} staff who would need to use the guide.',
	'Colleagues in {place} said the same.'
];
// Letters that many respondents send word for word (a campaign), as large consultations receive.
const CAMPAIGN = [
	'I am writing as a parent. A database of every child is disproportionate and the Information Sharing Index raises serious privacy concerns. Families should be told what is shared and why.',
	'Young people may stop using sexual health services. Teenagers will not seek help if they fear their details will be passed on. Consent should be sought unless that puts the child at risk.'
];
const CAMPAIGN_SHARE = 0.06;

function fill(rnd: () => number, template: string): string {
	return template
		.replace('{place}', PLACES[Math.floor(rnd() * PLACES.length)])
		.replace('{role}', ROLES[Math.floor(rnd() * ROLES.length)])
		.replace('{n}', String(2 + Math.floor(rnd() * 400)));
}

function answer(rnd: () => number): string {
	// Log-normal-ish length: most answers one to three sentences, a few long submissions.
	const sentences = Math.max(1, Math.round(Math.exp(rnd() * 1.6 + (rnd() < 0.08 ? 1.6 : 0)) - 0.5));
	const themes = [THEMES[Math.floor(rnd() * THEMES.length)], THEMES[Math.floor(rnd() * THEMES.length)]];
	const out: string[] = [];
	for (let i = 0; i < sentences; i++) {
		const pool = rnd() < 0.75 ? BANK[themes[i % themes.length]] : FILLER;
		let sentence = pool[Math.floor(rnd() * pool.length)];
		if (rnd() < 0.3) sentence = fill(rnd, LEADS[Math.floor(rnd() * LEADS.length)]) + sentence[0].toLowerCase() + sentence.slice(1);
		out.push(sentence);
		if (rnd() < 0.25) out.push(fill(rnd, DETAILS[Math.floor(rnd() * DETAILS.length)]));
	}
	return out.join(' ');
}

export interface GenerateResult {
	respondents: number;
	answers: number;
	files: string[];
}

async function writeCsv(path: string, fields: string[], rows: Iterable<unknown[]>) {
	const out = createWriteStream(path);
	const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
	await write(Papa.unparse([fields]) + '\r\n');
	let batch: unknown[][] = [];
	for (const row of rows) {
		batch.push(row);
		if (batch.length === 2000) {
			await write(Papa.unparse(batch) + '\r\n');
			batch = [];
		}
	}
	if (batch.length) await write(Papa.unparse(batch) + '\r\n');
	await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

export async function generate(options: { respondents: number; seed: number; out: string }): Promise<GenerateResult> {
	const rnd = seededRandom(options.seed);
	// Bodies are drawn from a stream of their own, so that adding them left every other value as it was.
	const bodyRnd = seededRandom(options.seed ^ 0x5bd1e995);
	const bodyOf = (sector: string) => {
		const list = BODIES[sector];
		if (!list || bodyRnd() >= BODY_SHARE) return '';
		return weighted(bodyRnd, list, list.map((_, k) => 1 / (k + 1)));
	};
	mkdirSync(options.out, { recursive: true });
	let answers = 0;
	const fields = ['response_id', 'submitted_at', 'respondent_type', 'organisation', 'professional_body', 'sector', 'region', 'confidential'];
	for (const q of ['q1', 'q2', 'q3', 'q4', 'q5', 'q6']) fields.push(q, `${q}_text`);
	fields.push('q7_text', 'q8_text');
	function* respondents() {
		for (let i = 1; i <= options.respondents; i++) {
			const sector = weighted(rnd, SECTORS, SECTOR_WEIGHTS);
			const org = rnd() < 0.6;
			const day = 1 + Math.floor(Math.pow(rnd(), 0.4) * 90);
			const date = new Date(Date.UTC(2005, 7, 25 + day)).toISOString().slice(0, 10);
			const row: unknown[] = [`S${String(i).padStart(7, '0')}`, date, org ? 'organisation' : 'individual', org ? `Synthetic organisation ${i % 5000}` : '', bodyOf(sector), sector, 'London', rnd() < 0.08 ? 'yes' : 'no'];
			const lean = SECTORS.indexOf(sector) / SECTORS.length;
			for (let q = 0; q < 6; q++) {
				const skip = rnd() < 0.15;
				const choice = skip ? '' : weighted(rnd, CHOICES, [1 - lean * 0.6, 0.3 + lean * 0.5, 0.3]);
				const text = skip || rnd() < 0.2 ? '' : answer(rnd);
				if (choice || text) answers++;
				row.push(choice, text);
			}
			const campaigner = rnd() < CAMPAIGN_SHARE;
			for (let q = 0; q < 2; q++) {
				const text = q === 0 && campaigner ? CAMPAIGN[Math.floor(rnd() * CAMPAIGN.length)] : rnd() < 0.3 ? '' : answer(rnd);
				if (text) answers++;
				row.push(text);
			}
			yield row;
		}
	}
	const files = [join(options.out, 'responses.csv'), join(options.out, 'events.csv'), join(options.out, 'event_feedback.csv'), join(options.out, 'cyp_feedback.csv')];
	await writeCsv(files[0], fields, respondents());
	await writeCsv(files[1], ['event_id', 'title', 'city', 'venue', 'date', 'attendees'], [['E1', 'Synthetic event', 'London', 'Hall', '2005-09-20', 80]]);
	const feedback = Math.max(10, Math.round(options.respondents / 5));
	await writeCsv(files[2], ['feedback_id', 'event_id', 'source', 'attendee_sector', 'attendee_role', 'usefulness', 'comment'], (function* () {
		for (let i = 1; i <= feedback; i++) yield [`F${i}`, 'E1', 'evaluation', weighted(rnd, SECTORS, SECTOR_WEIGHTS), 'Practitioner', 1 + Math.floor(rnd() * 5), answer(rnd)];
	})());
	await writeCsv(files[3], ['comment_id', 'age_band', 'setting', 'comment', 'topics'], (function* () {
		for (let i = 1; i <= Math.max(10, Math.round(options.respondents / 20)); i++) yield [`C${i}`, '12-15', 'youth group', answer(rnd), 'trust'];
	})());
	return { respondents: options.respondents, answers, files };
}
