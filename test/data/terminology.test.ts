/**
 * The terminology table (`data/terminology.json`) and the glossary built from it: the table loads
 * through the project's loader, every term has an English, a Russian and a Kazakh form and a
 * definition in each language, each methodology chapter shows it, and the Russian and Kazakh
 * methodology chapters use the table's form of every term the English chapter uses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { memoryFiles } from '../../scripts/io.ts';
import { parsePage } from '../../scripts/load/load-content.ts';
import { loadTables } from '../../scripts/load/load-tables.ts';
import { parseTableBlock } from '../../scripts/render/table-block.ts';
import { isNumericTable, type TextTable } from '../../scripts/validate/table-schema.ts';
import { FOLDERS, LANGUAGES, TABLE_RULES } from '../helpers/languages.ts';

const LOCALES = ['en', 'ru', 'kk'] as const;
type Locale = (typeof LOCALES)[number];

const ROOT = process.cwd();
const FILE = 'data/terminology.json';
const CHAPTER = '05-methodology.md';

type Row = TextTable['rows'][number];
interface Forms { en: string; ru: string; kk: string }

/** The table as the build sees it: the real file, through loadTables (parse with positions, schema, checks). */
async function loadTerminology(): Promise<TextTable> {
  const { tables } = await loadTables(memoryFiles({ [FILE]: fs.readFileSync(path.join(ROOT, FILE)) }), FOLDERS, TABLE_RULES);
  const table = tables.get('terminology')?.table;
  if (!table) throw new Error(`${FILE}: no table "terminology"`);
  if (isNumericTable(table)) throw new Error(`${FILE}: expected a text table`);
  return table;
}

function forms(row: Row): Forms {
  if (typeof row.label === 'string') throw new Error(`${row.id}: the label must give en, ru and kk forms`);
  return { en: row.label.en ?? '', ru: row.label.ru ?? '', kk: row.label.kk ?? '' };
}

function definition(row: Row): Record<Locale, string> {
  const cell = row.cells.definition;
  if (cell === null || cell === undefined || typeof cell === 'string') return { en: cell ?? '', ru: '', kk: '' };
  return { en: cell.en ?? '', ru: cell.ru ?? '', kk: cell.kk ?? '' };
}

function chapterSource(locale: Locale): string {
  return fs.readFileSync(path.join(ROOT, 'content', locale, CHAPTER), 'utf8');
}

/**
 * The prose of a chapter as a reader sees it: title, summary, findings and body, without fenced
 * blocks (tables, charts, formulas), inline math, inline references, citations and emphasis marks;
 * lower case, ё as е, whitespace collapsed (lines are wrapped anywhere).
 */
function prose(locale: Locale, source = chapterSource(locale)): string {
  const page = parsePage(source, `content/${locale}/${CHAPTER}`, LANGUAGES.codes);
  const fm = page.frontMatter as { title?: string; short?: string; summary?: string; findings?: string[] };
  const text = [fm.title, fm.short, fm.summary, ...(fm.findings ?? []), page.body].filter(Boolean).join('\n');
  return normalise(
    text
      .replace(/^( *)```[\s\S]*?^\1```/gm, ' ')
      .replace(/\$[^$\n]+\$/g, ' ')
      .replace(/\{[=@][^}]*\}/g, ' ')
      .replace(/\[@[^\]]*\]/g, ' ')
      .replace(/\{#[^}]*\}/g, ' ')
      .replace(/[*_]/g, ''),
  );
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A term as it is looked for: without a parenthetical ("district (audan)" → "district"). */
const bare = (term: string) => normalise(term.replace(/\s*\([^)]*\)/g, '').trim());
const START = '(?<![\\p{L}\\p{N}])';

function englishPattern(term: string): RegExp {
  return new RegExp(`${START}${bare(term).split(' ').map(escape).join('\\s+')}(?![\\p{L}])`, 'u');
}

/**
 * Kazakh words take suffixes and only the last word of a term inflects: drop a final vowel of the
 * last word ("коэффициенті" → "коэффициент", "типология" → "типологи") and let any suffix follow.
 * A final к, қ or п voices before a vowel suffix ("алқап" → "алқабы"), so its voiced pair matches too.
 */
function kazakhPattern(term: string): RegExp {
  const words = bare(term).split(' ');
  const last = (words.pop() ?? '').replace(/[аәеиоөуұүыіэюя]$/u, '');
  const VOICING: Record<string, string> = { к: '[кг]', г: '[кг]', қ: '[қғ]', ғ: '[қғ]', п: '[пб]', б: '[пб]' };
  const tail = last.slice(-1);
  const stem = VOICING[tail] ? `${escape(last.slice(0, -1))}${VOICING[tail]}` : escape(last);
  return new RegExp(`${START}${[...words.map(escape), stem].join('\\s+')}\\p{L}*`, 'u');
}

/**
 * Russian inflects every word of a term: each word is matched by its stem (the word without its
 * case ending, at least three letters; four for a one-word term, so "доля" is not "дол…" of
 * "долларов") followed by any ending: "текущие цены" matches "в текущих ценах".
 */
