/**
 * Debian's Chromium for the tests, never a downloaded one: where it is absent the browser tests
 * are skipped with a reason. No vitest import here: test/global-setup.ts reads it too.
 */
import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS } from '../../scripts/write/chromium.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** How every test Chromium is started: the project's launch flags (scripts/write/chromium.ts). */
export const CHROMIUM_LAUNCH = { executablePath: CHROMIUM, args: CHROMIUM_ARGS };
