import { createElement } from 'react';
import { z } from 'zod';
import { eventsContract } from '../../contracts/events.js';
import type { Services } from '../../domain/create-services.js';
import { addWalkIn } from '../../domain/events/add-walk-in.js';
import { checkInRsvp } from '../../domain/events/check-in-rsvp.js';
import { confirmRsvp } from '../../domain/events/confirm-rsvp.js';
import { createEvent } from '../../domain/events/create-event.js';
import { deleteEvent } from '../../domain/events/delete-event.js';
import { exportRsvps } from '../../domain/events/export-rsvps.js';
import { findPublicEvent } from '../../domain/events/find-public-event.js';
import { listEvents } from '../../domain/events/list-events.js';
import { listRsvps } from '../../domain/events/list-rsvps.js';
import { listUpcomingEvents } from '../../domain/events/list-upcoming-events.js';
import { rsvpToEvent } from '../../domain/events/rsvp-to-event.js';
import { updateEvent } from '../../domain/events/update-event.js';
import { buildEventCalendar, type CalendarEvent } from '../../domain/public-site/event-calendar.js';
import { listCalendarEvents } from '../../domain/events/list-calendar-events.js';
import type { EventRow } from '../../db/repositories/events-repository.js';
import { renderMarkdown } from '../../domain/public-site/render-markdown.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { renderRsvpsCsv } from '../../documents/events/rsvps-csv.js';
import { renderActionNetworkRsvpsCsv } from '../../documents/action-network/action-network-csv.js';
import { exportActionNetworkRsvps } from '../../domain/events/export-action-network-rsvps.js';
import { operation, requesterOf } from '../operation.js';
import { presentEvent, presentRsvp } from '../presenters/public-content-presenter.js';
import { PublicNotFound, type PublicPageContext, type PublicSite } from '../public-site.js';
import { EventPage, type RsvpField, type RsvpForm } from '../views/event-page.js';
import { EventsPage } from '../views/events-page.js';
import { renderPage } from '../views/layout.js';
import { toEventSummary } from '../views/to-view-models.js';
import type { ZodApp } from '../zod-app.js';
import { cleanLine } from '../../support/clean-text.js';

const tags = ['events'];
const c = eventsContract;

const rsvpInput = z.object({
  name: z.string().transform(cleanLine).pipe(z.string().min(1).max(200)),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^$|^[0-9+().\-\s]{7,40}$/),
});

export type EventRoutesOptions = { rsvpRateLimitPerMinute?: number };

