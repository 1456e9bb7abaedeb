import { fileURLToPath, URL } from "node:url";
import vue from "@vitejs/plugin-vue";
import AutoImport from "unplugin-auto-import/vite";
import { ElementPlusResolver } from "unplugin-vue-components/resolvers";
import Components from "unplugin-vue-components/vite";
import { defineConfig } from "vite";

// The console service (port 8100) serves the built app and proxies /api to the node's services;
// `npm run dev` forwards the same paths to it so the dev server behaves like production.
const consoleService = process.env.LIANFANG_CONSOLE_URL ?? "http://127.0.0.1:8100";

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand: only the components a route uses end up in its chunk.
    AutoImport({ resolvers: [ElementPlusResolver()], dts: "src/auto-imports.d.ts" }),
    Components({ resolvers: [ElementPlusResolver()], dts: "src/components.d.ts" }),
  ],
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  server: {
    proxy: {
      "/api": { target: consoleService, changeOrigin: false },
      "/.well-known": { target: consoleService, changeOrigin: false },
    },
  },
  build: { target: "es2022", chunkSizeWarningLimit: 800 },
});
