import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The organizer app: a static React build served by Fastify at /app/. In development, run the
// server (npm run dev) and `npx vite` side by side; Vite proxies the API.
export default defineConfig({
  root: 'web',
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The libraries change less often than the app: their own files stay cached across
        // releases, and no file passes the 500 kB warning.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'libraries', test: /[\\/]node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
