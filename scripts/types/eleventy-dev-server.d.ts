// Eleventy's dev server ships no type declarations: the part of its API `npm start` uses.
declare module '@11ty/eleventy-dev-server' {
  interface DevServerOptions {
    /** Morph the open page's DOM instead of reloading it (off: the charts' scripts must run again). */
    domDiff?: boolean;
    liveReload?: boolean;
    logger?: { info(message: string): void; log(message: string): void; error(message: string): void };
  }
  interface DevServer {
    serve(port: number): void;
    /** Tells every open page that these files changed (a page reloads unless only CSS did). */
    reload(event: { files: string[]; subtype?: 'css' }): void;
    close(): Promise<void>;
  }
  const EleventyDevServer: { getServer(name: string, dir: string, options?: DevServerOptions): DevServer };
  export default EleventyDevServer;
}
