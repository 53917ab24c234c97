/// <reference types="vitest/config" />
// The console's build: served by the gateway at /console/ (docs/console.md).
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

const gateway = process.env.SHOUHU_GATEWAY ?? 'http://127.0.0.1:8000'

export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // dist/.vite/manifest.json: which chunks a page loads (bench/console.py counts them).
    manifest: true,
    target: 'es2020',
    // Compressed sizes are what the budget counts (bench/console.py); skip Vite's own report.
    reportCompressedSize: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev` against `make run`'s gateway: the API, the realm and the console's config.
    proxy: {
      '/graphql': { target: gateway, ws: true },
      '/realms': gateway,
      '/console/config.json': gateway,
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
})
