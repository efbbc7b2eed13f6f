/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const api = 'http://localhost:5080'

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    // The two large chunks (ECharts for reports, zxcvbn's password lists) load only on the pages that use them.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': api,
      '/health': api,
      '/.well-known': api,
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
  },
})
