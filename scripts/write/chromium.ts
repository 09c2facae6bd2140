/** The Chromium the PDF export and Lighthouse drive: Debian's package, never a downloaded one. */

/** Launch flags of every headless Chromium in this project (the tests use the same, test/helpers/browser.ts). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** CHROMIUM_PATH, else CHROME_PATH (Lighthouse's name for it), else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
}
