/* global document */
// The Framework pages' chart component (copied to src/components/chart.js of the Framework
// project by bench/peer.ts): the same Vega-Lite spec and theme this project renders at build time,
// compiled and drawn in the browser as SVG, with the same number locale. Vega and Vega-Lite are
// imported from node_modules, which Framework 1.13 bundles itself (/_node/…): no npm: import, so
// the build needs no network.
import * as vega from "vega";
import {compile} from "vega-lite";
import {locale, theme} from "./theme.js";

export async function chart(spec) {
  const container = document.createElement("div");
  container.className = "peer-chart";
  const view = new vega.View(vega.parse(compile(spec, {config: theme}).spec), {renderer: "svg", container, hover: true, locale});
  await view.runAsync();
  return container;
}
