import { z } from 'zod';
import { slugPattern } from '../domain/public-site/slugify.js';
import { id, slugParams } from './shared.js';

// Pieces shared by the contracts of the public site's content (newsletters, events, press,
// endorsements, petitions): the address of an item on the site, Markdown, "no content".

/** The last part of a public address (`/news/{slug}`), lower-case words joined by dashes. */
export const contentSlug = z.string().trim().max(80).regex(slugPattern, 'use lower-case letters, digits and dashes');
export const markdown = z.string().max(200_000);
/** A 204 answer. */
export const noContent = z.void().meta({ description: 'Done (no content)' });
/** `/api/campaigns/{slug}/<content>/{id}`. */
export const itemParams = slugParams.extend({ id: id('item') });
