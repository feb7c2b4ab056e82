import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The window app (窗口应用): built to runtime/web/dist and served by the runtime at /window/. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/window/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