const RUSSIAN_ENDINGS = ['ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ами', 'ями', 'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ых', 'их', 'ым', 'им', 'ую', 'юю', 'ов', 'ев', 'ам', 'ям', 'ах', 'ях', 'ом', 'ем', 'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'й'];
function russianPattern(term: string): RegExp {
  const words = bare(term).split(' ');
  const minimum = words.length > 1 ? 3 : 4;
  const stems = words.map((word) => {
    const ending = RUSSIAN_ENDINGS.find((e) => word.endsWith(e) && word.length - e.length >= minimum);
    return escape(ending ? word.slice(0, -ending.length) : word);
  });
  return new RegExp(`${START}${stems.join('\\p{L}*\\s+')}\\p{L}*`, 'u');
}

let table: TextTable;
beforeAll(async () => {
  table = await loadTerminology();
});

describe('data/terminology.json', () => {
  it('is a text table with columns for the three forms and the definition, 20–35 terms with unique ids', () => {
    expect(table.id).toBe('terminology');
    expect(table.columns.map((c) => c.id)).toEqual(['en', 'ru', 'kk', 'definition']);
    expect(table.rows.length).toBeGreaterThanOrEqual(20);
    expect(table.rows.length).toBeLessThanOrEqual(35);
    expect(new Set(table.rows.map((r) => r.id)).size).toBe(table.rows.length);
  });

  it('gives every term an English, a Russian and a Kazakh label, the same forms in its three term columns, and a definition in each language', () => {
    for (const row of table.rows) {
      const f = forms(row);
      for (const locale of LOCALES) {
        expect(f[locale].trim(), `${row.id} label.${locale}`).not.toBe('');
        expect(row.cells[locale], `${row.id} cells.${locale}`).toBe(f[locale]);
        expect(definition(row)[locale].trim(), `${row.id} definition.${locale}`).not.toBe('');
      }
    }
  });

  it('writes each definition as one sentence, and the Kazakh one in Kazakh rather than in Russian', () => {
    const twoSentences = /[.!?]\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]/u;
    for (const row of table.rows) {
      const d = definition(row);
      for (const locale of LOCALES) {
        expect(d[locale], `${row.id} definition.${locale}`).toMatch(/[.)]$/);
        expect(d[locale], `${row.id} definition.${locale}`).not.toMatch(twoSentences);
      }
      expect(d.kk, `${row.id} definition.kk`).toMatch(/[әғқңөұүһі]/u);
      expect(d.kk).not.toBe(d.ru);
    }
  });

  it('cites a work of data/references.json and says the definitions are the report\'s own', () => {
    const references = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/references.json'), 'utf8')) as Array<{ id: string }>;
    const ids = new Set(references.map((r) => r.id));
    for (const source of [table.source, ...(table.alsoFrom ?? [])]) expect(ids.has(source.ref), source.ref).toBe(true);
    const description = table.description;
    expect(typeof description === 'object' && description.en).toMatch(/definitions are the report's own/);
    expect(typeof description === 'object' && description.ru).toBeTruthy();
    expect(typeof description === 'object' && description.kk).toBeTruthy();
  });

  it('holds the translations the chapters use', () => {
    const byId = new Map(table.rows.map((r) => [r.id, forms(r)]));
    const expected: Record<string, Forms> = {
      'location-quotient': { en: 'location quotient', ru: 'коэффициент локализации', kk: 'локализация коэффициенті' },
      grp: { en: 'gross regional product (GRP)', ru: 'валовой региональный продукт (ВРП)', kk: 'жалпы өңірлік өнім (ЖӨӨ)' },
      'gross-output': { en: 'gross output', ru: 'валовая продукция', kk: 'жалпы өнім' },
      'physical-volume-index': { en: 'physical-volume index', ru: 'индекс физического объёма', kk: 'физикалық көлем индексі' },
      'base-year-index': { en: 'base-year index', ru: 'базисный индекс', kk: 'базистік индекс' },
      'chain-index': { en: 'chain index', ru: 'цепной индекс', kk: 'тізбекті индекс' },
      'implied-price-index': { en: 'implied price index', ru: 'расчётный индекс цен', kk: 'есептік баға индексі' },
      'compound-annual-growth-rate': { en: 'compound annual growth rate', ru: 'среднегодовой темп прироста', kk: 'орташа жылдық өсім қарқыны' },
      yield: { en: 'yield', ru: 'урожайность', kk: 'түсімділік' },
      'gross-harvest': { en: 'gross harvest', ru: 'валовой сбор', kk: 'жалпы түсім' },
      'rank-score-typology': { en: 'rank-score typology', ru: 'рангово-балльная типология', kk: 'рангтық-балдық типология' },
      'migration-effectiveness': { en: 'migration effectiveness', ru: 'эффективность миграции', kk: 'көші-қон тиімділігі' },
      'district-audan': { en: 'district (audan)', ru: 'район', kk: 'аудан' },
      'region-oblast': { en: 'region (oblast)', ru: 'область', kk: 'облыс' },
    };
    for (const [id, f] of Object.entries(expected)) expect(byId.get(id), id).toEqual(f);
  });
});

