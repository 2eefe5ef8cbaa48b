// Starts GOV.UK Frontend's JavaScript for one component when Svelte mounts its markup. It is imported as a module
// because the Content-Security-Policy allows only this site's scripts, so the usual inline snippet that marks the
// body as supported cannot run; this does that job first.
import type { Action } from 'svelte/action';

type GovukComponent = new ($root: Element) => unknown;

export const govukModule: Action<HTMLElement, GovukComponent> = (node, Component) => {
	document.body.classList.add('govuk-frontend-supported');
	try {
		new Component(node);
	} catch (error) {
		// The markup still works without the enhancement (for example the menu is simply never collapsed).
		console.error(error);
	}
};
