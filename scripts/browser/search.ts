/**
 * Runs in the reader's browser: search as you type, on every page. Each `form[data-search]`
 * (templates/_includes/search-form.njk) is a plain form that opens the language's search page, so
 * without JavaScript it still leads somewhere; with it, results appear under the box (header) or
 * on the page (the search page, which also reads `?q=`).
 *
 * The index is Pagefind's (built after the site by scripts/write/search-index.ts into /pagefind/),
 * one per language: Pagefind picks the index of `<html lang>`. Its script and WebAssembly load
 * only when the reader first focuses a search box. No inline styles, no inline scripts, no
 * `eval`: the pages' Content-Security-Policy only needs 'wasm-unsafe-eval' for the WebAssembly.
 */

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}

interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: SubResult[];
}

interface SearchResponse {
  results: Array<{ id: string; data: () => Promise<ResultData> }>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(term: string, options?: Record<string, unknown>, debounceMs?: number): Promise<SearchResponse | null>;
}

/** Where the index lives; a variable, so the bundler leaves the import to the browser. */
const PAGEFIND = '/pagefind/pagefind.js';
let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ PAGEFIND) as Promise<Pagefind>).then(async (module) => {
    await module.options({ excerptLength: 28 });
    await module.init();
    return module;
  });
  // A failed load (no index in a dev build) may be retried on the next search.
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/**
 * A language typed without its keyboard layout: Latin letters that look like letters of its
 * script inside a word of that script (a Latin i for a Cyrillic і). Pagefind compares code points,
 * so such a word matches nothing (or, through its fallback to the longest indexed word the term
 * starts with, something unrelated). The page's language pack names the look-alikes and the script
 * (the form's `data-lookalikes`, `data-lookalikes-in`); only words that also have a letter of that
 * script are changed: a Latin word is searched as typed.
 */
function replaceLookalikes(term: string, lookalikes: Readonly<Record<string, string>>, script: string): string {
  let inScript: RegExp;
  try {
    inScript = new RegExp(`\\p{Script=${script}}`, 'u');
  } catch {
    return term;
  }
  return term.replace(/[\p{L}\p{M}]+/gu, (word) => (inScript.test(word) ? [...word].map((c) => lookalikes[c] ?? c).join('') : word));
}

function lookalikesOf(form: HTMLFormElement): ((term: string) => string) | undefined {
  const { lookalikes, lookalikesIn } = form.dataset;
  if (!lookalikes || !lookalikesIn) return undefined;
  try {
    const map = JSON.parse(lookalikes) as Record<string, string>;
    return (term) => replaceLookalikes(term, map, lookalikesIn);
  } catch {
    return undefined;
  }
}

/** Copies Pagefind's excerpt (escaped text with `<mark>` around matches) keeping only text and marks. */
function excerptNodes(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const nodes: Node[] = [];
  for (const node of Array.from(template.content.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) nodes.push(document.createTextNode(node.textContent ?? ''));
    else if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent ?? ''));
  }
  return nodes;
}

/** The section of the page that matched best: the sub-result with most matches. */
function bestSection(data: ResultData): SubResult | undefined {
  let best: SubResult | undefined;
  for (const sub of data.sub_results ?? []) {
    if (!best || (sub.locations?.length ?? 0) > (best.locations?.length ?? 0)) best = sub;
  }
  return best;
}

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

function resultItem(data: ResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const section = bestSection(data);
  const link = document.createElement('a');
  link.href = section?.url ?? data.url;
  const title = document.createElement('span');
  title.className = 'search-result-title';
  title.textContent = data.meta.title ?? data.url;
  link.append(title);
  if (section && section.url.includes('#') && section.title && section.title !== data.meta.title) {
    const sub = document.createElement('span');
    sub.className = 'search-result-section';
    sub.textContent = section.title;
    link.append(sub);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-excerpt';
  excerpt.append(...excerptNodes(section?.excerpt || data.excerpt));
  item.append(link, excerpt);
  return item;
}

function setUp(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]');
  const panel = form.querySelector<HTMLElement>('.search-panel');
  const status = form.querySelector<HTMLElement>('[role="status"]');
  if (!input || !panel || !status) return;
  const strings = form.dataset;
  const onPage = form.dataset.search === 'search-page';
  const limit = onPage ? 40 : 6;
  const lang = document.documentElement.lang || 'en';
  const plural = new Intl.PluralRules(lang);
  const typed = lookalikesOf(form);
  let generation = 0;

  const show = (nodes: Node[], announce: string) => {
    panel.replaceChildren(...nodes);
    panel.hidden = false;
    status.textContent = announce;
  };
  const message = (text: string) => {
    const p = document.createElement('p');
    p.className = 'search-message';
    p.textContent = text;
    show([p], text);
  };
  const hide = () => {
    if (onPage) return;
    panel.hidden = true;
  };

  const run = async () => {
    const term = input.value.trim();
    const mine = ++generation;
    if (term.length < 2) {
      if (onPage && term.length > 0) message(strings.typing ?? '');
      else {
        panel.replaceChildren();
        status.textContent = '';
        hide();
      }
      return;
    }
    try {
      const index = await loadPagefind();
      const search = await index.debouncedSearch(typed ? typed(term) : term, {}, 200);
      // A newer keystroke started another search: this one's results are stale.
      if (!search || mine !== generation) return;
      if (search.results.length === 0) return message(fill(strings.none ?? '', { q: term }));
      const data = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
      if (mine !== generation) return;
      const count = search.results.length;
      const found = fill(strings[`found${plural.select(count).replace(/^./, (c) => c.toUpperCase())}`] ?? strings.foundOther ?? '', { n: count, q: term });
      const heading = document.createElement('p');
      heading.className = 'search-message';
      heading.textContent = found;
      const list = document.createElement('ol');
      list.className = 'search-results';
      list.append(...data.map(resultItem));
      const nodes: Node[] = [heading, list];
      if (!onPage && count > limit) {
        const all = document.createElement('p');
        all.className = 'search-all';
        const link = document.createElement('a');
        link.href = `${form.action}?q=${encodeURIComponent(term)}`;
        link.textContent = `${strings.all ?? ''} (${count})`;
        all.append(link);
        nodes.push(all);
      }
      show(nodes, found);
    } catch (error) {
      if (mine !== generation) return;
      console.warn('search is not available:', error);
      message(strings.unavailable ?? '');
    }
  };

  input.addEventListener('input', () => void run());
  // Start loading the index as soon as the reader shows interest, so the first results come fast.
  input.addEventListener('focus', () => {
    void loadPagefind().catch(() => undefined);
    if (!onPage && panel.childNodes.length > 0 && input.value.trim().length >= 2) panel.hidden = false;
  });

  if (onPage) {
    // The search page: run the query it was opened with, and keep the address in step with the box.
    const query = new URLSearchParams(location.search).get('q');
    if (query) {
      input.value = query;
      void run();
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const url = new URL(location.href);
      url.searchParams.set('q', input.value.trim());
      history.replaceState(null, '', url);
      void run();
    });
  } else {
    // The header's box: results drop down under it and close on Escape or a click elsewhere.
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !panel.hidden) {
        panel.hidden = true;
        input.focus();
      }
    });
    document.addEventListener('click', (event) => {
      if (!form.contains(event.target as Node)) hide();
    });
    form.addEventListener('focusout', (event) => {
      if (!form.contains(event.relatedTarget as Node | null) && event.relatedTarget !== null) hide();
    });
  }
}

document.querySelectorAll<HTMLFormElement>('form[data-search]').forEach(setUp);
