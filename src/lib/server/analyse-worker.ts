// One analysis thread: waits for its slice of questions' answers and the trained tagger, runs the per-answer stages over it, and
// posts the results back as one JSON string (far cheaper to pass between threads than many small objects).
import { parentPort } from 'node:worker_threads';
import { emptyOutput, runPipeline, STAGES } from '../analysis/pipeline';
import type { SliceJob } from './parallel';

parentPort!.once('message', (job: SliceJob) => {
	const out = emptyOutput();
	out.tagger = job.tagger;
	runPipeline(
		job.input,
		STAGES.filter((s) => s.scope !== 'all'),
		out
	);
	parentPort!.postMessage(
		JSON.stringify({
			themes: [...out.themes],
			review: [...out.review],
			commentThemes: [...out.commentThemes],
			stances: [...out.stances],
			redacted: [...out.redacted],
			commentsRedacted: [...out.commentsRedacted],
			campaigns: out.campaigns,
			skipped: out.skipped
		})
	);
});
