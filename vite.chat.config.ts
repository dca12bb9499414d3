import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The demo storefront with its chat widget, served by the hub at /chat.
export default defineConfig({
  root: fileURLToPath(new URL('./hub/demo/chat-page', import.meta.url)),
  base: '/chat/',
  build: { outDir: fileURLToPath(new URL('./dist/chat', import.meta.url)), emptyOutDir: true },
});
