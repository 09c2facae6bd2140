/**
 * Vitest's order (projects by name, then the slowest or largest files first), except that a file
 * that waits for the test site (test/helpers/test-site.ts) goes after the other files of its
 * project: they run while the global setup builds the site, instead of two workers waiting for it.
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { WAITS_FOR_SITE } from './helpers/test-site.ts';

const waitsForSite = (spec: TestSpecification) => readFileSync(spec.moduleId, 'utf8').includes(WAITS_FOR_SITE);

export class SiteReadersLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    const waits = new Map(sorted.map((spec) => [spec, waitsForSite(spec)]));
    // Stable: within each group, the base order stands.
    return sorted.sort((a, b) => projects.indexOf(a.project.name) - projects.indexOf(b.project.name) || Number(waits.get(a)) - Number(waits.get(b)));
  }
}
