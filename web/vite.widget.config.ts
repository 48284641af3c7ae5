import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig, type Plugin } from "vite";
import { WIDGET_ROOT_CLASS } from "./src/lib/widget/root";
import { scopeCss } from "./src/lib/widget/scope-css";

/** The built stylesheet with every selector under the widget's root class: the app's page-wide rules (`:root`,
 * `body`, `button`, `*`…) must not restyle the notebook around the widget (`src/lib/widget/scope-css.ts`). */
function scopeToWidgetRoot(): Plugin {
  return {
    name: "glassbox-scope-widget-css",
    enforce: "post",
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === "asset" && file.fileName.endsWith(".css")) {
          const css = typeof file.source === "string" ? file.source : new TextDecoder().decode(file.source);
          file.source = scopeCss(css, WIDGET_ROOT_CLASS);
        }
      }
    },
  };
}

// The notebook widget (`glassbox.widget()`): one ES module and one stylesheet that anywidget loads as the
// widget's `_esm` and `_css` strings, so nothing may be a separate chunk (every lazy view and catalog is inlined)
// and nothing comes from a CDN. It lands in the Python package (`glassbox/_widget/`, read by glassbox/notebook.py).
export default defineConfig({
  plugins: [svelte(), scopeToWidgetRoot()],
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
