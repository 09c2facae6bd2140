/**
 * A chapter's front matter is YAML and nothing else (defect 1): gray-matter would evaluate
 * `---js` front matter with eval, and knows other languages by name. Each is a ContentError on
 * line 1, and the code in it never runs (it would write a marker file).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/build.ts';
import { fixtureFiles } from '../helpers/fixture-project.ts';
import { reportMessage } from './helpers.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'front-matter-probe-'));
const marker = path.join(dir, 'ran');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chapter = (opening: string, body: string) => fixtureFiles({ 'content/en/01-x.md': `${opening}\n${body}\n---\nText.\n` });
const code = `{ title: String(require("fs").writeFileSync(${JSON.stringify(marker)}, "ran") || "x") }`;

describe('front matter is YAML only', () => {
  for (const language of ['js', 'javascript', 'JS', ' js', 'coffee', 'coffeescript', 'cson', 'json', 'toml']) {
    it(`refuses ---${language} and runs none of it`, async () => {
      const message = await reportMessage(buildReport(chapter(`---${language}`, code)));
      expect(message).toBe(
        `content/en/01-x.md:1: front matter in "${language.trim()}" is not allowed: only YAML front matter is read\n  expected: a chapter that starts with a line "---" followed by YAML, e.g. title: "Crop production"\n  fix: replace "---${language.trim()}" with "---" and write the fields in YAML; chapters never run code`,
      );
      expect(existsSync(marker)).toBe(false);
    });
  }

  it('reads ---yaml and plain --- as YAML, and YAML tags that would construct code are refused as YAML errors', async () => {
    const report = await buildReport(fixtureFiles({ 'content/en/01-x.md': '---yaml\ntitle: Harvest\n---\nText.\n' }));
    expect(report.pages.find((p) => p.slug === 'x')?.title).toBe('Harvest');
    const message = await reportMessage(buildReport(chapter('---', 'title: !!js/function "function () { return 1 }"')));
    expect(message).toContain('content/en/01-x.md:2');
    expect(message).toContain('invalid front matter YAML: unknown tag !<tag:yaml.org,2002:js/function>');
  });

  it('refuses template syntax that would include a file, instead of evaluating or printing it', async () => {
    const message = await reportMessage(buildReport(fixtureFiles({ 'content/en/01-x.md': '---\ntitle: X\n---\nText {% include "/etc/passwd" %} and {{ "x" | safe }}.\n' })));
    expect(message).toContain('content/en/01-x.md:4: template syntax "{%" in Markdown is not evaluated and would be printed as text');
    expect(message).not.toContain('root:');
  });
});
