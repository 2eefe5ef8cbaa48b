// A small argv parser: positionals plus --flag value / --flag=value / --switch.
export interface Args {
	positionals: string[];
	flags: Map<string, string | true>;
}

export function parseArgs(argv: string[], switches: string[] = []): Args {
	const positionals: string[] = [];
	const flags = new Map<string, string | true>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			positionals.push(...argv.slice(i + 1));
			break;
		}
		if (arg.startsWith('--')) {
			const eq = arg.indexOf('=');
			if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
			else if (switches.includes(arg.slice(2)) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) flags.set(arg.slice(2), true);
			else flags.set(arg.slice(2), argv[++i]);
		} else if (arg === '-h') {
			flags.set('help', true);
		} else {
			positionals.push(arg);
		}
	}
	return { positionals, flags };
}

export function flag(args: Args, name: string): string | undefined {
	const v = args.flags.get(name);
	return typeof v === 'string' ? v : undefined;
}
