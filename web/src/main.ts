import { mount } from "svelte";
import App from "./App.svelte";
import { contextWith } from "./lib/data/context";
import { HttpSource } from "./lib/data/http";
import { preferredLanguage, setLanguage } from "./lib/i18n/i18n.svelte";
import { readUrl } from "./lib/stores/url";
import "./app.css";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

// Only English ships with the page: fetch the starting language's strings before the first paint, so the page
// never flashes English first. The URL's language wins, without replacing the saved choice (as `Page` does).
// A chunk that fails to arrive leaves the page in English (setLanguage resolves false, never rejects).
// (A promise chain rather than a top-level await: an entry with top-level await makes the bundler split the
// modules it shares with the lazy views into extra initial chunks.)
const startingLanguage = readUrl(window.location.search).lang ?? preferredLanguage();

// The page served by `glassbox serve` reads the live server; another host mounts App with its own source.
export default setLanguage(startingLanguage, false).then(() =>
  mount(App, { target, context: contextWith(new HttpSource()) }),
);
