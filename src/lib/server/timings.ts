// Where an analysis spends its time, phase by phase: recorded with each run (analysis_run.summary_json) and printed by
// `consult analyse --timings`, so the figures in docs/scaling.md come from the code, not from timing added by hand.
import type { Stage } from '../analysis/pipeline';

export interface Phase {
	phase: string;
	ms: number;
	/** Set for work done inside another phase (its time is part of that phase's, not added to the total). */
	within?: string;
}

/** Wall-clock time per phase, in the order the phases first ran; a phase that runs again adds to its total. */
export class Timings {
	private readonly totals = new Map<string, number>();
	private readonly parents = new Map<string, string>();
	private readonly started = performance.now();
	private mark = this.started;

	/** Charges the time since the last mark to `phase`, and marks now. */
	lap(phase: string) {
		const now = performance.now();
		this.totals.set(phase, (this.totals.get(phase) ?? 0) + now - this.mark);
		this.mark = now;
	}

	/** Runs `work` inside the phase `within` (which is still running) and charges its time to `phase` as well. */
	inside<T>(within: string, phase: string, work: () => T): T {
		const t = performance.now();
		try {
			return work();
		} finally {
			this.parents.set(phase, within);
			this.totals.set(phase, (this.totals.get(phase) ?? 0) + performance.now() - t);
		}
	}

	phases(): Phase[] {
		return [...this.totals].map(([phase, ms]) => ({ phase, ms: Math.round(ms), ...(this.parents.has(phase) ? { within: this.parents.get(phase) } : {}) }));
	}

	/** Time since the timings began. */
	totalMs(): number {
		return Math.round(performance.now() - this.started);
	}
}

/** One line per phase; work done inside a phase is indented under it. */
export function formatTimings(phases: Phase[]): string {
	const top = phases.filter((p) => !p.within);
	const lines: string[] = [];
	const line = (name: string, ms: number) => `  ${name.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(8)} s`;
	for (const p of top) {
		lines.push(line(p.phase, p.ms));
		for (const c of phases.filter((c) => c.within === p.phase)) lines.push(line(`  of which ${c.phase}`, c.ms));
	}
	lines.push(line('total', top.reduce((a, p) => a + p.ms, 0)));
	return lines.join('\n');
}

/** The stages, each charging its time to a phase named after it. */
export function timedStages(stages: Stage[], timings: Timings | undefined): Stage[] {
	if (!timings) return stages;
	return stages.map((s) => ({
		...s,
		run(input, out) {
			s.run(input, out);
			timings.lap(`stage: ${s.name}`);
		}
	}));
}
