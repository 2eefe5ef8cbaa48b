import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { host: '127.0.0.1' },
	css: {
		preprocessorOptions: {
			scss: {
				// GOV.UK Frontend's Sass is found as 'govuk-frontend/dist/govuk/…' from node_modules and compiled here,
				// so its CSS is served from this app (no CDN). Its own deprecation notices are not ours to fix.
				loadPaths: ['node_modules'],
				quietDeps: true,
				silenceDeprecations: ['import']
			}
		}
	},
	test: {
		include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		pool: 'forks'
	}
});
