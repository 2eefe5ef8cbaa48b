// One analysis thread: waits for its slice of questions' answers and the trained tagger, runs the per-answer stages
// over them a chunk at a time, sending each chunk's results as soon as they are ready, then the per-question stages
// (campaigns) over the whole slice, sent last. Then, if asked, it suggests the emergent themes from the answers it is
// sent (every thread's answers that no theme was given to), while the main thread goes on with the quotes.
import { parentPort } from 'node:worker_threads';
import { suggestThemes } from '../analysis/emergent';
import { emptyOutput, runPipeline, STAGES } from '../analysis/pipeline';
import { encodePart, type SliceJob, type ThreadRequest } from './parallel';

function analyseSlice(job: SliceJob) {
	const { answers, comments } = job.input;
	const perAnswer = STAGES.filter((s) => s.scope === 'answer');
	for (let from = 0; from === 0 || from < answers.length; from += job.chunk) {
		const chunk = answers.slice(from, from + job.chunk);
		const out = emptyOutput();
		out.tagger = job.tagger;
		runPipeline(
			{ ...job.input, answers: chunk, comments: from === 0 ? comments : [] },
			perAnswer,
			out
		);
		parentPort!.postMessage(
			encodePart(
				chunk.map((a) => a.id),
				false,
				out
			)
		);
	}
	const out = emptyOutput();
	out.tagger = job.tagger;
	runPipeline(
		job.input,
		STAGES.filter((s) => s.scope === 'question'),
		out
	);
	parentPort!.postMessage(encodePart([], true, out));
}

parentPort!.on('message', (request: ThreadRequest) => {
	if (request.kind === 'slice') analyseSlice(request.job);
	else parentPort!.postMessage(JSON.stringify(suggestThemes(request.uncovered)));
});
