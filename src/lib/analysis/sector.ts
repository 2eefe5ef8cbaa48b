// Stage 3: infer a respondent's sector when they left it blank: known organisations first, then rules on the
// organisation and professional-body names, then how they describe themselves. With none of these the sector is
// left not known: guessing it from the wording was wrong about half the time. A sector they gave is never changed.
import { redact } from './redact';
import { normalise } from './text';

export interface KnownOrganisation {
	name: string;
	abbreviation: string | null;
	sector: string;
}

export interface SectorInput {
	id: string;
	organisation: string | null;
	professionalBody: string | null;
	respondentType: string | null;
	text: string;
}

export interface SectorInference {
	id: string;
	sector: string;
	/** Plain-English reason shown to analysts, e.g. 'organisation name contains "Constabulary"'. */
	reason: string;
	method: 'organisation-list' | 'name-rule' | 'professional-body' | 'text-role';
}

/**
 * Rules on organisation and professional-body names, in order: the first that matches wins. Specific words come
 * first; the generic ones ("council", "trust", "project") only after a known professional body has had its say.
 */
export const STRONG_NAME_RULES: [string, RegExp][] = [
	['police', /\b(police|constabulary|acpo|child abuse investigation)\b/i],
	['youth-justice', /\b(youth offending|yot|youth justice|youth offender panels?|secure training cent(re|er)|young offenders?)\b/i],
	['social-care', /\b(social services|social care|social work\w*|fostering|foster care|family placements?|adoption|children's homes?|residential (care|children)|leaving care|family cent(re|er)|children's services|residential service|kids'? home)\b/i],
	['health', /\b(nhs|pct|primary care trust|hospitals?|health|clinic|medical|surgery|camhs|nursing|midwi\w*|paediatric\w*|caldicott|pharmac\w*|dental|dentist|ambulance|gp practice|general practice|royal college of (?!.*social))\b/i],
	['early-years', /\b(nurser(y|ies)|pre-?school|playgroups?|childmind\w*|sure start|children's cent(re|er)s?|early years)\b/i],
	['local-government', /\b(safeguarding children board|lscb|acpc|area child protection committee)\b/i],
	['legal-regulatory', /\b(solicitors?|llp|law society|law school|law cent(re|er)|legal services|legal|barristers?|bar council|chambers|commissioner|inspectorate|ofsted|commission|court|tribunal)\b/i],
	['voluntary-community', /\b(mosque|church|synagogue|temple|gurdwara|fellowship|young carers|counselling|advice cent(re|er)|helpline|charity|charitable|youth project|community association|voluntary|cvs|scouts?|guides|refuge)\b/i],
	['education', /\b(schools?|college|academy|education|lea|connexions|teachers?|head ?teachers?|governors?|pupil referral unit)\b/i]
];
export const WEAK_NAME_RULES: [string, RegExp][] = [
	['local-government', /\b(safeguarding children board|lscb|acpc|area child protection committee|children's trust|children's fund|young people's partnership|(borough|county|city|district|metropolitan|unitary|parish) council|borough of|council|local authority|local government)\b/i],
	['voluntary-community', /\b(trust|society|foundation|project|club|mentoring|association)\b/i]
];
/** Self-descriptions in the text ("As a school nurse, ..."), for people who named no organisation or body. */
const ROLES: [string, string][] = [
	['health', 'school nurse|health visitor|midwife|midwive|gp|general practitioner|paediatrician|practice nurse|psychiatrist|pharmacist|dentist|nurse|doctor'],
	['education', 'teachers?|head ?teachers?|headteachers?|senco|learning mentor|lecturer in further|governors?|teaching assistant'],
	['social-care', "social worker|foster carer|fostering|residential worker|family support worker|care worker|children'?s home"],
	['police', 'police officer|detective|constable|sergeant|police'],
	['youth-justice', 'yot|youth offending|youth offender panel|referral order panel|youth justice'],
	['early-years', 'childminder|nursery (?:nurse|manager|worker)|pre-school|playgroup'],
	['voluntary-community', 'youth worker|youth club|football team|volunteer|counsellor|pastor|vicar|imam|scout leader|guide leader|youth leader'],
	['legal-regulatory', 'solicitor|barrister|lawyer'],
	['other', 'parent|mother|father|mum|dad|grandparent|grandmother|grandfather|member of the public|academic|researcher|retired']
];
export const ROLE_RULES: [string, RegExp][] = ROLES.map(([sector, names]) => [sector, new RegExp(`\\b(?:${names})\\b`, 'i')]);
/** The same roles in the plural ("as foster carers"), read only where the writers speak as "we": "as doctors have
 * warned" or "such as social workers" says nothing of who is writing. */
const PLURAL_ROLE_RULES: [string, RegExp][] = ROLES.map(([sector, names]) => [sector, new RegExp(`\\b(?:${names})s?\\b`, 'i')]);
/** A person writing about their own child or grandchild ("our son", "my two grandchildren") writes as a parent; "our
 * sons and daughters" is a figure of speech. */
const FAMILY = /\b(?:my|our)\s+(?:[a-z-]+\s+)?(?:sons?|daughters?|grandchild(?:ren)?|grandsons?|granddaughters?|step(?:sons?|daughters?))\b(?!\s+and\s+(?:sons|daughters))/i;

function clean(s: string | null): string {
	return (s ?? '').replace(/\s+/g, ' ').trim();
}

export interface SectorModel {
	orgs: Map<string, KnownOrganisation>;
	/** The consultation's sectors: the rules name sectors by the ids above ("health", "police", ...), and a rule whose
	 * sector the consultation does not have is passed over (null: every sector the rules name). */
	sectors: Set<string> | null;
}

/** Indexes the known organisations and professional bodies by name and abbreviation; `sectors`, the consultation's. */
export function fitSectorModel(orgs: KnownOrganisation[], sectors?: string[]): SectorModel {
	const map = new Map<string, KnownOrganisation>();
	for (const o of orgs) {
		map.set(o.name.toLowerCase(), o);
		if (o.abbreviation) map.set(o.abbreviation.toLowerCase(), o);
	}
	return { orgs: map, sectors: sectors ? new Set(sectors) : null };
}

function lookup(model: SectorModel, name: string): KnownOrganisation | undefined {
	// "National Children's Bureau (NCB)": try the whole name, the name without the brackets, and what is in them.
	const inside = /\(([^)]+)\)/.exec(name)?.[1];
	for (const candidate of [name, name.replace(/\s*\([^)]*\)/g, ''), inside]) {
		if (!candidate) continue;
		const key = candidate.trim().toLowerCase().replace(/^the /, '');
		const found = model.orgs.get(key) ?? model.orgs.get(`the ${key}`);
		if (found) return found;
	}
	return undefined;
}

function firstRule(model: SectorModel, rules: [string, RegExp][], text: string): [string, string] | null {
	for (const [sector, rule] of rules) {
		if (model.sectors && !model.sectors.has(sector)) continue;
		const m = rule.exec(text);
		if (m) return [sector, m[0]];
	}
	return null;
}

export function inferSector(model: SectorModel, r: SectorInput): SectorInference | null {
	const org = clean(r.organisation);
	const body = clean(r.professionalBody);
	const id = r.id;
	const known = org ? lookup(model, org) : undefined;
	if (known) return { id, sector: known.sector, reason: `known organisation: ${known.name}`, method: 'organisation-list' };
	const strong = org ? firstRule(model, STRONG_NAME_RULES, org) : null;
	if (strong) return { id, sector: strong[0], reason: `organisation name contains "${strong[1]}"`, method: 'name-rule' };
	const knownBody = body ? lookup(model, body) : undefined;
	if (knownBody) return { id, sector: knownBody.sector, reason: `professional body ${body} (${knownBody.name})`, method: 'professional-body' };
	const bodyRule = body ? firstRule(model, STRONG_NAME_RULES, body) : null;
	if (bodyRule) return { id, sector: bodyRule[0], reason: `professional body name contains "${bodyRule[1]}"`, method: 'name-rule' };
	const weak = org ? firstRule(model, WEAK_NAME_RULES, org) : null;
	if (weak) return { id, sector: weak[0], reason: `organisation name contains "${weak[1]}"`, method: 'name-rule' };
	if (!r.text.trim()) return null;
	// Only the opening of the submission, where people say who they are ("As a school nurse ...").
	const opening = normalise(r.text.slice(0, 400));
	// The lead words only are consumed, so that "as we are foster carers" is read from "we are" as well.
	const lead = /\b(as|i am|i'm|i work (?:as|in|at|for)|we work (?:as|in|at|for)|i run|we are|we run)\s+(?=(an?\s+|the\s+)?([^.,;]{0,60}))/gi;
	for (const match of opening.matchAll(lead)) {
		const [, leadWords, article = '', rest] = match;
		// "I'm not a lawyer" says what they are not; "such as", "as well as", "as far as" and the like name others.
		if (/^(not|no longer|never)\b/i.test(rest)) continue;
		const as = leadWords.toLowerCase() === 'as';
		const before = opening.slice(0, match.index);
		if (as && (/\b(such|well|much|long|far|soon)\s*$/i.test(before) || /^(well|much|many|long|far|soon|if|though|to|for|with|regards|part|result|ever|usual|it|this|that|they|these|those|we|you|he|she|i)\b/i.test(rest))) continue;
		const sentence = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf('?'), before.lastIndexOf('!')) + 1);
		const asWe = /^we\b/i.test(leadWords) || (as && /\bwe\b/i.test(sentence));
		const roleRule = firstRule(model, asWe ? PLURAL_ROLE_RULES : ROLE_RULES, rest);
		if (roleRule) {
			// Quoted only up to the words that told (the rest of the sentence may name someone or give a number), and
			// redacted: the reason is shown beside the answer on the pages.
			const told = rest.slice(0, rest.indexOf(roleRule[1]) + roleRule[1].length);
			return { id, sector: roleRule[0], reason: `describes themselves: "${redact(`${match[0]}${article}${told}`.trim()).text}"`, method: 'text-role' };
		}
	}
	const family = r.respondentType === 'organisation' || (model.sectors && !model.sectors.has('other')) ? null : FAMILY.exec(opening);
	if (family) return { id, sector: 'other', reason: `writes as a parent or grandparent: "${family[0]}"`, method: 'text-role' };
	return null;
}
