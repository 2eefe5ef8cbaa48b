import { fail } from '@sveltejs/kit';
import { audit } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/access';
import { publicRecordNames } from '$lib/server/db/consultation';
import { questions } from '$lib/server/db/questions';
import { questionCounts } from '$lib/server/facts';
import { buildFilter } from '$lib/server/filters';
import { annexWithheld, NEXT_STEPS, SUMMARY } from '$lib/server/report/data';
import { annexDecisions } from '$lib/server/report/annex';
import { publicRecord, redact, type RedactionKind } from '$lib/analysis/redact';

const KINDS: Record<RedactionKind, string> = {
	email: 'an email address',
	phone: 'a phone number',
	nhs: 'an NHS number',
	postcode: 'a postcode',
	name: "a person's name",
	address: 'an address',
	dob: 'a date of birth',
	ni: 'a National Insurance number',
	reference: 'a reference number',
	handle: 'a social media handle',
	organisation: "an organisation's name"
};

/** What in a text looks like personal data to the redaction the pipeline uses on answers ("Janet Holloway", a
 * person's name), leaving alone the people of the public record (ministers, commissioners). */
function personalData(text: string, record: ReturnType<typeof publicRecord>): string[] {
	return [...new Set(redact(text, undefined, record).redactions.map((r) => `"${text.slice(r.start, r.end)}" (${KINDS[r.kind]})`))];
}

