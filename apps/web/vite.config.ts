import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app is served by `calwise serve` from dist/ at `/`; `npm run dev -w @calwise/web` proxies the API
// to a `calwise serve` on 127.0.0.1:8080.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: false },
  server: {
    proxy: { "/v1": "http://127.0.0.1:8080", "/openapi.json": "http://127.0.0.1:8080" },
  },
});