describe('the glossary in the methodology chapters', () => {
  const OTHER: Record<Locale, string[]> = { en: ['ru', 'kk', 'definition'], ru: ['en', 'kk', 'definition'], kk: ['en', 'ru', 'definition'] };

  it.each(LOCALES)('content/%s/05-methodology.md has a {#glossary} section showing the terminology table', (locale) => {
    const source = chapterSource(locale);
    const heading = source.search(/^## .+ \{#glossary\}$/m);
    expect(heading, 'a "## … {#glossary}" heading').toBeGreaterThan(0);
    const section = source.slice(heading);
    const block = /^```table\n([\s\S]*?)^```$/m.exec(section);
    expect(block, 'a table block after the heading').not.toBeNull();
    const parsed = parseTableBlock(block?.[1] ?? '', `content/${locale}/${CHAPTER}`, 1);
    expect(parsed.table).toBe('terminology');
    expect(parsed.id).toBe('glossary');
    // The row label is the term in the page's language; the columns give the other two and the definition.
    expect(parsed.columns).toEqual(OTHER[locale]);
    // An introductory sentence between the heading and the table.
    expect(section.slice(0, block?.index).split('\n').slice(1).join(' ').trim().length).toBeGreaterThan(40);
  });

  it('the patterns find inflected forms and nothing else', () => {
    expect(kazakhPattern('локализация коэффициенті').test('облыстың локализация коэффициентін')).toBe(true);
    expect(kazakhPattern('жиналған алқап').test('жиналған алқабы')).toBe(true);
    expect(kazakhPattern('рангтық-балдық типология').test('рангтық-балдық типологиясын')).toBe(true);
    expect(kazakhPattern('рангтық-балдық типология').test('рангтік-балдық типологиясын')).toBe(false);
    expect(kazakhPattern('орташа жылдық өсім қарқыны').test('орташа жылдық өсу қарқыны')).toBe(false);
    expect(russianPattern('текущие цены').test('в текущих ценах')).toBe(true);
    expect(russianPattern('кластерная политика').test('доклад о кластерной политике')).toBe(true);
    expect(russianPattern('доля').test('в долларах')).toBe(false);
    expect(russianPattern('валовая продукция').test('валовой выпуск')).toBe(false);
  });

  it('the Russian and Kazakh chapters use the table\'s form of every term the English chapter uses', () => {
    const text = { en: prose('en'), ru: prose('ru'), kk: prose('kk') };
    const used = table.rows.filter((row) => englishPattern(forms(row).en).test(text.en));
    // Most terms are used in the English chapter, so the check below is not vacuous.
    expect(used.length).toBeGreaterThanOrEqual(20);
    const missing: string[] = [];
    for (const row of used) {
      const f = forms(row);
      if (!russianPattern(f.ru).test(text.ru)) missing.push(`ru ${row.id}: «${f.ru}»`);
      if (!kazakhPattern(f.kk).test(text.kk)) missing.push(`kk ${row.id}: «${f.kk}»`);
    }
    expect(missing).toEqual([]);
  });

  it('no Russian or Kazakh chapter uses a variant the table replaced', () => {
    // Variants found in the chapters when the table was made, each standing for one of its terms.
    const retired: Record<'ru' | 'kk', Array<[RegExp, string]>> = {
      ru: [
        [russianPattern('валовой выпуск'), 'gross-output'],
        [/ранговый \(рейтинговый\)|ранговой типологии/u, 'rank-score-typology'],
      ],
      kk: [
        [kazakhPattern('орташа жылдық өсу қарқыны'), 'compound-annual-growth-rate'],
        [kazakhPattern('рангтік-балдық'), 'rank-score-typology'],
        [/рангтік типолог/u, 'rank-score-typology'],
      ],
    };
    for (const locale of ['ru', 'kk'] as const) {
      for (const file of fs.readdirSync(path.join(ROOT, 'content', locale)).filter((f) => f.endsWith('.md'))) {
        const text = normalise(fs.readFileSync(path.join(ROOT, 'content', locale, file), 'utf8').replace(/[*_]/g, ''));
        for (const [pattern, id] of retired[locale]) expect(pattern.test(text), `content/${locale}/${file}: ${pattern} (use the ${id} term)`).toBe(false);
      }
    }
  });

  it('fails when a chapter drops a translation', () => {
    const lq = table.rows.find((r) => r.id === 'location-quotient');
    if (!lq) throw new Error('no location-quotient row');
    const pattern = kazakhPattern(forms(lq).kk);
    expect(pattern.test(prose('kk'))).toBe(true);
    // The same chapter with the term written another way no longer passes.
    const altered = chapterSource('kk').replace(/локализация коэффициент/gi, 'оқшаулану коэффициент');
    expect(pattern.test(prose('kk', altered))).toBe(false);
  });
});
