// How a chart's marks behave for keyboard and pointer users alike: the chart is one stop in the Tab order and the
// arrow keys (Home and End too) move between its marks; a focused or hovered mark shows its tooltip, which Escape
// dismisses and the pointer can move onto without it vanishing (WCAG 2.1.1 and 1.4.13).
import { flushSync } from 'svelte';

/** What a tooltip says, and where its mark is in the chart's coordinates: centre x, top and bottom edges. */
export interface Tip {
	x: number;
	top: number;
	bottom: number;
	text: string;
}

/** A mark's box in the chart's coordinates. */
export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

const STEPS: Record<string, [number, number]> = {
	ArrowRight: [0, 1],
	ArrowLeft: [0, -1],
	ArrowDown: [1, 0],
	ArrowUp: [-1, 0]
};

export class ChartMarks {
	tip: Tip | null = $state(null);
	#active = $state(0);
	/** The arrow keys have been used in this chart: the marks stop repeating the hint that says how. */
	#moved = $state(false);

	/** What describes a mark: the hint on the keys (`hintId`) until the keys have been used, then nothing. */
	describedby(hintId: string): string | undefined {
		return this.#moved ? undefined : hintId;
	}

	/** Only one mark is in the Tab order: the last one focused (the first, to begin with). */
	tabindex(i: number, count: number): 0 | -1 {
		return i === Math.min(this.#active, count - 1) ? 0 : -1;
	}

	/** The focused mark's box, for the focus ring drawn over every mark (a mark's own outline is partly under the
	 * marks drawn after it: the next cell of a heatmap, the next part of a stacked bar). */
	ring: Box | null = $state(null);

	focus(i: number, tip: Tip, box?: Box) {
		this.#active = i;
		this.tip = tip;
		this.ring = box ?? null;
	}

	blur() {
		this.ring = null;
		this.hide();
	}

	show(tip: Tip) {
		this.tip = tip;
	}

	hide() {
		this.tip = null;
	}

	/**
	 * Moves focus to a neighbouring mark. Marks with data-row and data-col move as a grid, the others as a list. A grid
	 * may have gaps (a stacked bar has no part for an answer nobody gave): left and right go to the nearest mark that
	 * way in the same row, up and down to the nearest row that way with marks, at the column nearest the current one.
	 */
	keydown(event: KeyboardEvent) {
		if (event.key === 'Escape') {
			this.hide();
			return;
		}
		const current = event.currentTarget as SVGElement;
		const marks = [...(current.ownerSVGElement?.querySelectorAll<SVGElement>('[data-mark]') ?? [])];
		const i = marks.indexOf(current);
		let next: SVGElement | undefined;
		if (event.key === 'Home') next = marks[0];
		else if (event.key === 'End') next = marks[marks.length - 1];
		else if (event.key in STEPS) {
			const [dr, dc] = STEPS[event.key];
			if (current.dataset.row !== undefined) {
				const at = (m: SVGElement) => [Number(m.dataset.row), Number(m.dataset.col)];
				const [row, col] = at(current);
				const nearest = (list: SVGElement[], key: (m: SVGElement) => number) =>
					list.reduce<SVGElement | undefined>((best, m) => (best === undefined || key(m) < key(best) ? m : best), undefined);
				if (dc) next = nearest(marks.filter((m) => at(m)[0] === row && (at(m)[1] - col) * dc > 0), (m) => Math.abs(at(m)[1] - col));
				else {
					const ahead = marks.filter((m) => (at(m)[0] - row) * dr > 0);
					const rowAhead = nearest(ahead, (m) => Math.abs(at(m)[0] - row));
					if (rowAhead) next = nearest(ahead.filter((m) => at(m)[0] === at(rowAhead)[0]), (m) => Math.abs(at(m)[1] - col));
				}
			} else {
				next = marks[i + (dr || dc)];
			}
		} else return;
		event.preventDefault();
		if (!next) return;
		// Before the next mark takes focus, so a screen reader does not read the hint with its name.
		if (!this.#moved) {
			this.#moved = true;
			flushSync();
		}
		next.focus();
	}
}
