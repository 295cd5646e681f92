import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'

// Served under /spa/ by the demo server, beside the other examples.
export default defineConfig({
  base: '/spa/',
  plugins: [preact()],
  build: { target: 'es2020' },
})
