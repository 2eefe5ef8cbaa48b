// Inter-coder reliability: an admin draws a random sample for two analysts to code blind (neither sees the model's
// tags nor the other's codes); Cohen's kappa per theme and pooled, and the model's agreement with each coder.
import { audit, type User } from '../auth';
import { seededRandom } from '../../analysis/classifier';
import type { DB } from './client';
import { cohensKappa } from './review';

export function createSample(db: DB, admin: User, coderA: number, coderB: number, size: number, seed = Date.now()): number {
	if (coderA === coderB) throw new Error('Choose two different analysts');
	if (!Number.isInteger(size) || size < 5 || size > 2000) throw new Error('A sample has 5 to 2,000 answers');
	const coders = db.prepare("SELECT count(*) FROM app_user WHERE id IN (?, ?) AND role IN ('analyst', 'admin') AND disabled = 0").pluck().get(coderA, coderB) as number;
	if (coders !== 2) throw new Error('Both coders must be analysts');
	const ids = db.prepare("SELECT id FROM answer WHERE trim(coalesce(text, '')) <> '' ORDER BY id").pluck().all() as number[];
	const rnd = seededRandom(seed >>> 0);
	for (let i = ids.length - 1; i > 0; i--) {
		const j = Math.floor(rnd() * (i + 1));
		[ids[i], ids[j]] = [ids[j], ids[i]];
	}
	const chosen = ids.slice(0, size);
	return db.transaction(() => {
		const id = Number(
			db.prepare('INSERT INTO icr_sample (created_at, created_by, coder_a, coder_b, size) VALUES (?, ?, ?, ?, ?)').run(new Date().toISOString(), admin.username, coderA, coderB, chosen.length).lastInsertRowid
		);
		const item = db.prepare(
			`INSERT INTO icr_item (sample_id, answer_id, auto_themes)
			 VALUES (?, ?, coalesce((SELECT group_concat(theme_id, ';') FROM answer_theme WHERE answer_id = ? AND source = 'auto'), ''))`
		);
		for (const a of chosen) item.run(id, a, a);
		audit(db, admin.username, 'double-coding sample drawn', `sample ${id}`, { size: chosen.length, coderA, coderB });
		return id;
	})();
}

export interface IcrTask {
	sampleId: number;
	answerId: number;
	text: string;
	question: string;
	done: number;
	size: number;
}

/** The next answer this coder has not yet coded, with its (redacted) text only: no tags, no other coder. */
export function nextTask(db: DB, coder: number): IcrTask | null {
	return (
		(db
			.prepare(
				`SELECT i.sample_id AS sampleId, i.answer_id AS answerId, shown_text(a.text_redacted, a.text, r.name, r.organisation, r.respondent_type, r.confidential) AS text, a.question_id AS question,
					(SELECT count(*) FROM icr_code c WHERE c.sample_id = s.id AND c.coder = ?) AS done, s.size
				 FROM icr_sample s JOIN icr_item i ON i.sample_id = s.id JOIN answer a ON a.id = i.answer_id JOIN respondent r ON r.id = a.respondent_id
				 WHERE ? IN (s.coder_a, s.coder_b)
					AND NOT EXISTS (SELECT 1 FROM icr_code c WHERE c.sample_id = s.id AND c.answer_id = i.answer_id AND c.coder = ?)
				 ORDER BY s.id, i.answer_id LIMIT 1`
			)
			.get(coder, coder, coder) as IcrTask | undefined) ?? null
	);
}

export function saveCode(db: DB, coder: User, sampleId: number, answerId: number, themes: string[]) {
	const known = new Set(db.prepare('SELECT id FROM theme').pluck().all() as string[]);
	const assigned = db.prepare('SELECT 1 FROM icr_sample s JOIN icr_item i ON i.sample_id = s.id WHERE s.id = ? AND i.answer_id = ? AND ? IN (s.coder_a, s.coder_b)').get(sampleId, answerId, coder.id);
	if (!assigned) throw new Error('That answer is not in a sample assigned to you');
	db.prepare(
		`INSERT INTO icr_code (sample_id, answer_id, coder, themes, coded_at) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT(sample_id, answer_id, coder) DO UPDATE SET themes = excluded.themes, coded_at = excluded.coded_at`
	).run(sampleId, answerId, coder.id, themes.filter((t) => known.has(t)).join(';'), new Date().toISOString());
}

export interface IcrResult {
	sampleId: number;
	coderA: string;
	coderB: string;
	both: number;
	size: number;
	perTheme: { theme: string; label: string; kappa: number | null; modelVsA: number | null; modelVsB: number | null }[];
	pooled: { kappa: number | null; modelVsA: number | null; modelVsB: number | null };
}

function kappaOf(pairs: [boolean, boolean][]): number | null {
	let yy = 0,
		yn = 0,
		ny = 0,
		nn = 0;
	for (const [x, y] of pairs) {
		if (x && y) yy++;
		else if (x) yn++;
		else if (y) ny++;
		else nn++;
	}
	return cohensKappa(yy, yn, ny, nn);
}

/** Agreement over the answers both coders have coded; pooled kappa treats every answer x theme as one decision. */
export function results(db: DB): IcrResult[] {
	const samples = db
		.prepare('SELECT s.id, s.size, a.username AS coderA, b.username AS coderB, s.coder_a, s.coder_b FROM icr_sample s JOIN app_user a ON a.id = s.coder_a JOIN app_user b ON b.id = s.coder_b ORDER BY s.id DESC')
		.all() as { id: number; size: number; coderA: string; coderB: string; coder_a: number; coder_b: number }[];
	const themes = db.prepare('SELECT id, label FROM theme ORDER BY position').all() as { id: string; label: string }[];
	return samples.map((s) => {
		const rows = db
			.prepare(
				`SELECT i.auto_themes AS auto, ca.themes AS a, cb.themes AS b FROM icr_item i
				 JOIN icr_code ca ON ca.sample_id = i.sample_id AND ca.answer_id = i.answer_id AND ca.coder = ?
				 JOIN icr_code cb ON cb.sample_id = i.sample_id AND cb.answer_id = i.answer_id AND cb.coder = ?
				 WHERE i.sample_id = ?`
			)
			.all(s.coder_a, s.coder_b, s.id) as { auto: string; a: string; b: string }[];
		const sets = rows.map((r) => ({ auto: new Set(r.auto.split(';')), a: new Set(r.a.split(';')), b: new Set(r.b.split(';')) }));
		const pairs = (x: 'auto' | 'a' | 'b', y: 'auto' | 'a' | 'b', theme?: string) =>
			sets.flatMap((r) => (theme ? [theme] : themes.map((t) => t.id)).map((t): [boolean, boolean] => [r[x].has(t), r[y].has(t)]));
		return {
			sampleId: s.id,
			coderA: s.coderA,
			coderB: s.coderB,
			both: rows.length,
			size: s.size,
			perTheme: themes.map((t) => ({ theme: t.id, label: t.label, kappa: kappaOf(pairs('a', 'b', t.id)), modelVsA: kappaOf(pairs('auto', 'a', t.id)), modelVsB: kappaOf(pairs('auto', 'b', t.id)) })),
			pooled: { kappa: kappaOf(pairs('a', 'b')), modelVsA: kappaOf(pairs('auto', 'a')), modelVsB: kappaOf(pairs('auto', 'b')) }
		};
	});
}
