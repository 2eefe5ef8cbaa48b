// Reads the labelled answers in data/gold (theme ids joined by ";") for training and evaluating the tagger.
import Papa from 'papaparse';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReaderLabels } from '../analysis/evaluate';
import type { LabelledText } from '../analysis/themes';
import { ImportFailed, type ImportProblem } from './errors';

export interface GoldItem extends LabelledText {
	id: string;
	source: string;
	question: string;
	/** The file it came from (the gold set may be several files: answers from the consultation, others written apart). */
	file: string;
}

export function readGold(dir = 'data/gold'): GoldItem[] {
	if (!existsSync(dir)) return [];
	const items: GoldItem[] = [];
	for (const name of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
		const parsed = Papa.parse<Record<string, string>>(readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, ''), {
			header: true,
			skipEmptyLines: 'greedy'
		});
		if (parsed.errors.length) throw new Error(`${join(dir, name)} line ${(parsed.errors[0].row ?? 0) + 2}: ${parsed.errors[0].message}`);
		for (const r of parsed.data) {
			if (!(r.text ?? '').trim()) continue;
			items.push({
				id: r.id,
				file: name,
				source: r.source ?? '',
				question: r.question ?? '',
				context: r.question || (r.source === 'event-feedback' ? 'event' : r.source === 'cyp' ? 'cyp' : undefined),
				text: r.text,
				themes: (r.themes ?? '')
					.split(';')
					.map((t) => t.trim())
					.filter(Boolean)
			});
		}
	}
	return items;
}

/**
 * The labels blind second readers gave some of the gold answers (`DIR/agreement/*.csv`, columns id and themes, one
 * file per reader), checked against the gold ids and the codeframe's themes. A merged theme's old id counts for the
 * theme it became (`aliases`, as for the gold labels). None: an empty list.
 */
export function readReaders(dir: string, gold: GoldItem[], themes: string[], aliases = new Map<string, string>()): ReaderLabels[] {
	const folder = join(dir, 'agreement');
	if (!existsSync(folder)) return [];
	const ids = new Set(gold.map((g) => g.id));
	const known = new Set(themes);
	return readdirSync(folder)
		.filter((f) => f.endsWith('.csv'))
		.sort()
		.map((name) => {
			const file = join(folder, name);
			const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
			const problems: ImportProblem[] = parsed.errors.map((e) => ({ file, line: (e.row ?? 0) + 2, column: null, value: null, message: e.message }));
			for (const column of ['id', 'themes']) {
				if (!parsed.meta.fields?.includes(column)) problems.push({ file, line: 1, column, value: null, message: 'is missing from the header' });
			}
			const labels = new Map<string, string[]>();
			parsed.data.forEach((r, k) => {
				const line = k + 2;
				if (!ids.has(r.id)) problems.push({ file, line, column: 'id', value: r.id ?? '', message: 'is not the id of a gold answer' });
				else if (labels.has(r.id)) problems.push({ file, line, column: 'id', value: r.id, message: 'appears twice' });
				const given = [...new Set((r.themes ?? '').split(';').map((t) => t.trim()).filter(Boolean).map((t) => aliases.get(t) ?? t))];
				for (const t of given) if (!known.has(t)) problems.push({ file, line, column: 'themes', value: t, message: 'is not a theme of the codeframe' });
				labels.set(r.id, given);
			});
			if (problems.length) throw new ImportFailed(file, problems);
			return { reader: name.replace(/\.csv$/, ''), labels };
		});
}
