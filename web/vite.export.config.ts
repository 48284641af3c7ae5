import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vite";

// The static export's app (`glassbox export`): one classic script and one stylesheet, since Chromium refuses ES
// modules (and `fetch`) from file://. An IIFE has no chunks, so every lazy view and catalog is inlined. It lands
// in the Python package, which copies it into each export (`glassbox/export_site.py`).
export default defineConfig({
  plugins: [svelte()],
  base: "./",
  publicDir: false,
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: "../src/glassbox/_export",
    emptyOutDir: true,
    target: "es2022",
    copyPublicDir: false,
    cssCodeSplit: false,
    lib: {
      entry: "src/static-main.ts",
      name: "glassboxExport",
      formats: ["iife"],
      fileName: () => "glassbox-export.js",
      cssFileName: "glassbox-export",
    },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
