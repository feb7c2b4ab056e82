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
    // A manifest names each entry's static imports: the first-screen size test sums them.
    manifest: true,
    rollupOptions: {
      // Our engine's modules only declare things (their top-level validators and tables are built on use
      // or are pure), so an export nobody imports is dropped; the sign-in and item list do not carry the engine.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]engine[\\/]/.test(id) },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
