import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'

// The API serves the build at /console/; every view is its own chunk (see src/views/index.ts).
export default defineConfig({
  base: '/console/',
  plugins: [preact()],
  resolve: { conditions: ['@portico/source'] },
  build: { target: 'es2020', modulePreload: { polyfill: false } },
})
