// The production server (app/server/main.ts and what it imports: the database setup, the demo
// seed, the request pipeline) compiled to plain JavaScript in build/node/main.js, so `npm start`
// runs it with node instead of tsx. Packages stay external (loaded from node_modules); the Remix
// app itself is the separate build in build/server. build/node sits two folders deep like
// prisma/engine, whose migrations folder is found relative to the module's own file.
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  publicDir: false,
  logLevel: "warn",
  build: {
    ssr: "app/server/main.ts",
    outDir: "build/node",
    emptyOutDir: true,
    target: "node20",
    rollupOptions: { output: { format: "esm", entryFileNames: "main.js", chunkFileNames: "[name]-[hash].js" } },
  },
});
