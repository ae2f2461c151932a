import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['localStorage', 'baseLocale']
		}),
		sveltekit(),
		SvelteKitPWA({
			// base and scope '/' so a deep link registers /sw.js, not /<route>/sw.js.
			base: '/',
			scope: '/',
			// A running workshop is never switched to new code without consent (ADR 1).
			registerType: 'prompt',
			injectRegister: false,
			manifest: {
				name: 'Kommunalwerkstatt',
				short_name: 'Kommunalwerkstatt',
				description: 'Digital-Check und Workshops für die Digitalstrategie Ihrer Kommune',
				lang: 'de',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				theme_color: '#0b4f6c',
				background_color: '#ffffff',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			workbox: {
				navigateFallback: '/200.html',
				// The API and the sync socket must always reach the network.
				navigateFallbackDenylist: [/^\/api\//, /^\/sync/],
				clientsClaim: true,
				cleanupOutdatedCaches: true,
				// ttf: the PDF font (src/lib/export/pdf/pdf-fonts.ts), so a PDF can be made offline (ADR 19).
				globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,woff2,ttf,webmanifest,json,html}'],
				maximumFileSizeToCacheInBytes: 5 * 1024 * 1024
			},
			kit: { adapterFallback: '200.html', spa: true }
		})
	],
	// Module workers (the file renderers run in one, ADR 19): they import the renderer's chunks and
	// reach the font as an asset URL relative to their own module.
	worker: { format: 'es' },
	server: { port: 5174 },
	test: {
		setupFiles: ['fake-indexeddb/auto'],
		projects: [
			{
				extends: true,
				test: {
					name: 'node',
					environment: 'node',
					include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts']
				}
			},
			{
				extends: true,
				// Without the browser condition Svelte resolves to its server build and runes never run.
				resolve: { conditions: ['browser'] },
				test: {
					name: 'client',
					environment: 'happy-dom',
					include: ['src/**/*.svelte.test.ts']
				}
			}
		]
	}
});
