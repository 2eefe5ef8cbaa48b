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
		},
		postcss: {
			plugins: [
				{
					// Two things in GOV.UK Frontend's CSS that this app must not ship: an Internet Explorer hack,
					// `(min-width: 0\0)`, that the CSS minifier rejects as invalid and no supported browser reads; and the
					// Crown crest image, which is only for GOV.UK-domain services (it is never shown here).
					postcssPlugin: 'drop-govuk-only-css',
					AtRule: {
						media(rule) {
							if (['\\0', '\u0000', '\uFFFD'].some((hack) => rule.params.includes(`min-width: 0${hack}`)))
								rule.remove();
						}
					},
					Declaration(decl) {
						if (decl.value.includes('govuk-crest')) decl.remove();
					}
				}
			]
		}
	},
	test: {
		include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		pool: 'forks'
	}
});
