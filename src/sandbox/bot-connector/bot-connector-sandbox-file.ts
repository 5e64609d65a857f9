/**
 * Local mode keeps the Bot Connector sandbox's record (conversations, the activities the bot sent and updated) in a
 * file beside PGlite's data, so after a second `npm start` a person can still play a member and answer the card of the
 * round the database says is open. See `keepSandboxInFile` for how it is written.
 */
import { keepSandboxInFile, type PersistedSandbox, type SandboxFileLog } from '../sandbox-file';
import type { BotConnectorSandbox } from './bot-connector-sandbox';

export async function persistBotConnectorSandbox(
  sandbox: BotConnectorSandbox,
  file: string,
  log: SandboxFileLog,
  delayMs = 200,
): Promise<PersistedSandbox> {
  const kept = await keepSandboxInFile(
    { snapshot: () => sandbox.snapshot(), restore: (json) => sandbox.restore(json) },
    file,
    log,
    { name: 'connector', delayMs },
  );
  sandbox.onChange = () => kept.changed();
  return kept;
}
