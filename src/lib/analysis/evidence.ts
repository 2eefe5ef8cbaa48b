// How a theme tag's evidence is kept in answer_theme.evidence_json, and read back (pages, review, quotes). On its own,
// so that the pages read evidence without loading the text pipeline.

export interface Evidence {
	/** Spans of the original text that support the theme (seed terms and the classifier's strongest words). */
	spans: { text: string; start: number; end: number; kind: 'seed' | 'model' }[];
	/** Seed terms that the answer dismisses ("training is not the issue"); shown, not counted. */
	dismissed: string[];
	probability: number;
	threshold: number;
	seedHits: number;
}

/**
 * Evidence as stored: each span as [start, end, kind (0 seed, 1 model), text], with short keys, since a million
 * answers carry over a million tags (half the size of the same evidence with its key names written out):
 * {"s":[[4,29,0,"Information Sharing Index"]],"d":[],"p":0.795,"t":0.35,"n":1}.
 */
export function encodeEvidence(e: Evidence): string {
	return JSON.stringify({
		s: e.spans.map((x) => [x.start, x.end, x.kind === 'seed' ? 0 : 1, x.text]),
		d: e.dismissed,
		p: e.probability,
		// Thresholds come from a grid of steps of 0.025; kept to six places (0.35, not 0.35000000000000003).
		t: Math.round(e.threshold * 1e6) / 1e6,
		n: e.seedHits
	});
}

/** Reads stored evidence: this format, the earlier one with key names written out, or none ('[]', an analyst's tag). */
export function decodeEvidence(json: string): Evidence {
	const raw = JSON.parse(json) as
		| Evidence
		| { s: [number, number, 0 | 1, string][]; d?: string[]; p: number; t: number; n: number }
		| unknown[];
	if (Array.isArray(raw)) return { spans: [], dismissed: [], probability: 0, threshold: 0, seedHits: 0 };
	if ('spans' in raw) return raw;
	return {
		spans: raw.s.map(([start, end, kind, text]) => ({ text, start, end, kind: kind === 0 ? 'seed' : 'model' })),
		dismissed: raw.d ?? [],
		probability: raw.p,
		threshold: raw.t,
		seedHits: raw.n
	};
}

/**
 * The evidence phrases that may be shown beside `shown`, the text as a page shows it (redacted): those it contains
 * (case aside), each once. Evidence is found in the original text, so a phrase over anything redaction removed (a
 * child's name the model leaned on, say) is not shown; a phrase the shown text has anyway reveals nothing.
 */
export function shownEvidence(phrases: string[], shown: string): string[] {
	const text = shown.toLowerCase();
	return [...new Set(phrases.filter((p) => p && text.includes(p.toLowerCase())))];
}
