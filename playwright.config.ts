import { defineConfig } from '@playwright/test';

// End-to-end tests run against the built server on a database built from data/ by the test set-up.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	timeout: 30_000,
	projects: [
		{ name: 'sign-in', testMatch: /auth\.setup\.ts/ },
		{ name: 'journeys', dependencies: ['sign-in'], use: { storageState: 'tmp/auth/analyst.json' } }
	],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: 'bash scripts/e2e-server.sh',
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 120_000,
		env: { HOST: '127.0.0.1', PORT: String(port), CONSULT_DB: 'tmp/e2e.db' }
	}
});
