/**
 * The entry of a static export's page (`glassbox export`): the same App, mounted on a StaticSource that reads the
 * export's data files, under a banner with the exported prompts' picker. Built as one classic script
 * (`vite.export.config.ts`: IIFE, every lazy chunk inlined), since Chromium refuses ES modules from `file://`.
 */
import { mount } from "svelte";
import App from "./App.svelte";
import ExportBar from "./lib/components/export/ExportBar.svelte";
import { contextWith } from "./lib/data/context";
import { StaticSource, staticManifest } from "./lib/data/static";
import { preferredLanguage, setLanguage } from "./lib/i18n/i18n.svelte";
import { readUrl } from "./lib/stores/url";
import "./app.css";

const target = document.getElementById("app");
const bar = document.getElementById("export-bar");
if (!target || !bar) throw new Error("index.html has no #app or #export-bar element");
const manifest = staticManifest();
if (!manifest) throw new Error("this export's data/manifest.js is missing or is not a glassbox manifest");

// a link without a prompt opens on the first exported one (a prompt typed here could not be computed)
const query = new URLSearchParams(window.location.search);
const first = manifest.prompts[0];
if (!query.get("prompt") && first) {
  query.set("prompt", first.prompt);
  history.replaceState(null, "", `?${query.toString()}`);
}

const source = new StaticSource(manifest);
const startingLanguage = readUrl(window.location.search).lang ?? preferredLanguage();
void setLanguage(startingLanguage, false).then(() => {
  mount(ExportBar, { target: bar, props: { prompts: source.prompts, model: manifest.models.default_model } });
  mount(App, { target, context: contextWith(source) });
});
