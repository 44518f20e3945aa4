import { z } from 'zod';
import { cleanLine } from '../support/clean-text.js';
import { emailField, zipField } from '../domain/petitions/signature-input.js';

// The OSDI API (https://opensupporter.github.io/osdi-docs/) keeps OSDI's own names (decision
// 0019): HAL resources with snake_case fields. Public, cookie-less, aggregates only.

const link = z.object({ href: z.string(), title: z.string().optional() });
const curie = z.object({ name: z.string(), href: z.string(), templated: z.boolean() });
/** Any string: an id that is not a UUID is simply not found (404), as for any other client. */
const petitionParams = z.object({ id: z.string().max(100) });

export const osdiPetition = z.object({
  identifiers: z.array(z.string()),
  origin_system: z.string(),
  created_date: z.string(),
  modified_date: z.string(),
  title: z.string(),
  name: z.string(),
  petition_text: z.string(),
  browser_url: z.string(),
  target: z.array(z.object({ name: z.string() })),
  total_signatures: z.number().int(),
  _links: z.object({ self: link, 'osdi:record_signature_helper': link, curies: z.array(curie).optional() }),
});
export type OsdiPetition = z.infer<typeof osdiPetition>;

export const osdiContract = {
  viewOsdiEntryPoint: {
    response: z.object({
      motd: z.string(),
      product_name: z.string(),
      osdi_version: z.string(),
      vendor_name: z.string(),
      max_pagesize: z.number().int(),
      _links: z.object({ self: link, curies: z.array(curie), 'osdi:petitions': link }),
    }),
  },
  listOsdiPetitions: {
    query: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1), per_page: z.coerce.number().int().min(1).max(25).default(25) }),
    response: z.object({
      total_pages: z.number().int(),
      per_page: z.number().int(),
      page: z.number().int(),
      total_records: z.number().int(),
      _links: z.object({ self: link, next: link.optional(), curies: z.array(curie), 'osdi:petitions': z.array(link) }),
      _embedded: z.object({ 'osdi:petitions': z.array(osdiPetition) }),
    }),
  },
  viewOsdiPetition: { params: petitionParams, response: osdiPetition },
  recordOsdiSignature: {
    params: petitionParams,
    body: z.object({
      person: z.object({
        // One-line fields: a line break or a tab inside a name is a space (src/support/clean-text.ts).
        given_name: z.string().transform(cleanLine).pipe(z.string().min(1, 'is required').max(100, 'is too long')),
        family_name: z.string().transform(cleanLine).pipe(z.string().min(1, 'is required').max(100, 'is too long')),
        email_addresses: z.array(z.object({ address: emailField })).min(1, 'needs one address').max(5),
        postal_addresses: z.array(z.object({ postal_code: zipField.optional(), locality: z.string().transform(cleanLine).pipe(z.string().max(100)).optional() })).max(5).optional(),
      }),
      comments: z.string().trim().max(2000, 'is too long').optional(),
    }),
    /** Action Network's answer to every signature, new, duplicate or held alike. */
    response: z.object({}),
  },
} as const;
