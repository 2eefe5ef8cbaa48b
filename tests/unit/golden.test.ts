// Golden files: each pipeline stage run on a small fixed input must give exactly the stored output.
// After an intended change, regenerate with UPDATE_GOLDEN=1 npx vitest run tests/unit/golden.test.ts and review the diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline, STAGES, type PipelineInput } from '../../src/lib/analysis/pipeline';
import { readCodeframe } from '../../src/lib/import/definition';

const input = JSON.parse(readFileSync('tests/golden/input/pipeline.json', 'utf8')) as Omit<PipelineInput, 'codeframe'>;
const full: PipelineInput = { ...input, codeframe: readCodeframe('data').themes };
const out = runPipeline(full);
// Analysts' marks over the campaigns found: one copy taken out, two answers of a question with no campaign grouped,
// and one marked answer that shares no wording with its question's campaign left alone.
const text = (id: number) => input.answers.find((a) => a.id === id)!.text ?? '';
const mark = (answerId: number, questionId: string, copy: boolean) => ({ answerId, questionId, text: text(answerId), copy });
const marked = runPipeline({ ...full, campaignMarks: [mark(61, 'q8', false), mark(22, 'q8', true), mark(12, 'q7', true), mark(41, 'q7', true)] });

const byStage: Record<string, unknown> = {
	themes: Object.fromEntries([...out.themes].map(([id, list]) => [id, list.map((t) => ({ theme: t.theme, confidence: t.confidence, evidence: t.evidence.spans.map((s) => s.text), dismissed: t.evidence.dismissed }))])),
	sectors: out.sectors,
	stance: Object.fromEntries(out.stances),
	campaigns: out.campaigns,
	'campaign-marks': { campaigns: marked.campaigns, skipped: marked.skipped.filter((x) => x.stage === 'campaign-marks') },
	redaction: {
		answers: Object.fromEntries([...out.redacted].map(([id, r]) => [id, r.text])),
		comments: Object.fromEntries(out.commentsRedacted)
	},
	quotes: out.quotes,
	emergent: out.emergent
};

describe('golden files', () => {
	it('covers every stage', () => {
		expect(Object.keys(byStage).sort()).toEqual(STAGES.map((s) => (s.name === 'stance' ? 'stance' : s.name)).sort());
	});
	for (const [stage, value] of Object.entries(byStage)) {
		it(`stage ${stage} matches tests/golden/output/${stage}.json`, () => {
			const file = `tests/golden/output/${stage}.json`;
			const actual = JSON.stringify(value, null, '\t') + '\n';
			if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
			expect(actual).toBe(readFileSync(file, 'utf8'));
		});
	}
});
