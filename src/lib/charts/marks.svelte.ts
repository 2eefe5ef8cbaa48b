// How a chart's marks behave for keyboard and pointer users alike: the chart is one stop in the Tab order and the
// arrow keys (Home and End too) move between its marks; a focused or hovered mark shows its tooltip, which Escape
// dismisses and the pointer can move onto without it vanishing (WCAG 2.1.1 and 1.4.13).

/** What a tooltip says, and where its mark is in the chart's coordinates: centre x, top and bottom edges. */
export interface Tip {
	x: number;
	top: number;
	bottom: number;
	text: string;
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

	/** Only one mark is in the Tab order: the last one focused (the first, to begin with). */
	tabindex(i: number, count: number): 0 | -1 {
		return i === Math.min(this.#active, count - 1) ? 0 : -1;
	}

	focus(i: number, tip: Tip) {
		this.#active = i;
		this.tip = tip;
	}

	show(tip: Tip) {
		this.tip = tip;
	}

	hide() {
		this.tip = null;
	}

	/** Moves focus to a neighbouring mark. Marks with data-row and data-col move as a grid, the others as a list. */
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
				const row = Number(current.dataset.row) + dr;
				const col = Number(current.dataset.col) + dc;
				next = marks.find((m) => Number(m.dataset.row) === row && Number(m.dataset.col) === col);
			} else {
				next = marks[i + (dr || dc)];
			}
		} else return;
		event.preventDefault();
		next?.focus();
	}
}
