// The app's Vite config for the guard tests: like vite.config.ts, but with the Remix plugin also
// under vitest (the root config leaves it out there) and without CSS processing.
import { vitePlugin as remix } from "@remix-run/dev";
import path from "node:path";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "../../remix.config.js";

export default defineConfig({
  root: path.resolve(import.meta.dirname, "../.."),
  plugins: [remix(remixConfig), tsconfigPaths()],
});
