import { z } from 'zod';
import { isDay, isTimeZone } from '../domain/calendar.js';
import { languages } from '../vocabulary/languages.js';
import { roles } from '../vocabulary/roles.js';

// The shared pieces every capability's contract is built from (decision 0018). Routes validate
// and serialize with them, the OpenAPI document is generated from them, and the organizer app
// imports their types: one definition per shape.

export const slug = z.string().min(1).max(80);
export const id = (what: string) => z.uuid(`is not a ${what} id`);
/** A calendar day, `YYYY-MM-DD`, that exists (2026-02-30 does not). */
export const day = z.string().refine(isDay, 'must be a real date as YYYY-MM-DD');
export const timeZone = z.string().max(64).refine(isTimeZone, 'is not a time zone (e.g. America/Los_Angeles)');
/** An instant, as ISO 8601 in responses. */
export const instant = z.string();
export const language = z.enum(languages);
export const role = z.enum(roles);

export const slugParams = z.object({ slug });

/** Paging by offset for organizer lists. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};

/** The error every route may answer with (src/http/plugins/error-handler.ts). */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  }),
});

/** Security requirement of organizer routes: the session cookie (and the CSRF header on writes). */
export const sessionSecurity = [{ session: [] }];
