import { createElement } from 'react';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Services } from '../../domain/create-services.js';
import { confirmSignup } from '../../domain/integrations/confirm-signup.js';
import type { PublicSite } from '../public-site.js';
import { renderPage } from '../views/layout.js';
import { SignupConfirmPage } from '../views/signup-confirm-page.js';
import type { ZodApp } from '../zod-app.js';

// z.guid: a person's id is an md5 shaped as a uuid (decision 0036), not an RFC 4122 version.
const linkQuery = z.object({ s: z.guid(), t: z.string().min(10).max(100) });

/**
 * The public page an API person signup's confirmation email links to (decision 0036): opening it
 * confirms the signup, as the newsletter's link does. The signup itself is an OSDI route.
 */
export function registerPersonSignupRoutes(app: ZodApp, services: Services, site: PublicSite, config: Config): void {
  site.register(app, { path: '/signup/confirm' }, async (context) => {
    void context.reply.header('cache-control', 'private, no-store');
    const parsed = linkQuery.safeParse(context.request.query);
    const confirmed = parsed.success ? await services.execute(confirmSignup, context.requester, { campaignId: context.campaign.id, supporterId: parsed.data.s, token: parsed.data.t, secret: config.sessionSecret }) : false;
    if (confirmed) services.webhooks.kick();
    return { status: confirmed ? 200 : 400, body: renderPage(createElement(SignupConfirmPage, { site: context.site, confirmed })) };
  });
}