export function registerEventRoutes(app: ZodApp, services: Services, site: PublicSite, options: EventRoutesOptions = {}): void {
  site.register(app, { path: '/events', cache: true }, async ({ campaign, site: model, requester }) => {
    const rows = await services.read(listUpcomingEvents, requester, { campaignId: campaign.id });
    return { body: renderPage(createElement(EventsPage, { site: model, events: rows.map((e) => toEventSummary(e, model.base)) })) };
  });

  async function renderEvent(context: PublicPageContext, form: { values?: Record<RsvpField, string>; errors?: Partial<Record<RsvpField, string>>; thanks?: boolean }, status = 200) {
    const { campaign, site: model, params, reply, requester } = context;
    const found = await services.read(findPublicEvent, requester, { campaignId: campaign.id, eventSlug: params.eventSlug ?? '' });
    if (!found) throw new PublicNotFound();
    const { event, isPast } = found;
    const rsvpForm: RsvpForm = {
      action: `${model.base}/events/${event.slug}/rsvp`,
      // Also sets the signed cookie the token is checked against (see plugins/csrf.ts).
      csrfToken: reply.generateCsrf(),
      values: form.values ?? { name: '', email: '', phone: '' },
      errors: form.errors ?? {},
    };
    void reply.header('cache-control', 'private, no-store');
    return {
      status,
      body: renderPage(
        createElement(EventPage, {
          site: model,
          event: { ...toEventSummary(event, model.base), endsAt: event.endsAt, description: event.description, descriptionHtml: renderMarkdown(event.description) },
          isPast,
          rsvpOpen: event.rsvpOpen,
          thanks: form.thanks ?? false,
          form: rsvpForm,
        }),
      ),
    };
  }

  site.register(app, { path: '/events/:eventSlug' }, async (context) => {
    const query = context.request.query as Record<string, unknown>;
    return renderEvent(context, { thanks: query.rsvp === 'thanks' });
  });

  // The link an RSVP posted to the OSDI helper without a key is emailed (decision 0038).
  site.register(app, { path: '/events/:eventSlug/confirm' }, async (context) => {
    const { campaign, site: model, params, request, reply, requester } = context;
    const found = await services.read(findPublicEvent, requester, { campaignId: campaign.id, eventSlug: params.eventSlug ?? '' });
    const token = (request.query as Record<string, unknown>).token;
    if (!found || typeof token !== 'string' || token.length > 200) throw new PublicNotFound();
    const result = await services.execute(confirmRsvp, requester, { campaignId: campaign.id, eventId: found.event.id, token });
    if (!result) throw new PublicNotFound();
    // The first click may have recorded webhook events: deliver them after the commit.
    if (result === 'confirmed') services.webhooks.kick();
    await reply.redirect(`${model.base}/events/${found.event.slug}?rsvp=thanks`, 303);
    return null;
  });

  const toCalendarEvent = (event: EventRow, siteUrl: string): CalendarEvent => ({
    id: event.id,
    title: event.title,
    descriptionMarkdown: event.description,
    location: event.location,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    updatedAt: event.updatedAt,
    url: `${siteUrl}/events/${event.slug}`,
  });
  const host = new URL(site.publicUrl).hostname;

  // Every public event in one calendar to subscribe to (webcal://…/events/calendar.ics); the static
  // path wins over the event pages' `:eventSlug`.
  site.register(app, { path: '/events/calendar.ics', cache: true }, async ({ campaign, site: model, requester }) => {
    const rows = await services.read(listCalendarEvents, requester, { campaignId: campaign.id });
    const body = buildEventCalendar(
      rows.map((event) => toCalendarEvent(event, model.siteUrl)),
      { host, name: campaign.name },
    );
    return { body, type: 'text/calendar; charset=utf-8' };
  });

  site.register(app, { path: '/events/:eventSlug/calendar.ics', cache: true }, async ({ campaign, site: model, params, requester }) => {
    const found = await services.read(findPublicEvent, requester, { campaignId: campaign.id, eventSlug: params.eventSlug ?? '' });
    if (!found) throw new PublicNotFound();
    return { body: buildEventCalendar([toCalendarEvent(found.event, model.siteUrl)], { host }), type: 'text/calendar; charset=utf-8' };
  });

  // The RSVP form (works without JavaScript): CSRF token in `_csrf`, a honeypot, a per-IP limit.
  site.register(
    app,
    { path: '/events/:eventSlug/rsvp', method: 'POST', routeOptions: { config: { rateLimit: { max: options.rsvpRateLimitPerMinute ?? 10, timeWindow: '1 minute' } } } },
    async (context) => {
      const { campaign, site: model, params, request, reply, locale, requester } = context;
      const found = await services.read(findPublicEvent, requester, { campaignId: campaign.id, eventSlug: params.eventSlug ?? '' });
      if (!found) throw new PublicNotFound();
      const { event } = found;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
      const values = { name: text('name'), email: text('email'), phone: text('phone') };
      const thanksUrl = `${model.base}/events/${event.slug}?rsvp=thanks`;
      // A bot filled the invisible field: answer as if it worked, store nothing.
      if (text('website') !== '') {
        await reply.redirect(thanksUrl, 303);
        return null;
      }
      if (!event.rsvpOpen || found.isPast) return renderEvent(context, { values }, 409);
      const parsed = rsvpInput.safeParse(values);
      if (!parsed.success) {
        const errors: Partial<Record<RsvpField, string>> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path[0];
          if (field === 'name' || field === 'email' || field === 'phone') errors[field] = locale.t(`events.rsvp.error.${field}`);
        }
        return renderEvent(context, { values, errors }, 400);
      }
      const { name, email, phone } = parsed.data;
      // The command checks again, in its transaction: the event may have closed meanwhile.
      const result = await services.execute(rsvpToEvent, requester, { campaign, eventSlug: event.slug, name, email, phone: phone === '' ? null : phone, lang: locale.lang, siteUrl: model.siteUrl });
      if (!result.ok && result.reason === 'not_found') throw new PublicNotFound();
      if (!result.ok) return renderEvent(context, { values }, 409);
      // A new RSVP recorded a webhook event: deliver it after the commit.
      services.webhooks.kick();
      await reply.redirect(thanksUrl, 303);
      return null;
    },
  );

  // ---- Organizers (public.manage; exports need export.individual) ----
  app.get('/api/campaigns/:slug/events', { schema: operation('listEvents', c.listEvents, { tags }) }, async (request) => {
    const result = await services.read(listEvents, requesterOf(request), { slug: request.params.slug });
    return { timeZone: result.timeZone, events: result.events.map(presentEvent) };
  });

  app.post('/api/campaigns/:slug/events', { schema: operation('createEvent', c.createEvent, { tags, status: 201 }) }, async (request, reply) => {
    const view = await services.execute(createEvent, requesterOf(request), { slug: request.params.slug, event: request.body });
    site.cache.invalidateCampaign(view.row.campaignId);
    return reply.status(201).send({ event: presentEvent(view) });
  });

  app.patch('/api/campaigns/:slug/events/:id', { schema: operation('updateEvent', c.updateEvent, { tags }) }, async (request) => {
    const view = await services.execute(updateEvent, requesterOf(request), { slug: request.params.slug, eventId: request.params.id, changes: request.body });
    site.cache.invalidateCampaign(view.row.campaignId);
    return { event: presentEvent(view) };
  });

  app.delete('/api/campaigns/:slug/events/:id', { schema: operation('deleteEvent', c.deleteEvent, { tags, status: 204 }) }, async (request, reply) => {
    const { campaignId } = await services.execute(deleteEvent, requesterOf(request), { slug: request.params.slug, eventId: request.params.id });
    site.cache.invalidateCampaign(campaignId);
    return reply.status(204).send();
  });

  // The RSVP list names community members: every view is in the audit log (the command's).
  app.get('/api/campaigns/:slug/events/:id/rsvps', { schema: operation('listRsvps', c.listRsvps, { tags }) }, async (request) => {
    const result = await services.execute(listRsvps, requesterOf(request), { slug: request.params.slug, eventId: request.params.id });
    return { event: presentEvent(result.event), rsvps: result.rsvps.map(presentRsvp) };
  });

  app.get('/api/campaigns/:slug/events/:id/rsvps/export.csv', { schema: operation('exportRsvps', c.exportRsvps, { tags, produces: 'text/csv' }) }, async (request, reply) => {
    const { event, rsvps } = await services.execute(exportRsvps, requesterOf(request), { slug: request.params.slug, eventId: request.params.id });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', formatContentDisposition(`${event.slug}-rsvps.csv`))
      .header('cache-control', 'private, no-store')
      .send(renderRsvpsCsv(rsvps));
  });

  app.get('/api/campaigns/:slug/events/:id/rsvps/action-network.csv', { schema: operation('exportActionNetworkRsvps', c.exportActionNetworkRsvps, { tags, produces: 'text/csv' }) }, async (request, reply) => {
    const { event, rsvps } = await services.execute(exportActionNetworkRsvps, requesterOf(request), { slug: request.params.slug, eventId: request.params.id });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', formatContentDisposition(`${event.slug}-rsvps-action-network.csv`))
      .header('cache-control', 'private, no-store')
      .send(renderActionNetworkRsvpsCsv(rsvps));
  });

  // Check-in at the door: mark (or unmark) an RSVP, or add a walk-in who is checked in at once.
  app.post('/api/campaigns/:slug/events/:id/rsvps/:rsvpId/check-in', { schema: operation('checkInRsvp', c.checkInRsvp, { tags }) }, async (request) => {
    const { slug, id, rsvpId } = request.params;
    const row = await services.execute(checkInRsvp, requesterOf(request), { slug, eventId: id, rsvpId, checkedIn: request.body.checkedIn });
    return { rsvp: presentRsvp(row) };
  });

  app.post('/api/campaigns/:slug/events/:id/walk-ins', { schema: operation('addWalkIn', c.addWalkIn, { tags, status: 201 }) }, async (request, reply) => {
    const b = request.body;
    const row = await services.execute(addWalkIn, requesterOf(request), { slug: request.params.slug, eventId: request.params.id, name: b.name, email: b.email ?? null, phone: b.phone || null });
    return reply.status(201).send({ rsvp: presentRsvp(row) });
  });
}
