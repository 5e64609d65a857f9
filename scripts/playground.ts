/**
 * `npm run playground`: Microsoft 365 Agents Playground (a Teams-like chat that runs offline) in front of the bot of a
 * running `npm start`. It installs the app in its own team at once (roster and welcome card), and you chat with the
 * bot in its personal chat. No browser is opened where there is no display; open the address it prints.
 *
 *   npm start                 # in one terminal (local mode: the bot accepts unsigned activities)
 *   npm run playground        # in another; PORT (the app's, 3978) and PLAYGROUND_PORT (56150) as needed
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const appPort = process.env.PORT ?? '3978';
const playgroundPort = process.env.PLAYGROUND_PORT ?? '56150';
const botEndpoint = `http://127.0.0.1:${appPort}/api/messages`;

/** Whether the app answers /readyz, waiting up to `waitMs` for one that is still starting. */
async function appIsRunning(waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${appPort}/readyz`)).ok) return true;
    } catch {
      // not listening (yet)
    }
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function main(): Promise<void> {
  if (!(await appIsRunning(30_000))) {
    process.stderr.write(
      `Nothing answers at http://127.0.0.1:${appPort}: start the app first with \`npm start\` (local mode), then run this again.\n`,
    );
    process.exit(1);
  }
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const bin = path.join(__dirname, '..', 'node_modules', '.bin', 'agentsplayground');
  const child = spawn(bin, ['-e', botEndpoint, '-c', 'msteams', '--dt', '-p', playgroundPort], {
    stdio: 'inherit',
    env: { ...process.env, ...(headless ? { TEAMSAPPTESTER_BROWSER: 'none' } : {}) },
  });
  process.stdout.write(
    `Agents Playground → bot at ${botEndpoint}. Open http://localhost:${playgroundPort} (Ctrl+C stops it).\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

void main();
