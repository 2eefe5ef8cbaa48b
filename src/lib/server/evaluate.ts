// `consult eval`: gathers the labelled answers and known sectors, runs the evaluations, and formats the report.
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { compileCodeframe } from '../analysis/codeframe';
import {
	crossValidatedTags,
	evaluateOn,
	evaluateSectors,
	readerAgreement,
	scoreByPart,
	type Agreement,
	type SectorEvaluation,
	type ThemeEvaluation
} from '../analysis/evaluate';
import { fitTagger, type LabelledText } from '../analysis/themes';
import { readGold, readReaders } from '../import/gold';
import { loadPipelineInput } from './analyse';
import type { DB } from './db/client';
import { relabel, themeAliases } from './db/codeframe';

export interface EvaluationReport {
	generatedAt: string;
	folds: number;
	gold: { file: string; answers: number };
	themes: ThemeEvaluation;
	holdout: (ThemeEvaluation & { file: string }) | null;
	/** Blind second readers of some gold answers (GOLD/agreement): each against the gold, the tagger against the gold
	 * on the same answers, and the readers against each other. Empty when there are none. */
	agreement: Agreement[];
	sectors: SectorEvaluation | null;
}

function readHoldout(file: string): LabelledText[] {
	const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
	return parsed.data
		.filter((r) => (r.text ?? '').trim())
		.map((r) => ({ text: r.text, context: r.question || undefined, themes: (r.themes ?? '').split(';').map((t) => t.trim()).filter(Boolean) }));
}

export function evaluate(db: DB, options: { folds: number; goldDir: string; holdout?: string }): EvaluationReport {
	const input = loadPipelineInput(db, options.goldDir);
	// Labels that name a merged theme's old id count for the theme it became (as in training).
	const aliases = themeAliases(db);
	const gold = relabel(readGold(options.goldDir), aliases);
	const ids = input.codeframe.map((t) => t.id);
	const predicted = crossValidatedTags(input.codeframe, gold, options.folds);
	const themes = scoreByPart(ids, gold, predicted, (i) => gold[i].file);
	const agreement = readerAgreement(ids, gold, predicted, readReaders(options.goldDir, gold, ids, aliases));
	let holdout: EvaluationReport['holdout'] = null;
	if (options.holdout && existsSync(options.holdout)) {
		const tagger = fitTagger(compileCodeframe(input.codeframe), gold);
		holdout = { file: options.holdout, ...evaluateOn(tagger, relabel(readHoldout(options.holdout), aliases)) };
	}
	const text = new Map<number, string[]>();
	for (const a of input.answers) if (a.text?.trim()) (text.get(a.respondentId) ?? text.set(a.respondentId, []).get(a.respondentId)!).push(a.text);
	const people = input.respondents
		.filter((r) => r.sectorGiven)
		.map((r) => ({
			id: String(r.id),
			sector: r.sectorGiven!,
			organisation: r.organisation,
			professionalBody: r.professionalBody,
			respondentType: r.respondentType,
			text: (text.get(r.id) ?? []).join('\n')
		}));
	return {
		generatedAt: new Date().toISOString(),
		folds: options.folds,
		gold: { file: options.goldDir, answers: gold.length },
		themes,
		holdout,
		agreement,
		sectors: people.length ? evaluateSectors(input.organisations, people, input.sectors) : null
	};
}

function table(e: ThemeEvaluation): string[] {
	const lines = [`  ${'theme'.padEnd(26)} ${'support'.padStart(7)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)}`];
	for (const s of e.perTheme) {
		lines.push(`  ${s.theme.padEnd(26)} ${String(s.support).padStart(7)} ${s.precision.toFixed(2).padStart(9)} ${s.recall.toFixed(2).padStart(7)} ${s.f1.toFixed(2).padStart(6)}`);
	}
	lines.push(`  micro: precision ${e.microPrecision.toFixed(2)}, recall ${e.microRecall.toFixed(2)}, F1 ${e.microF1.toFixed(2)}; macro-F1 ${e.macroF1.toFixed(2)}`);
	return lines;
}

export function formatEvaluation(r: EvaluationReport): string {
	// Without labelled answers there is nothing to measure the tagger against: say so rather than print a table of 0s.
	const out =
		r.gold.answers === 0
			? [`Themes: no labelled answers in ${r.gold.file}, so the tagger cannot be measured (it relies on the codeframe's seed terms).`]
			: [`Themes: ${r.folds}-fold cross-validation on ${r.gold.answers} labelled answers (${r.gold.file})`, ...table(r.themes)];
	if (r.gold.answers) for (const p of r.themes.parts ?? []) out.push(`  of which ${p.part} (${p.items} answers): macro-F1 ${p.macroF1.toFixed(2)}, micro-F1 ${p.microF1.toFixed(2)}`);
	if (r.agreement.length) {
		out.push('', `Agreement on the answers blind second readers labelled (${r.gold.file}/agreement), F1 with the first named as truth:`);
		for (const a of r.agreement) out.push(`  ${`${a.other} against ${a.truth}`.padEnd(44)} ${String(a.items).padStart(4)} answers: macro-F1 ${a.macroF1.toFixed(2)}, micro-F1 ${a.microF1.toFixed(2)}`);
	}
	if (r.holdout) out.push('', `Themes: independent hold-out set ${r.holdout.file} (${r.holdout.items} answers; tagger fitted on all of the gold set)`, ...table(r.holdout));
	if (r.sectors) {
		const sc = r.sectors;
		out.push(
			'',
			`Sector inference, hiding the sector of the ${sc.respondents} respondents who gave one:`,
			...(sc.inferred === 0
				? [`  none could be inferred (no organisation on the list, and no name rule or words in the answers pointed to a sector), so its accuracy cannot be measured`]
				: [
						`  inferred for ${sc.inferred} (coverage ${sc.coverage.toFixed(3)}), the rest left not known; ${sc.correct} of the ${sc.inferred} right (accuracy ${sc.accuracy.toFixed(3)})`,
						`  right for ${sc.correct} of all ${sc.respondents}, counting not known as wrong: ${sc.correctOfAll.toFixed(3)}`
					])
		);
		for (const [m, v] of Object.entries(sc.byMethod)) out.push(`  by ${m}: ${v.correct}/${v.n}`);
	}
	return out.join('\n');
}
