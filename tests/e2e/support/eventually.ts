/** Waits for states, never for fixed times: polls `condition` every 50 ms until it holds, failing after `timeoutMs`. */
export async function eventually(
  condition: () => Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `eventually` for a condition the test can read at once. */
export async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  await eventually(() => Promise.resolve(condition()), what, timeoutMs);
}
