// The console's production build: console/dist, served by the registry at `/`.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 3000, sourcemap: false },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000', '/reports': 'http://127.0.0.1:4000', '/imports': 'http://127.0.0.1:4000', '/exports': 'http://127.0.0.1:4000' } },
});
