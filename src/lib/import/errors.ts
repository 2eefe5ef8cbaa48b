// One problem found in an input file, located precisely enough for someone to open the file and fix it.
export interface ImportProblem {
	file: string;
	line: number | null;
	column: string | null;
	value: string | null;
	message: string;
}

export function describeProblem(p: ImportProblem): string {
	const where = [p.file, p.line != null ? `line ${p.line}` : null, p.column ? `column "${p.column}"` : null]
		.filter(Boolean)
		.join(', ');
	const value = p.value != null ? ` (value: ${JSON.stringify(shorten(p.value))})` : '';
	return `${where}: ${p.message}${value}`;
}

function shorten(value: string): string {
	return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/** Thrown when a file cannot be imported; carries every problem found, not just the first. */
export class ImportFailed extends Error {
	constructor(
		readonly file: string,
		readonly problems: ImportProblem[]
	) {
		super(
			`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported.\n` +
				problems
					.slice(0, 50)
					.map((p) => `  ${describeProblem(p)}`)
					.join('\n') +
				(problems.length > 50 ? `\n  ... and ${problems.length - 50} more` : '')
		);
		this.name = 'ImportFailed';
	}
}
