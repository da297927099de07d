import { defineConfig } from "vite";

// The built console is committed under the gateway project, which copies it beside the node's binaries; the node
// serves it at the HTTP/1.1 port's root. File names carry content hashes, so the same sources build the same bytes.
export default defineConfig({
  base: "/",
  build: {
    outDir: "../gateway/Engagement.Gateway/console",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev`: the node's HTTP/1.1 port answers the API calls.
    proxy: { "^/(engagement\\.v1|console|v1)/": "http://127.0.0.1:5081" },
  },
});
