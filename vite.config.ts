import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://localhost:4000';

// The client lives in client/; the server serves the build from dist/client (CLIENT_DIR).
// `npx vite` beside `npm run dev` gives hot reload and forwards the API to the server.
export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true },
      '/healthz': { target: api },
      // The CSV endpoints; the page /import itself stays with Vite.
      '^/(export|import)/': { target: api },
    },
  },
});
