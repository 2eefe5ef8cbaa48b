// natural ships no types for its stop-word list module; importing it directly avoids the package root's side effects.
declare module 'natural/lib/natural/util/stopwords.js' {
	export const words: string[];
}
