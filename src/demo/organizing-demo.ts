import { addDays } from '../domain/calendar.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accounts, assessments, committeeAssignments, conversations, memberships, membershipWorksites, tasks } from '../db/schema/index.js';
import { storySupporters, type StorySupporter } from './demo-story.js';
import { demoSteps, type DemoContext } from './load-demo.js';

// Organizing history for the demo: who rated whom and when, the one-on-ones behind those ratings,
// follow-up tasks, and a committee member at each school with supporters who owns a list of
// coworkers. Consistent with the story: the supporters of demo-story.ts are rated 1–2 from the date
// they came on board; everyone else is spread over the scale, mostly unknown where no one organizes.
// Dates written here are the seeds' (2015), moved by the demo's calendar; dates read back from the
// cards are already moved.

const issuesPool = ['evaluations', 'retention', 'class size', 'turnover', 'voice', 'special education', 'workload', 'pay'] as const;
const channels = ['one_on_one', 'one_on_one', 'one_on_one', 'house_visit', 'call', 'text'] as const;
const staffOrganizers = [
  { name: 'Rosa Delgado', email: 'rosa.delgado@organizers.meridian.example' },
  { name: 'Marcus Whitfield', email: 'marcus.whitfield@organizers.meridian.example' },
];

const at = (iso: string, hour: number): Date => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00-07:00`);

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// Demo accounts are placeholders for the story: disabled (from the moment the demo is loaded), so
// no one can sign in as them and the first-run admin is still created on a fresh instance. A
// reloaded demo finds them again.
async function ensureDemoAccount(tx: Tx, email: string, name: string, disabledAt: Date): Promise<{ id: string; name: string }> {
  const [existing] = await tx.select({ id: accounts.id, name: accounts.name }).from(accounts).where(sql`lower(${accounts.email}) = ${email.toLowerCase()}`);
  if (existing) return existing;
  const [created] = await tx.insert(accounts).values({ email, name, disabledAt }).returning({ id: accounts.id, name: accounts.name });
  if (!created) throw new Error('could not create a demo account');
  return created;
}

/**
 * The demo's supporters: the signers of the cards step's verified cards when it ran first (so
 * ratings and cards tell one story on the wall chart), else the shared story selection.
 */
async function supportersOf(context: DemoContext): Promise<{ supporters: StorySupporter[]; juneSchools: string[] }> {
  const signed = await context.db.execute(sql`
    select c.person_id, c.worksite_id, min(c.signed_on)::text signed_on from cards c join people p on p.id = c.person_id
    where c.campaign_id = ${context.campaignId}
      and not exists (select 1 from card_revocations r where r.card_id = c.id)
      and exists (select 1 from card_verifications v where v.card_id = c.id)
    group by c.person_id, c.worksite_id, p.family_name, p.given_name
    -- Ties broken by name, not by id: a reloaded demo (new ids) picks the same leaders.
    order by min(c.signed_on), p.family_name, p.given_name`);
  const rows = signed.rows as { person_id: string; worksite_id: string; signed_on: string }[];
  if (rows.length === 0) {
    const story = storySupporters(context);
    return { ...story, supporters: story.supporters.map((s) => ({ ...s, since: context.calendar.date(s.since) })) };
  }
  const leaders = new Set<string>();
  const supporters = rows.map((r) => {
    // The first signer at each school is its leader.
    const leader = !leaders.has(r.worksite_id);
    leaders.add(r.worksite_id);
    return { educatorId: r.person_id, worksiteId: r.worksite_id, since: r.signed_on, leader };
  });
  return { supporters, juneSchools: [...leaders] };
}

export async function loadOrganizingDemo(context: DemoContext): Promise<void> {
  const { db, random, campaignId, educators, calendar } = context;
  const { supporters, juneSchools } = await supportersOf(context);
  const supporterById = new Map(supporters.map((s) => [s.educatorId, s]));
  const organizedSchools = new Set(juneSchools);
  const storyEnd = calendar.date('2015-06-19');

  await db.transaction(async (tx) => {
    const organizerIds: { id: string; name: string }[] = [];
    for (const o of staffOrganizers) {
      const account = await ensureDemoAccount(tx, o.email, o.name, calendar.now);
      await tx.insert(memberships).values({ accountId: account.id, campaignId, role: 'organizer' }).onConflictDoNothing();
      organizerIds.push(account);
    }

    // One committee member per organized school: its leader, who owns a list of coworkers there.
    const committee = new Map<string, { accountId: string; name: string }>();
    for (const leader of supporters.filter((s) => s.leader)) {
      const educator = educators.find((e) => e.id === leader.educatorId);
      if (!educator) continue;
      const email = `${educator.givenName}.${educator.familyName}@committee.meridian.example`.toLowerCase();
      const account = await ensureDemoAccount(tx, email, `${educator.givenName} ${educator.familyName}`, calendar.now);
      await tx.insert(memberships).values({ accountId: account.id, campaignId, role: 'committee' }).onConflictDoNothing();
      await tx.insert(membershipWorksites).values({ accountId: account.id, worksiteId: leader.worksiteId }).onConflictDoNothing();
      committee.set(leader.worksiteId, { accountId: account.id, name: account.name });
    }

    const assessmentRows: (typeof assessments.$inferInsert)[] = [];
    const conversationRows: (typeof conversations.$inferInsert)[] = [];
    const listRows: (typeof committeeAssignments.$inferInsert)[] = [];
    for (const educator of educators) {
      const organizer = random.pick(organizerIds);
      const supporter = supporterById.get(educator.id);
      const organized = organizedSchools.has(educator.worksiteId);
      const member = committee.get(educator.worksiteId);
      const rate = (level: number | null, date: string, note: string, by = organizer) =>
        assessmentRows.push({ campaignId, legacyPersonId: educator.id, level, note, assessedByAccountId: by.id, assessedByName: by.name, assessedAt: at(date, 10) });
      const talk = (date: string, nextStep: string) => {
        const who = member && random.next() < 0.5 ? { id: member.accountId, name: member.name } : organizer;
        conversationRows.push({
          campaignId,
          personId: educator.id,
          organizerAccountId: who.id,
          organizerName: who.name,
          occurredAt: at(date, random.int(15, 19)),
          channel: random.pick(channels),
          issues: [...new Set([random.pick(issuesPool), random.pick(issuesPool)])],
          notes: supporter ? 'Wants a real voice in evaluations; ready to talk to coworkers.' : 'Listened; worried about retaliation and about turnover at the school.',
          nextStep,
        });
      };

      if (supporter) {
        const first = addDays(supporter.since, -random.int(10, 30));
        talk(first, 'Follow up after the staff meeting');
        rate(3, first, 'Agrees on the issues, not sure about a union yet.');
        talk(supporter.since, supporter.leader ? 'Ask to join the organizing committee' : 'Ask to sign a card');
        rate(supporter.leader ? 1 : 2, supporter.since, supporter.leader ? 'Leader: talks to the whole grade team.' : 'Supports the union.');
        if (!supporter.leader && random.next() < 0.2) {
          // Not after June 19: the story is over by the day a demo of the same year can be loaded.
          const later = addDays(supporter.since, random.int(5, 20));
          rate(1, later < storyEnd ? later : storyEnd, 'Now bringing coworkers to meetings.');
        }
      } else if (organized && random.next() < 0.75) {
        const date = calendar.date(addDays('2015-02-20', random.int(0, 100)));
        talk(date, 'Check in again');
        const roll = random.next();
        rate(roll < 0.35 ? 3 : roll < 0.65 ? 4 : roll < 0.8 ? 5 : null, date, roll < 0.35 ? 'Undecided; cares about class size.' : 'Skeptical; heard the principal’s meeting.');
      } else if (random.next() < 0.15) {
        rate(random.next() < 0.5 ? 4 : 5, calendar.date(addDays('2015-03-01', random.int(0, 90))), 'Heard secondhand.');
      }
      // Lists: the committee member's coworkers, about a third of the school.
      if (member && !supporter?.leader && (supporter || random.next() < 0.3)) listRows.push({ personId: educator.id, campaignId, accountId: member.accountId, assignedAt: at(calendar.date('2015-03-02'), 9) });
    }
    for (let i = 0; i < assessmentRows.length; i += 1000) await tx.insert(assessments).values(assessmentRows.slice(i, i + 1000));
    for (let i = 0; i < conversationRows.length; i += 1000) {
      const inserted = await tx.insert(conversations).values(conversationRows.slice(i, i + 1000)).returning({ id: conversations.id, personId: conversations.personId, occurredAt: conversations.occurredAt, organizerAccountId: conversations.organizerAccountId, nextStep: conversations.nextStep });
      const followUps = inserted.filter(() => random.next() < 0.25);
      if (followUps.length > 0) {
        await tx.insert(tasks).values(
          followUps.map((c) => ({
            campaignId,
            personId: c.personId,
            conversationId: c.id,
            title: c.nextStep,
            dueDate: addDays(c.occurredAt.toISOString().slice(0, 10), random.int(3, 14)),
            assigneeAccountId: c.organizerAccountId,
            createdByAccountId: c.organizerAccountId,
            // Most follow-ups from before June were done.
            doneAt: c.occurredAt < calendar.instant('2015-05-25T00:00:00Z') ? new Date(c.occurredAt.getTime() + 5 * 86_400_000) : null,
          })),
        );
      }
    }
    if (listRows.length > 0) await tx.insert(committeeAssignments).values(listRows).onConflictDoNothing();
  });
}

demoSteps.push({ name: 'organizing: assessments, conversations, committee lists', load: loadOrganizingDemo });
