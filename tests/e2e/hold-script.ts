// Holds the app's script back, as a slow laptop on a busy network would, so a test can act on the server-rendered page
// before it hydrates. The style sheets still come: the page is not drawn without them.
import type { Page } from '@playwright/test';

/** Holds every script of the app until the returned function is called; call it after acting on the page. */
export async function holdScript(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	return release;
}