/** What the analyst was shown as possible personal data and confirmed is not, as the page sent it back. */
function confirmedPersonal(json: string): Record<string, string[]> {
	try {
		const value = JSON.parse(json) as unknown;
		if (!value || typeof value !== 'object') return {};
		return Object.fromEntries(Object.entries(value).filter(([, v]) => Array.isArray(v) && v.every((x) => typeof x === 'string'))) as Record<string, string[]>;
	} catch {
		return {};
	}
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The parts of the report analysts write: an overall summary, each question's key findings, and next steps. */
function parts(db: ReturnType<typeof getDb>): { id: string; name: string; heading: string; label: string; hasCharts: boolean }[] {
	return [
		{ id: SUMMARY, name: 'the summary of the main findings', heading: 'Summary of the main findings', label: 'Summary of the main findings', hasCharts: false },
		...questions(db).map((q) => ({ id: q.id, name: `the key findings for ${q.id.toUpperCase()}`, heading: `${q.id.toUpperCase()}: ${q.text}`, label: `Key findings for ${q.id.toUpperCase()}`, hasCharts: true })),
		{ id: NEXT_STEPS, name: 'the next steps', heading: 'Next steps', label: "Next steps: what the Government will do in response", hasCharts: false }
	];
}

/** How many written answers analysts have reviewed: the report says so, and this page says it first. The written
 * answers come from the counts in memory (held equal to SQL in tests/unit/facts.test.ts): counting them in SQL read
 * every answer on every visit (0.4 s at a million answers). */
function reviewShare(db: ReturnType<typeof getDb>) {
	const reviewed = db.prepare('SELECT count(*) FROM answer_review').pluck().get() as number;
	const written = questionCounts(db, buildFilter(db, new URLSearchParams())).reduce((n, q) => n + q.withText, 0);
	return { reviewed, written };
}

export function load({ url }) {
	const db = getDb();
	const saved = db.prepare('SELECT question_id, findings, include_charts, updated_by, updated_at FROM report_text').all() as {
		question_id: string;
		findings: string;
		include_charts: number;
		updated_by: string;
		updated_at: string;
	}[];
	return {
		parts: parts(db).map((p) => {
			const s = saved.find((x) => x.question_id === p.id);
			return { ...p, findings: s?.findings ?? '', includeCharts: p.hasCharts && (s?.include_charts ?? 1) === 1, version: s?.updated_at ?? '', savedBy: s?.updated_by ?? null };
		}),
		saved: url.searchParams.has('saved'),
		review: reviewShare(db),
		withheld: annexWithheld(db),
		decisions: annexDecisions(db)
	};
}

export const actions = {
	save: async ({ request, locals }) => {
		const user = requireRole(locals.user, 'analyst');
		const db = getDb();
		const form = await request.formData();
		const all = parts(db);
		const ids = all.map((p) => p.id);
		const name = (id: string) => all.find((p) => p.id === id)?.name ?? id;
		const label = (id: string) => all.find((p) => p.id === id)?.label ?? id;
		const upsert = db.prepare(
			`INSERT INTO report_text (question_id, findings, include_charts, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT(question_id) DO UPDATE SET findings = excluded.findings, include_charts = excluded.include_charts,
				updated_by = excluded.updated_by, updated_at = excluded.updated_at`
		);
		// Line breaks arrive as \r\n, which the browser's own limit counts as one character: counted and kept as \n.
		const text = (name: string) => String(form.get(name) ?? '').replace(/\r\n?/g, '\n');
		const findings = (id: string) => text(`findings:${id}`);
		// What the analyst started from, as the page was given it: the saved text, whether charts were in, and when it
		// was saved.
		const base = (id: string) => ({
			version: String(form.get(`version:${id}`) ?? ''),
			findings: text(`was:${id}`),
			charts: form.get(`wasCharts:${id}`) === 'yes'
		});
		const tooLong = ids.find((id) => findings(id).length > 5000);
		if (tooLong)
			// Everything typed comes back with the error, in every field, not only the one that is too long.
			return fail(400, {
				message: `${label(tooLong)} must be at most 5,000 characters`,
				field: tooLong,
				values: Object.fromEntries(ids.map((id) => [id, { findings: findings(id), charts: form.get(`charts:${id}`) === 'yes' }])),
				bases: Object.fromEntries(ids.map((id) => [id, base(id)]))
			});
		// The key findings are published: what looks like personal data is pointed out, and saved only once the analyst
		// says it is not (a name the redaction does not know is public, say).
		const charts = (id: string) => form.get(`charts:${id}`) === 'yes';
		const changed = ids.filter((id) => findings(id).trim() !== base(id).findings.trim() || charts(id) !== base(id).charts);
		const record = publicRecord(publicRecordNames(db));
		const personal: Record<string, string[]> = Object.fromEntries(changed.map((id) => [id, personalData(findings(id), record)] as const).filter(([, found]) => found.length));
		// A confirmation covers only what the analyst was shown: anything pointed out now that was not then is shown first.
		const confirmed = form.get('personal-checked') === 'yes' ? confirmedPersonal(String(form.get('personal-shown') ?? '')) : {};
		const flagged = Object.keys(personal);
		const unconfirmed = flagged.filter((id) => personal[id].some((found) => !confirmed[id]?.includes(found)));
		if (unconfirmed.length)
			return fail(400, {
				message: `${capitalise(flagged.map(name).join(', '))} may contain personal data, which must not be published: ${flagged.map((id) => personal[id].join(', ')).join('; ')}. Take it out, or confirm below that it is not personal data, and save again`,
				field: flagged[0],
				personal,
				values: Object.fromEntries(ids.map((id) => [id, { findings: findings(id), charts: charts(id) }])),
				bases: Object.fromEntries(ids.map((id) => [id, base(id)]))
			});
		// Two analysts may have the page open at once. A question's text is written only if this analyst changed it, and
		// only over the text they started from: the whole form used to be written, so a second save undid the first
		// analyst's findings on every question.
		const current = new Map(
			(db.prepare('SELECT question_id, findings, include_charts, updated_by, updated_at FROM report_text').all() as { question_id: string; findings: string; include_charts: number; updated_by: string; updated_at: string }[]).map((r) => [r.question_id, r])
		);
		const clashes = changed.filter((id) => (current.get(id)?.updated_at ?? '') !== base(id).version);
		if (clashes.length) {
			const names = clashes.map(name);
			const who = [...new Set(clashes.map((id) => current.get(id)?.updated_by ?? 'Someone'))].join(' and ');
			const stored = (id: string) => {
				const now = current.get(id);
				return now ? { version: now.updated_at, findings: now.findings, charts: now.include_charts === 1 } : base(id);
			};
			return fail(409, {
				message: `${who} saved ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]} after you opened this page. Your text is still here; saving again replaces theirs`,
				field: clashes[0],
				// What this analyst changed, as they typed it; every other question as it is saved now, so saving again
				// does not put back their old copy of someone else's text.
				values: Object.fromEntries(ids.map((id) => [id, changed.includes(id) ? { findings: findings(id), charts: charts(id) } : { findings: stored(id).findings, charts: stored(id).charts }])),
				// Saving again is then a choice made knowing of the other save: it starts from what is saved now.
				bases: Object.fromEntries(ids.map((id) => [id, stored(id)]))
			});
		}
		db.transaction(() => {
			const at = new Date().toISOString();
			for (const id of changed) upsert.run(id, findings(id).trim(), charts(id) ? 1 : 0, user.username, at);
			audit(db, user.username, 'report text saved', 'summary of responses', { questions: changed, ...(flagged.length ? { confirmedNotPersonal: personal } : {}) });
		})();
		return { saved: true };
	}
};
