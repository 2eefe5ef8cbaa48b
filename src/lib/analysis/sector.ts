// Stage 3: infer a respondent's sector when they left it blank: known organisations first, then rules on the
// organisation and professional-body names, then their text as a last resort. A sector they gave is never changed.
import { BayesClassifier } from 'natural/lib/natural/classifiers/index.js';
import { PorterStemmer } from 'natural/lib/natural/stemmers/index.js';
import { termFeatures, tokenize } from './text';

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
	method: 'organisation-list' | 'name-rule' | 'professional-body' | 'text';
}

/** Ordered: the first rule that matches wins, so the more specific come first. */
export const NAME_RULES: [string, RegExp][] = [
	['police', /\b(police|constabulary|acpo|child abuse investigation)\b/i],
	['youth-justice', /\b(youth offending|yot|youth justice|secure training cent(re|er)|young offenders?)\b/i],
	['health', /\b(nhs|pct|primary care trust|hospitals?|health|clinic|medical|surgery|camhs|nursing|midwi\w*|paediatric\w*|caldicott|pharmac\w*|dental|dentist|ambulance|gp practice|general practice|royal college of (?!.*social))\b/i],
	['early-years', /\b(nurser(y|ies)|pre-?school|playgroups?|childmind\w*|sure start|children's cent(re|er)s?|early years)\b/i],
	['education', /\b(schools?|college|academy|education|lea|connexions|teachers?|head ?teachers?|governors?|pupil referral unit)\b/i],
	['social-care', /\b(social services|social care|social work\w*|fostering|foster care|adoption|children's homes?|residential|leaving care|family cent(re|er)|children's services)\b/i],
	['local-government', /\b(safeguarding children board|lscb|acpc|area child protection committee|children's trust|(borough|county|city|district|metropolitan|unitary|parish) council|council|local authority|local government)\b/i],
	['legal-regulatory', /\b(solicitors?|llp|law|legal|barristers?|chambers|commissioner|inspectorate|ofsted|commission|court|tribunal)\b/i],
	['voluntary-community', /\b(charity|charitable|trust|youth project|community association|voluntary|cvs|scouts?|guides|church|mosque|synagogue|temple|faith|club|mentoring|helpline|refuge|society|foundation|project)\b/i]
];

function clean(s: string | null): string {
	return (s ?? '').replace(/\s+/g, ' ').trim();
}

export interface SectorModel {
	orgs: Map<string, KnownOrganisation>;
	text: BayesClassifier | null;
}

function docFeatures(text: string): string[] {
	return termFeatures(tokenize(text)).filter((f) => !f.includes(' '));
}

/** Learns the text fallback from respondents whose sector is known. */
export function fitSectorModel(orgs: KnownOrganisation[], known: { text: string; sector: string }[]): SectorModel {
	const map = new Map<string, KnownOrganisation>();
	for (const o of orgs) {
		map.set(o.name.toLowerCase(), o);
		if (o.abbreviation) map.set(o.abbreviation.toLowerCase(), o);
	}
	let text: BayesClassifier | null = null;
	const usable = known.filter((k) => k.text.trim().length > 0);
	if (new Set(usable.map((k) => k.sector)).size >= 2) {
		text = new BayesClassifier(PorterStemmer);
		for (const k of usable) text.addDocument(docFeatures(k.text), k.sector);
		text.train();
	}
	return { orgs: map, text };
}

function lookup(model: SectorModel, name: string): KnownOrganisation | undefined {
	const key = name.toLowerCase().replace(/^the /, '');
	return model.orgs.get(key) ?? model.orgs.get(`the ${key}`);
}

export function inferSector(model: SectorModel, r: SectorInput): SectorInference | null {
	const org = clean(r.organisation);
	const body = clean(r.professionalBody);
	if (org) {
		const known = lookup(model, org);
		if (known) return { id: r.id, sector: known.sector, reason: `known organisation: ${known.name}`, method: 'organisation-list' };
		for (const [sector, rule] of NAME_RULES) {
			const m = rule.exec(org);
			if (m) return { id: r.id, sector, reason: `organisation name contains "${m[0]}"`, method: 'name-rule' };
		}
	}
	if (body) {
		const known = lookup(model, body);
		if (known) return { id: r.id, sector: known.sector, reason: `professional body ${body} (${known.name})`, method: 'professional-body' };
		for (const [sector, rule] of NAME_RULES) {
			const m = rule.exec(body);
			if (m) return { id: r.id, sector, reason: `professional body name contains "${m[0]}"`, method: 'name-rule' };
		}
	}
	if (model.text && r.text.trim()) {
		const ranked = model.text.getClassifications(docFeatures(r.text));
		if (ranked.length) return { id: r.id, sector: ranked[0].label, reason: 'from the wording of the answers (least certain)', method: 'text' };
	}
	return null;
}
