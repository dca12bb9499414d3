import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,hub,main,preload,renderer,scripts,fuzz,faults,soak,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
