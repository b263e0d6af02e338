// Builds the web explorer from web/ into web/dist, which the Hono server serves on the API's port.
// In development, `vite --config web/vite.config.ts` proxies /api to a server on port 8787.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // The CSP allows no inline script, and every supported browser preloads modules itself.
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
