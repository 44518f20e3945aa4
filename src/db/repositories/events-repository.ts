import { and, asc, desc, eq, gt, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { campaigns, eventRsvps, events } from '../schema/index.js';

export type EventRow = typeof events.$inferSelect;
export type EventInsert = typeof events.$inferInsert;
export type RsvpRow = typeof eventRsvps.$inferSelect;
/** A public event with where it lives on the public site (the OSDI collection, instance-wide). */
export type LocatedEvent = { event: EventRow; campaignSlug: string; campaignTimeZone: string; isDefaultCampaign: boolean };

const defaultCampaignId = sql`select c.id from ${campaigns} c order by c.is_default desc, c.created_at asc limit 1`;
const accepted = eq(eventRsvps.status, 'accepted');

export function createEventsRepository(db: Executor) {
  return {
    /** Public events that have not ended yet, soonest first. */
    async listUpcomingPublic(campaignId: string, now: Date, limit = 50): Promise<EventRow[]> {
      return db
        .select()
        .from(events)
        .where(and(eq(events.campaignId, campaignId), eq(events.isPublic, true), gte(events.endsAt, now)))
        .orderBy(asc(events.startsAt))
        .limit(limit);
    },
    /**
     * Claims the events that start within the window and have had no reminder (sets
     * reminder_sent_at): two processes sweeping at once remind each event once.
     */
    async claimDueReminders(now: Date, until: Date): Promise<EventRow[]> {
      return db
        .update(events)
        .set({ reminderSentAt: now })
        .where(and(isNull(events.reminderSentAt), gt(events.startsAt, now), lte(events.startsAt, until)))
        .returning();
    },
    async findPublic(campaignId: string, slug: string): Promise<EventRow | undefined> {
      const [row] = await db.select().from(events).where(and(eq(events.campaignId, campaignId), eq(events.slug, slug), eq(events.isPublic, true)));
      return row;
    },
    async listAll(campaignId: string) {
      return db
        .select({
          event: events,
          rsvps: sql<number>`(count(${eventRsvps.id}) filter (where ${eventRsvps.status} = 'accepted'))::int`,
          checkedIn: sql<number>`(count(${eventRsvps.checkedInAt}) filter (where ${eventRsvps.status} = 'accepted'))::int`,
        })
        .from(events)
        .leftJoin(eventRsvps, eq(eventRsvps.eventId, events.id))
        .where(eq(events.campaignId, campaignId))
        .groupBy(events.id)
        .orderBy(desc(events.startsAt));
    },
    /** Every public event of the instance, newest first, with where it lives (the OSDI collection). */
    async listPublicLocated(): Promise<LocatedEvent[]> {
      return db
        .select({ event: events, campaignSlug: campaigns.slug, campaignTimeZone: campaigns.timeZone, isDefaultCampaign: sql<boolean>`${campaigns.id} = (${defaultCampaignId})` })
        .from(events)
        .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
        .where(eq(events.isPublic, true))
        .orderBy(desc(events.startsAt), asc(events.id));
    },
    async findPublicLocated(id: string): Promise<LocatedEvent | undefined> {
      const [row] = await db
        .select({ event: events, campaignSlug: campaigns.slug, campaignTimeZone: campaigns.timeZone, isDefaultCampaign: sql<boolean>`${campaigns.id} = (${defaultCampaignId})` })
        .from(events)
        .innerJoin(campaigns, eq(campaigns.id, events.campaignId))
        .where(and(eq(events.id, id), eq(events.isPublic, true)));
      return row;
    },
    async find(campaignId: string, id: string): Promise<EventRow | undefined> {
      const [row] = await db.select().from(events).where(and(eq(events.campaignId, campaignId), eq(events.id, id)));
      return row;
    },
    async slugTaken(campaignId: string, slug: string, exceptId?: string): Promise<boolean> {
      const rows = await db.select({ id: events.id }).from(events).where(and(eq(events.campaignId, campaignId), eq(events.slug, slug)));
      return rows.some((r) => r.id !== exceptId);
    },
    async create(input: EventInsert): Promise<EventRow> {
      const [row] = await db.insert(events).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async update(campaignId: string, id: string, changes: Partial<EventInsert>, now: Date): Promise<EventRow | undefined> {
      const [row] = await db
        .update(events)
        .set({ ...changes, updatedAt: now })
        .where(and(eq(events.campaignId, campaignId), eq(events.id, id)))
        .returning();
      return row;
    },
    async remove(campaignId: string, id: string): Promise<boolean> {
      const rows = await db.delete(events).where(and(eq(events.campaignId, campaignId), eq(events.id, id))).returning({ id: events.id });
      return rows.length > 0;
    },
    /** Records an RSVP; a second one with the same email updates the first (same answer to the person). */
    async upsertRsvp(input: { eventId: string; name: string; email: string; phone: string | null; lang: 'en' | 'es' }): Promise<{ created: boolean; row: RsvpRow }> {
      const [row] = await db
        .insert(eventRsvps)
        .values(input)
        .onConflictDoUpdate({
          target: [eventRsvps.eventId, eventRsvps.email],
          // The person answered the page themselves: an RSVP waiting for its email counts now.
          set: { name: input.name, phone: sql`coalesce(excluded.phone, ${eventRsvps.phone})`, lang: input.lang, status: 'accepted', confirmationHash: null, updatedAt: sql`now()` },
        })
        .returning();
      if (!row) throw new Error('upsert returned nothing');
      return { created: row.createdAt.getTime() === row.updatedAt.getTime(), row };
    },
    async addWalkIn(input: { eventId: string; name: string; email: string | null; phone: string | null; at: Date }): Promise<RsvpRow> {
      const [row] = await db
        .insert(eventRsvps)
        .values({ eventId: input.eventId, name: input.name, email: input.email, phone: input.phone, walkIn: true, checkedInAt: input.at })
        .onConflictDoUpdate({ target: [eventRsvps.eventId, eventRsvps.email], set: { checkedInAt: input.at, status: 'accepted', confirmationHash: null, updatedAt: input.at } })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    /** The addresses people RSVPed with (accepted RSVPs: one waiting for its email is nobody's yet) (to one event of the campaign, or to any), with the language they chose, oldest first. */
    async listAttendeeContacts(campaignId: string, eventId: string | null): Promise<{ email: string; lang: 'en' | 'es' }[]> {
      const rows = await db
        .select({ email: eventRsvps.email, lang: eventRsvps.lang })
        .from(eventRsvps)
        .innerJoin(events, eq(events.id, eventRsvps.eventId))
        .where(and(eq(events.campaignId, campaignId), eventId ? eq(events.id, eventId) : undefined, eq(eventRsvps.status, 'accepted'), sql`${eventRsvps.email} is not null`))
        .orderBy(asc(eventRsvps.createdAt));
      return rows.flatMap((r) => (r.email ? [{ email: r.email, lang: r.lang }] : []));
    },
    /** The door list: accepted RSVPs only (one waiting for its email is nobody's yet). */
    async listRsvps(eventId: string): Promise<RsvpRow[]> {
      return db.select().from(eventRsvps).where(and(eq(eventRsvps.eventId, eventId), accepted)).orderBy(asc(eventRsvps.name), asc(eventRsvps.createdAt));
    },
    async setCheckedIn(eventId: string, rsvpId: string, at: Date | null): Promise<RsvpRow | undefined> {
      const [row] = await db
        .update(eventRsvps)
        .set({ checkedInAt: at, updatedAt: at ?? sql`now()` })
        .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.id, rsvpId), accepted))
        .returning();
      return row;
    },
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
