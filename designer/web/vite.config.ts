import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The visual designer (可视化设计器): built to designer/web/dist and served by the designer at /designer/. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/designer/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
