// Vite build of the renderer. base './' so the built index.html loads from file:// inside Electron.
// No Node imports here: this file is linted with the renderer's layer rules.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const rendererRoot = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${rendererRoot}../dist/renderer`,
    emptyOutDir: true,
    // pdf.js is large by nature; one chunk per entry keeps file:// loading simple.
    chunkSizeWarningLimit: 2500,
    target: 'es2022',
  },
  preview: { port: 4318, strictPort: true, host: '127.0.0.1' },
  server: { port: 4317, strictPort: true, host: '127.0.0.1' },
});
