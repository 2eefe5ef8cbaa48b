// Evaluation: cross-validated per-theme precision, recall and F1 on labelled answers, and sector-inference
// accuracy on respondents whose sector is known (hidden from the inference).
import type { TrainOptions } from './classifier';
import { compileCodeframe, type CodeframeTheme } from './codeframe';
import { fitSectorModel, inferSector, type KnownOrganisation, type SectorInput } from './sector';
import { f1, fitTagger, folds, tagText, type LabelledText, type ThemeTagger } from './themes';

export interface ThemeScore {
	theme: string;
	support: number;
	predicted: number;
	tp: number;
	precision: number;
	recall: number;
	f1: number;
}

export interface ThemeEvaluation {
	items: number;
	perTheme: ThemeScore[];
	microF1: number;
	macroF1: number;
	microPrecision: number;
	microRecall: number;
	/** The same predictions scored on each part of the labelled set (each gold file), when it has several. */
	parts?: { part: string; items: number; macroF1: number; microF1: number }[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function score(themes: string[], truth: string[][], predicted: string[][]): ThemeEvaluation {
	const perTheme: ThemeScore[] = themes.map((theme) => {
		let tp = 0,
			fp = 0,
			fn = 0;
		truth.forEach((t, i) => {
			const yes = predicted[i].includes(theme);
			const real = t.includes(theme);
			if (yes && real) tp++;
			else if (yes) fp++;
			else if (real) fn++;
		});
		return {
			theme,
			support: tp + fn,
			predicted: tp + fp,
			tp,
			precision: round(tp + fp ? tp / (tp + fp) : 0),
			recall: round(tp + fn ? tp / (tp + fn) : 0),
			f1: round(f1(tp, fp, fn))
		};
	});
	const tp = perTheme.reduce((a, s) => a + s.tp, 0);
	const pred = perTheme.reduce((a, s) => a + s.predicted, 0);
	const sup = perTheme.reduce((a, s) => a + s.support, 0);
	const scored = perTheme.filter((s) => s.support > 0);
	return {
		items: truth.length,
		perTheme,
		microPrecision: round(pred ? tp / pred : 0),
		microRecall: round(sup ? tp / sup : 0),
		microF1: round(f1(tp, pred - tp, sup - tp)),
		macroF1: round(scored.reduce((a, s) => a + s.f1, 0) / Math.max(1, scored.length))
	};
}

/** Each labelled answer's themes as k-fold cross-validation predicts them: each fold is tagged by a tagger
 * (thresholds included) fitted on the other folds only. */
export function crossValidatedTags(
	codeframe: CodeframeTheme[],
	labelled: LabelledText[],
	k = 5,
	seed = 3,
	trainOptions: TrainOptions = {}
): string[][] {
	const cf = compileCodeframe(codeframe);
	const predicted: string[][] = new Array(labelled.length);
	for (const fold of folds(labelled.length, k, seed)) {
		const held = new Set(fold);
		const tagger = fitTagger(
			cf,
			labelled.filter((_, i) => !held.has(i)),
			{ train: trainOptions }
		);
		for (const i of fold) predicted[i] = tagText(tagger, labelled[i].text, labelled[i].context).map((t) => t.theme);
	}
	return predicted;
}

/**
 * Predictions scored against the labels, and, when `partOf` names more than one part of the set (each gold file),
 * against each part as well.
 */
export function scoreByPart(
	themes: string[],
	labelled: LabelledText[],
	predicted: string[][],
	partOf?: (i: number) => string
): ThemeEvaluation {
	const all = score(
		themes,
		labelled.map((l) => l.themes),
		predicted
	);
	const parts = [...new Set(labelled.map((_, i) => partOf?.(i) ?? ''))];
	if (parts.length < 2) return all;
	all.parts = parts.map((part) => {
		const mine = labelled.flatMap((_, i) => (partOf!(i) === part ? [i] : []));
		const e = score(
			themes,
			mine.map((i) => labelled[i].themes),
			mine.map((i) => predicted[i])
		);
		return { part, items: e.items, macroF1: e.macroF1, microF1: e.microF1 };
	});
	return all;
}

/** Labels given to some gold answers by a reader who did not see the gold labels (an inter-coder check). */
export interface ReaderLabels {
	reader: string;
	/** Gold id -> the themes the reader gave. */
	labels: Map<string, string[]>;
}

export interface Agreement {
	/** Who is compared with whom: truth first ("gold", or a reader's name), then the other. */
	truth: string;
	other: string;
	items: number;
	macroF1: number;
	microF1: number;
}

/**
 * How far each reader agrees with the gold labels, the tagger (its cross-validated tags) with the gold on the
 * answers the readers labelled, and the readers with each other: how good the labels are, and how far the tagger is from
 * a careful reader. F1 with the first named as truth.
 */
export function readerAgreement(
	themes: string[],
	gold: (LabelledText & { id: string })[],
	predicted: string[][],
	readers: ReaderLabels[]
): Agreement[] {
	const index = new Map(gold.map((g, i) => [g.id, i]));
	const compare = (truth: string, other: string, ids: string[], t: (id: string) => string[], o: (id: string) => string[]): Agreement => {
		const e = score(themes, ids.map(t), ids.map(o));
		return { truth, other, items: ids.length, macroF1: e.macroF1, microF1: e.microF1 };
	};
	const goldOf = (id: string) => gold[index.get(id)!].themes;
	const out: Agreement[] = [];
	for (const r of readers) out.push(compare('gold', r.reader, [...r.labels.keys()], goldOf, (id) => r.labels.get(id)!));
	if (readers.length) {
		const read = [...new Set(readers.flatMap((r) => [...r.labels.keys()]))];
		out.push(compare('gold', 'tagger (cross-validated)', read, goldOf, (id) => predicted[index.get(id)!]));
	}
	readers.forEach((a, i) =>
		readers.slice(i + 1).forEach((b) => {
			const ids = [...a.labels.keys()].filter((id) => b.labels.has(id));
			out.push(compare(a.reader, b.reader, ids, (id) => a.labels.get(id)!, (id) => b.labels.get(id)!));
		})
	);
	return out;
}

/** Scores a fitted tagger on answers it never saw (for example an independently written set). */
export function evaluateOn(tagger: ThemeTagger, test: LabelledText[]): ThemeEvaluation {
	return score(
		tagger.codeframe.themes.map((t) => t.id),
		test.map((t) => t.themes),
		test.map((t) => tagText(tagger, t.text, t.context).map((a) => a.theme))
	);
}

export interface SectorEvaluation {
	/** Respondents who gave a sector; it is hidden from the inference in turn. */
	respondents: number;
	/** Those given a sector by the inference; the rest are left not known (no name, body or self-description). */
	inferred: number;
	correct: number;
	/** correct / inferred: how often an inferred sector is right. */
	accuracy: number;
	/** inferred / respondents. */
	coverage: number;
	/** correct / respondents, counting "not known" as wrong. */
	correctOfAll: number;
	byMethod: Record<string, { n: number; correct: number }>;
	errors: { id: string; expected: string; got: string | null; reason: string | null }[];
}

/** Hides each known sector in turn and infers it from the organisation, the professional body and the text. */
export function evaluateSectors(organisations: KnownOrganisation[], people: (SectorInput & { sector: string })[], sectors?: string[]): SectorEvaluation {
	const byMethod: SectorEvaluation['byMethod'] = {};
	const errors: SectorEvaluation['errors'] = [];
	const model = fitSectorModel(organisations, sectors);
	let correct = 0;
	let inferred = 0;
	for (const p of people) {
		const got = inferSector(model, p);
		const method = got?.method ?? 'not known';
		const m = (byMethod[method] ??= { n: 0, correct: 0 });
		m.n++;
		if (got) inferred++;
		if (got?.sector === p.sector) {
			correct++;
			m.correct++;
		} else {
			errors.push({ id: p.id, expected: p.sector, got: got?.sector ?? null, reason: got?.reason ?? null });
		}
	}
	return {
		respondents: people.length,
		inferred,
		correct,
		accuracy: round(correct / Math.max(1, inferred)),
		coverage: round(inferred / Math.max(1, people.length)),
		correctOfAll: round(correct / Math.max(1, people.length)),
		byMethod,
		errors
	};
}
