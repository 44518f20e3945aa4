import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { osdiConditionSql } from '../osdi-condition-sql.js';
import { eventRsvps } from '../schema/index.js';
import type { RsvpDetails } from '../schema/public-site.js';
import type { OsdiCondition } from '../../vocabulary/osdi-filter.js';
import type { RsvpRow } from './events-repository.js';

const columns = { id: eventRsvps.id, identifiers: eventRsvps.identifiers, createdAt: eventRsvps.createdAt, updatedAt: eventRsvps.updatedAt, email: eventRsvps.email };

/** An RSVP as the OSDI helper gives it (decision 0038). */
export type HelperRsvp = {
  eventId: string;
  name: string;
  email: string;
  phone: string | null;
  lang: 'en' | 'es';
  details: RsvpDetails;
  identifiers: string[];
  originSystem: string | null;
  at: Date;
};

// The OSDI API's reads and writes of RSVPs ("attendances"); the public page's RSVPs go through
// the events repository.
export function createOsdiAttendancesRepository(db: Executor) {
  return {
    async page(eventId: string, conditions: OsdiCondition[], limit: number, offset: number): Promise<{ total: number; rows: RsvpRow[] }> {
      const where = and(eq(eventRsvps.eventId, eventId), ...conditions.map((c) => osdiConditionSql(c, columns)));
      const [counted] = await db.select({ n: count() }).from(eventRsvps).where(where);
      const rows = await db.select().from(eventRsvps).where(where).orderBy(asc(eventRsvps.createdAt), asc(eventRsvps.id)).limit(limit).offset(offset);
      return { total: counted?.n ?? 0, rows };
    },

    async find(eventId: string, rsvpId: string): Promise<RsvpRow | undefined> {
      const [row] = await db.select().from(eventRsvps).where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.id, rsvpId)));
      return row;
    },

    /**
     * The same person again: by email first (one RSVP per email per event, so a changed address
     * never collides with another RSVP), else by a foreign id they were given before.
     */
    async findMatch(eventId: string, email: string, identifiers: string[]): Promise<RsvpRow | undefined> {
      const [byEmail] = await db.select().from(eventRsvps).where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.email, email.toLowerCase())));
      if (byEmail || identifiers.length === 0) return byEmail;
      const [byId] = await db
        .select()
        .from(eventRsvps)
        .where(and(eq(eventRsvps.eventId, eventId), sql`${eventRsvps.identifiers} && ${sql.param(identifiers)}::text[]`))
        .limit(1);
      return byId;
    },

    /** A new RSVP from the helper: accepted when a key vouches, else waiting for the email's confirmation. */
    async insert(id: string, r: HelperRsvp, state: { status: RsvpRow['status']; source: RsvpRow['source']; confirmationHash: string | null }): Promise<RsvpRow> {
      const [row] = await db
        .insert(eventRsvps)
        .values({
          id,
          eventId: r.eventId,
          name: r.name,
          email: r.email.toLowerCase(),
          phone: r.phone,
          lang: r.lang,
          details: r.details,
          identifiers: r.identifiers,
          originSystem: r.originSystem,
          createdAt: r.at,
          updatedAt: r.at,
          ...state,
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },

    /**
     * What the helper gives again, kept over the row's. A vouched post accepts a waiting RSVP; an
     * unauthenticated one only renews the waiting one's link (an accepted RSVP stays accepted).
     */
    async update(existing: RsvpRow, r: HelperRsvp, state: { status: RsvpRow['status']; source?: RsvpRow['source']; confirmationHash: string | null }): Promise<RsvpRow> {
      const [row] = await db
        .update(eventRsvps)
        .set({
          name: r.name || existing.name,
          email: r.email.toLowerCase(),
          phone: r.phone ?? existing.phone,
          details: { ...existing.details, ...r.details },
          identifiers: [...new Set([...existing.identifiers, ...r.identifiers])],
          originSystem: r.originSystem ?? existing.originSystem,
          updatedAt: r.at,
          ...state,
        })
        .where(eq(eventRsvps.id, existing.id))
        .returning();
      if (!row) throw new Error('update returned nothing');
      return row;
    },

    /** The RSVP a confirmation link names, accepted if it still waits and the secret's hash matches. */
    async acceptByToken(eventId: string, rsvpId: string, secretHash: string, at: Date): Promise<RsvpRow | undefined> {
      const [row] = await db
        .update(eventRsvps)
        .set({ status: 'accepted', confirmationHash: null, updatedAt: at })
        .where(and(eq(eventRsvps.id, rsvpId), eq(eventRsvps.eventId, eventId), eq(eventRsvps.status, 'pending_confirmation'), eq(eventRsvps.confirmationHash, secretHash)))
        .returning();
      return row;
    },
  };
}

export type OsdiAttendancesRepository = ReturnType<typeof createOsdiAttendancesRepository>;
