/**
 * Stage 1 (load) + 2 (validate) for prose: Markdown chapters under `content/<locale>/`, their front
 * matter parsed with gray-matter and checked against the front-matter schema. Line numbers in
 * later errors are file lines: the front-matter offset is kept with each page.
 */
import matter from 'gray-matter';
import { ContentError, throwIfAny, type ReportError } from '../errors.ts';
import type { ProjectFiles } from '../io.ts';
import type { TextMemo } from '../cache/memo.ts';
import { FrontMatter } from '../validate/front-matter-schema.ts';
import type { Locale } from '../validate/table-schema.ts';
import { decodeUtf8 } from './decode-text.ts';

export interface SourcePage {
  file: string;
  locale: Locale;
  /** URL segment: the file name without its order prefix ("03-harvest.md" → "harvest"). */
  slug: string;
  order: number;
  frontMatter: FrontMatter;
  body: string;
  /** Lines before the body starts, added to every body line number reported to authors. */
  bodyLineOffset: number;
  /** 1-based file line of each front-matter key, for errors about its value. */
  frontMatterLines: Record<string, number>;
  /**
   * A template, `<chapter>/[unit].md` beside its chapter: written once, published once per unit
   * (validate/expand-templates.ts). `placeholder` is the name in brackets, `parent` the chapter's slug.
   */
  template?: { placeholder: string; parent: string };
  /** A page made from a template: the unit it is about, and its place among the template's units. */
  entity?: { id: string; name: string; placeholder: string; parent: string; index: number; count: number };
}

/** With `memo` (the dev server's, valid while the languages are the same), a file read before with the same text is that read's page. */
export async function loadContent(files: ProjectFiles, languages: readonly string[], contentDir = 'content', memo?: TextMemo<SourcePage>): Promise<SourcePage[]> {
  const paths = (await files.list(contentDir, { recursive: true })).filter((p) => p.endsWith('.md'));
  const errors: ReportError[] = [];
  const pages: SourcePage[] = [];
  // Read at once (a report has hundreds of pages), then parsed in order.
  const read = await Promise.allSettled(paths.map((file) => files.readFile(file)));
  for (const [i, file] of paths.entries()) {
    try {
      const bytes = read[i] as PromiseSettledResult<Uint8Array>;
      if (bytes.status === 'rejected') throw bytes.reason;
      const text = decodeUtf8(bytes.value, file, ContentError);
      const key = `${file}\0${text}`;
      let page = memo?.get(key);
      if (!page) {
        page = parsePage(text, file, languages, contentDir);
        memo?.set(key, page);
      }
      pages.push(page);
    } catch (error) {
      if (error instanceof ContentError) errors.push(error);
      else throw error;
    }
  }
  throwIfAny(errors);
  return pages.sort((a, b) => a.locale.localeCompare(b.locale) || a.order - b.order || a.slug.localeCompare(b.slug));
}

