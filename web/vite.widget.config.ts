import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vite";

// The notebook widget (`glassbox.widget()`): one ES module and one stylesheet that anywidget loads as the
// widget's `_esm` and `_css` strings, so nothing may be a separate chunk (every lazy view and catalog is inlined)
// and nothing comes from a CDN. It lands in the Python package (`glassbox/_widget/`, read by glassbox/notebook.py).
export default defineConfig({
  plugins: [svelte()],
  base: "./",
  publicDir: false,
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: "../src/glassbox/_widget",
    emptyOutDir: true,
    target: "es2022",
    copyPublicDir: false,
    cssCodeSplit: false,
    lib: {
      entry: "src/widget-main.ts",
      formats: ["es"],
      fileName: () => "widget.js",
      cssFileName: "widget",
    },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
