// The peer benchmark's minimal baseline: bare Eleventy (the settings of bench/synthetic.ts's
// bare.eleventy.cjs: content/**/*.md, its default Markdown, nothing else) plus build-time Vega SVG
// for every ```chart block of the same Markdown. The block's Vega-Lite spec is the one this
// project's preset builds (written by bench/peer-framework/extract.ts to peer-specs.json, untimed):
// per chart only the unavoidable work is left, Vega-Lite → Vega and Vega's View.toSVG().
import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { compile } from 'vega-lite';

const { theme, vegaLocale, charts } = JSON.parse(readFileSync('peer-specs.json', 'utf8'));
const PLACEHOLDER = /<figure class="chart" data-chart="([^"]+)"><\/figure>/g;

async function svg(id) {
  const spec = charts[id];
  if (!spec) throw new Error(`no spec for chart ${id}`);
  const view = new vega.View(vega.parse(compile(spec, { config: theme }).spec), { renderer: 'none', locale: vegaLocale });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export default function (eleventyConfig) {
  eleventyConfig.amendLibrary('md', (md) => {
    const fence = md.renderer.rules.fence;
    md.renderer.rules.fence = (tokens, idx, options, env, self) => {
      const token = tokens[idx];
      if (token.info.trim() !== 'chart') return fence(tokens, idx, options, env, self);
      const id = /^id:\s*(\S+)\s*$/m.exec(token.content)?.[1] ?? '';
      return `<figure class="chart" data-chart="${id}"></figure>\n`;
    };
  });
  // Markdown renderers are synchronous and toSVG is not: the charts go in as the page is written.
  eleventyConfig.addTransform('charts', async function (content) {
    if (!this.page.outputPath || !this.page.outputPath.endsWith('.html')) return content;
    const ids = [...content.matchAll(PLACEHOLDER)].map((m) => m[1]);
    if (!ids.length) return content;
    const svgs = new Map();
    for (const id of ids) svgs.set(id, await svg(id));
    return content.replace(PLACEHOLDER, (_, id) => `<figure class="chart">${svgs.get(id)}</figure>`);
  });
  return {
    dir: { input: 'content', output: '.build/minimal-site', includes: '_no_includes', data: '_no_data' },
    templateFormats: ['md'],
    markdownTemplateEngine: false,
  };
}
