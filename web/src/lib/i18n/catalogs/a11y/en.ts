/**
 * English strings of the accessibility work (issue 17, item 5): what screen readers hear for charts that are
 * pictures (their real values, summarised). Spread into the main catalog, like `detail/`.
 */
export const a11yEn = {
  "a11y.headView": "Head view, query {q} “{qt}”: the widest line goes to key {k} “{kt}”, weight {w}.",
  "a11y.lossSeries": "{name}: {first} at step {from}, {last} at step {to}",
};
