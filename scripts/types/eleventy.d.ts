// Eleventy 3 ships no type declarations: this declares the part of its programmatic API we use.
declare module '@11ty/eleventy' {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: 'build' | 'serve' | 'watch';
    source?: 'cli' | 'script';
    /** Configures this instance after the configuration file (plugins with options, e.g. the report). */
    config?: (eleventyConfig: unknown) => void;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<unknown>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
  }
}
