// Reads the labelled answers in data/gold (theme ids joined by ";") for training and evaluating the tagger.
import Papa from 'papaparse';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabelledText } from '../analysis/themes';

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
