// citation-js ships no type declarations: the part of its API the bibliography uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(kind: 'bibliography', options: { format: 'html' | 'text'; template: string; lang: string; asEntryArray: true }): Array<[string, string]>;
  }
}
declare module '@citation-js/plugin-csl';
