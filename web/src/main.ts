import { mount } from "svelte";
import App from "./App.svelte";
import { contextWith } from "./lib/data/context";
import { HttpSource } from "./lib/data/http";
import "./app.css";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

// The page served by `glassbox serve` reads the live server; another host mounts App with its own source.
export default mount(App, { target, context: contextWith(new HttpSource()) });
