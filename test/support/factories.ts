import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/client.js';
import { bargainingUnits, campaigns, employers, employments, memberships, membershipWorksites, people, worksites } from '../../src/db/schema/index.js';
import { accounts } from '../../src/db/schema/index.js';
import { hashPassword } from '../../src/domain/accounts/passwords.js';
import type { Role } from '../../src/domain/policies/campaign-policy.js';

const unique = (): string => randomBytes(4).toString('hex');
export const TEST_PASSWORD = 'correct horse battery staple';

// Hashing is slow on purpose; tests share one hash of the common password.
let passwordHash: Promise<string> | undefined;

export async function createAccount(db: Db, input: { email?: string; name?: string; instanceAdmin?: boolean; password?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [row] = await db
    .insert(accounts)
    .values({
      email: input.email ?? `person-${unique()}@example.org`,
      name: input.name ?? 'Test Person',
      instanceAdmin: input.instanceAdmin ?? false,
      passwordHash: input.password ? await hashPassword(input.password) : await passwordHash,
    })
    .returning();
  if (!row) throw new Error('no account');
  return row;
}

export type CampaignFixture = Awaited<ReturnType<typeof createCampaign>>;

/** A campaign with `sites` worksites (each its own employer), one unit, and `perSite` educators at each. */
export async function createCampaign(db: Db, input: { slug?: string; sites?: number; perSite?: number; isDefault?: boolean } = {}) {
  const slug = input.slug ?? `c-${unique()}`;
  const [campaign] = await db.insert(campaigns).values({ slug, name: `Campaign ${slug}`, statement: 'We are organizing.', isDefault: input.isDefault ?? false }).returning();
  if (!campaign) throw new Error('no campaign');
  const [unit] = await db.insert(bargainingUnits).values({ campaignId: campaign.id, name: 'Certificated' }).returning();
  if (!unit) throw new Error('no unit');
  const sites: { id: string; name: string }[] = [];
  const persons: { id: string; worksiteId: string; givenName: string; familyName: string }[] = [];
  for (let s = 0; s < (input.sites ?? 2); s++) {
    const [employer] = await db.insert(employers).values({ campaignId: campaign.id, name: `Employer ${s + 1}` }).returning();
    const [site] = await db.insert(worksites).values({ campaignId: campaign.id, employerId: employer!.id, name: `School ${s + 1}` }).returning();
    sites.push({ id: site!.id, name: site!.name });
    for (let p = 0; p < (input.perSite ?? 3); p++) {
      const [person] = await db.insert(people).values({ campaignId: campaign.id, givenName: `Given${s}${p}`, familyName: `Family${s}${p}`, employeeId: `E${s}-${p}-${unique()}` }).returning();
      await db.insert(employments).values({ personId: person!.id, campaignId: campaign.id, worksiteId: site!.id, unitId: unit.id, jobTitle: 'Teacher', startDate: '2014-08-15' });
      persons.push({ id: person!.id, worksiteId: site!.id, givenName: person!.givenName, familyName: person!.familyName });
    }
  }
  return { campaign, unit, sites, people: persons };
}

export async function addMember(db: Db, accountId: string, campaignId: string, role: Role, worksiteIds: string[] = []) {
  await db.insert(memberships).values({ accountId, campaignId, role });
  if (worksiteIds.length > 0) await db.insert(membershipWorksites).values(worksiteIds.map((worksiteId) => ({ accountId, worksiteId })));
}

/** An account with the given role in the campaign (committee members get the first worksite). */
export async function createMember(db: Db, fixture: CampaignFixture, role: Role, worksiteIds?: string[]) {
  const account = await createAccount(db);
  await addMember(db, account.id, fixture.campaign.id, role, role === 'committee' ? (worksiteIds ?? [fixture.sites[0]!.id]) : []);
  return account;
}
