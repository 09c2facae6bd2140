/** The URL of the compiled scripts/cli.ts (compiled-cli.js), compiled now if this version of the code has not been. */
export function compiledCli(): Promise<string>;
