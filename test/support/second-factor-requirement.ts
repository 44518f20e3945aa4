import { secondFactorRequirements } from '../../src/db/schema/index.js';
import type { Db } from '../../src/db/client.js';

/**
 * Tests about something other than the second factor sign organizers and admins in with a password
 * alone: they turn the migration's requirement (admins and organizers, decision 0026) off for
 * their database. Tests of the second factor keep it (`createTestApp({ secondFactorRequired: true })`).
 */
export async function relaxSecondFactorRequirement(db: Db): Promise<void> {
  await db.update(secondFactorRequirements).set({ required: false });
}
