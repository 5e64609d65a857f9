/**
 * Debian's Chromium driven by playwright-core (no browser download), with the flags this machine needs. Playwright's
 * launch() gives each browser a fresh, empty user-data-dir of its own; each newContext() is a separate profile.
 */
import { type Browser, chromium } from 'playwright-core';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** `extraArgs`: e.g. host-resolver rules and a trusted test certificate (teams-host/teams-host-server.ts). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}
