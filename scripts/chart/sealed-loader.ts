/**
 * The loader Vega gets: it loads nothing. Vega's default loader reads files (`data.url`,
 * `lookup` sources, `image` marks) and fetches URLs, so a chart spec could publish a file of the
 * build machine or make it open a connection. Charts draw only the records the chart stage
 * injects from the report's tables; anything else a spec asks for is refused, and remembered, so
 * the render can fail with the URL instead of drawing a chart with data silently missing.
 *
 * Refusals resolve rather than reject where Vega's renderer does not expect a rejection: the SVG
 * string renderer reads `.href` of a sanitised link without checking it (an uncaught TypeError
 * that ends the process).
 */
export interface SealedLoader {
  /** The object Vega's View takes as `loader`. */
  loader: object;
  /** Every URL or file name something asked for, in order. */
  refused: string[];
}

export function sealedLoader(): SealedLoader {
  const refused: string[] = [];
  const note = (uri: unknown) => {
    refused.push(typeof uri === 'string' ? uri : JSON.stringify(uri) ?? String(uri));
  };
  const refuse = async (uri: unknown): Promise<never> => {
    note(uri);
    throw new Error(`the chart may not load "${String(uri)}": charts draw only the report's tables`);
  };
  const loader = {
    options: {},
    fileAccess: false,
    load: refuse,
    file: refuse,
    http: refuse,
    // An empty href: images stay empty, links are dropped; the render then fails on `refused`.
    sanitize: async (uri: unknown) => {
      note(uri);
      return { href: '' };
    },
  };
  return { loader, refused };
}