export function parsePage(text: string, file: string, languages: readonly string[], contentDir = 'content'): SourcePage {
  const relative = file.slice(contentDir.length + 1).split('/');
  const locale = relative[0];
  const name = relative.at(-1) ?? '';
  // `<language>/<chapter>/[unit].md`: a template of the chapter's pages, one per unit.
  const templateName = relative.length === 3 ? /^\[([a-z][a-z0-9]*)\]\.md$/.exec(name)?.[1] : undefined;
  if ((relative.length !== 2 && templateName === undefined) || !languages.includes(locale ?? '')) {
    throw new ContentError(relative.length === 3 ? `"${name}" is not a template name` : 'a chapter must be in a language folder', {
      file,
      expected: relative.length === 3 ? `a template named after what it repeats over, in brackets: ${contentDir}/<language>/<chapter>/[region].md` : `${contentDir}/<language>/<file>.md with language one of ${languages.join(', ')}`,
      fix: relative.length === 3 ? 'rename the file, e.g. [region].md' : `move the file to ${contentDir}/${languages[0] ?? 'en'}/${name}`,
    });
  }
  refuseFrontMatterLanguage(text, file);
  let parsed: matter.GrayMatterFile<string>;
  try {
    // gray-matter caches by content; a fresh object keeps one page's data out of another's.
    parsed = matter(text, YAML_ONLY);
  } catch (cause) {
    if (cause instanceof FrontMatterLanguageError) {
      throw new ContentError(`front matter in "${cause.language}" is not allowed: only YAML front matter is read`, { file, line: 1, expected: 'YAML front matter between two "---" lines', fix: 'write the front matter in YAML' });
    }
    const mark = (cause as { mark?: { line?: number; column?: number } }).mark;
    const reason = (cause as { reason?: string }).reason ?? String(cause);
    throw new ContentError(`invalid front matter YAML: ${reason}`, {
      file,
      // js-yaml counts lines from 0 in the front-matter text, which starts with the newline that
      // ends the opening "---" (file line 1): its line n is file line n + 1.
      line: mark?.line !== undefined ? mark.line + 1 : 1,
      column: mark?.column !== undefined ? mark.column + 1 : undefined,
      expected: 'YAML between the two "---" lines, e.g. title: "Crop production"',
      fix: 'check indentation and quoting (a value containing ": " must be in quotes)',
      cause,
    });
  }
  const prefix = text.slice(0, text.length - parsed.content.length);
  const bodyLineOffset = parsed.matter ? prefix.split('\n').length - 1 : 0;
  const frontMatterLines = keyLines(parsed.matter);
  const result = FrontMatter.safeParse(parsed.data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue?.path[0] ?? (issue?.code === 'unrecognized_keys' ? issue.keys[0] : ''));
    throw new ContentError(`front matter field "${key}" is invalid: ${issue?.message ?? ''}`, {
      file,
      line: frontMatterLines[key],
      expected: 'title (required), short, summary, order, findings (a list), values, chapter, description, repeat (templates)',
      fix: issue?.code === 'unrecognized_keys' ? `remove or correct ${issue.keys.join(', ')}` : 'correct the value',
    });
  }
  const isTemplate = templateName !== undefined;
  if (isTemplate !== (result.data.repeat !== undefined)) {
    throw new ContentError(isTemplate ? 'a template must say what it repeats over' : 'only a template ([unit].md in a chapter\'s folder) repeats', {
      file,
      line: isTemplate ? 1 : frontMatterLines.repeat,
      expected: isTemplate ? 'repeat: { geography: <id> } (its units) or repeat: { table: <id> } (its rows)' : `a file ${contentDir}/${locale}/<chapter>/[unit].md`,
      fix: isTemplate ? 'add "repeat:" to the front matter' : 'move the page into its chapter\'s folder as [unit].md, or remove "repeat:"',
    });
  }
  // A template's pages live under its chapter: the folder's name without its order number.
  const baseName = isTemplate ? `${relative[1] ?? ''}.md` : name;
  const prefixMatch = /^(\d+)-(.+)\.md$/.exec(baseName);
  const slug = prefixMatch?.[2] ?? baseName.replace(/\.md$/, '');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new ContentError(`file name "${name}" does not give a clean URL`, { file, expected: 'lowercase words and hyphens, optionally after an order number: 03-harvest.md', fix: 'rename the file' });
  }
  return {
    file,
    locale: locale as Locale,
    slug,
    order: result.data.order ?? (prefixMatch ? Number(prefixMatch[1]) : 0),
    frontMatter: result.data,
    body: parsed.content,
    bodyLineOffset,
    frontMatterLines,
    ...(isTemplate ? { template: { placeholder: templateName, parent: slug } } : {}),
  };
}

/**
 * gray-matter runs JavaScript front matter (`---js`) with eval and knows other languages by name:
 * a chapter is data, so only YAML is read. Every engine but YAML's is replaced by one that refuses,
 * in case a language reaches gray-matter by a spelling the check below does not catch.
 */
const refuse = (language: string) => () => {
  throw new FrontMatterLanguageError(language);
};
const YAML_ONLY = {
  language: 'yaml',
  engines: { javascript: refuse('javascript'), js: refuse('js'), coffee: refuse('coffee'), json: refuse('json'), toml: refuse('toml') },
} as unknown as Parameters<typeof matter>[1];

class FrontMatterLanguageError extends Error {
  constructor(readonly language: string) {
    super(`front matter in "${language}"`);
  }
}

/** `---js`, `--- coffee`, `---json` …: the language gray-matter would read after the opening fence. */
function refuseFrontMatterLanguage(text: string, file: string): void {
  const first = /^\uFEFF?---(?!-)([^\r\n]*)/.exec(text);
  const language = first?.[1]?.trim() ?? '';
  if (!first || language === '' || /^(yaml|yml)$/i.test(language)) return;
  throw new ContentError(`front matter in "${language.slice(0, 40)}" is not allowed: only YAML front matter is read`, {
    file,
    line: 1,
    expected: 'a chapter that starts with a line "---" followed by YAML, e.g. title: "Crop production"',
    fix: `replace "---${language.slice(0, 40)}" with "---" and write the fields in YAML; chapters never run code`,
  });
}

function keyLines(frontMatter: string): Record<string, number> {
  const lines: Record<string, number> = {};
  frontMatter.split('\n').forEach((line, i) => {
    const key = /^([A-Za-z][\w-]*)\s*:/.exec(line)?.[1];
    // The first front-matter line is file line 2 (line 1 is "---"); gray-matter keeps a leading newline.
    if (key && !(key in lines)) lines[key] = i + 1;
  });
  return lines;
}
