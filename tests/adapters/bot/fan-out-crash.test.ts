// SIGKILL the real app in the middle of a 200-member fan-out against the Bot Connector sandbox (its own server),
// restart it on the same PGlite data directory: no member is missed, and duplicates are at most the cards that were
// in flight at the kill (the sandbox had accepted them, the database had not recorded them).
import { openDatabase } from '../../../src/adapters/storage/open-database';
import { usePgliteFanOut } from '../../support/fan-out-fixture';
import { killMidFanOut } from './support/fan-out-crash';

const fanOut = usePgliteFanOut();

it('loses no card and duplicates at most those in flight when the app is killed mid fan-out (PGlite)', async () => {
  const { sandbox, storage } = fanOut;
  // PGlite is one connection per data directory: the test and the app take turns.
  await killMidFanOut({ sandbox, storage, open: () => openDatabase(storage) });
}, 120_000);
