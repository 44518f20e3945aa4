import { z } from 'zod';
import { cleanLine } from '../support/clean-text.js';
import { emailField } from '../domain/petitions/signature-input.js';

// The OSDI API (https://opensupporter.github.io/osdi-docs/) keeps OSDI's own names (decision
// 0019): HAL resources with snake_case fields. Unknown fields a client sends (triggers, add_lists,
// …) are ignored, never an error: clients are written against many servers (decision 0029).

export const link = z.object({ href: z.string(), title: z.string().optional() });
export const curie = z.object({ name: z.string(), href: z.string(), templated: z.boolean() });
/** Any string: an id that is not a UUID is simply not found (404), as for any other client. */
const petitionParams = z.object({ id: z.string().max(100) });
export const line = (max: number) => z.string().transform(cleanLine).pipe(z.string().max(max, 'is too long'));
export const identifier = z.string().trim().min(1).max(200);
/** A value in custom_fields or a phone number: clients send numbers as often as strings. */
const scalarText = (max: number) => z.union([z.string().max(max, 'is too long'), z.number(), z.boolean()]).transform((v) => String(v));

/** OSDI's error resource (errors.md) beside Unionhall's own `error` object. */
export const osdiErrorResponse = z.object({
  request_type: z.string().optional(),
  response_code: z.number().int().optional(),
  resource_status: z
    .array(
      z.object({
        resource: z.string(),
        response_code: z.number().int(),
        error_descriptions: z.array(z.object({ error_code: z.string(), description: z.string(), properties: z.array(z.string()).optional() })),
      }),
    )
    .optional(),
  error: z.object({ code: z.string(), message: z.string(), fields: z.array(z.object({ field: z.string(), reason: z.string() })).optional() }),
});

/** Paging as OSDI clients send it: `per_page` above `max_pagesize` is clamped, not refused. */
export const OSDI_MAX_PAGESIZE = 25;
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce
    .number()
    .int()
    .min(1)
    .default(OSDI_MAX_PAGESIZE)
    .transform((n) => Math.min(n, OSDI_MAX_PAGESIZE)),
  filter: z.string().max(1000).optional(),
};

export const collection = <T extends z.ZodType>(rel: string, item: T) =>
  z.object({
    total_pages: z.number().int(),
    per_page: z.number().int(),
    page: z.number().int(),
    total_records: z.number().int(),
    // self, next, previous, curies and the items' links under the collection's rel.
    _links: z.record(z.string(), z.union([link, z.array(link), z.array(curie)])),
    _embedded: z.object({ [rel]: z.array(item) }),
  });

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
  _links: z.object({ self: link, 'osdi:signatures': link, 'osdi:record_signature_helper': link, curies: z.array(curie).optional() }),
});
export type OsdiPetition = z.infer<typeof osdiPetition>;

const postalAddress = z.object({
  primary: z.boolean().optional(),
  address_lines: z.array(line(200)).max(5).optional(),
  locality: line(100).optional(),
  region: line(100).optional(),
  // Anywhere in the world: a postal code is the country's business, not ours to shape.
  postal_code: line(20).optional(),
  country: line(60).optional(),
  address_type: line(40).optional(),
  status: line(40).optional(),
  language: line(20).optional(),
});
const phoneNumber = z.object({
  primary: z.boolean().optional(),
  number: scalarText(40),
  number_type: line(40).optional(),
  sms_capable: z.boolean().optional(),
  do_not_call: z.boolean().optional(),
});

export const osdiPersonInput = z.object({
  identifiers: z.array(identifier).max(20).optional(),
  // An email alone is enough (Action Network's rule): names are optional.
  given_name: line(100).optional(),
  family_name: line(100).optional(),
  additional_name: line(100).optional(),
  origin_system: line(100).optional(),
  email_addresses: z
    .array(z.object({ address: emailField, primary: z.boolean().optional(), address_type: line(40).optional(), status: z.enum(['subscribed', 'unsubscribed', 'bouncing', 'spam complaint']).optional() }))
    .min(1, 'needs one address')
    .max(5),
  postal_addresses: z.array(postalAddress).max(5).optional(),
  phone_numbers: z.array(phoneNumber).max(5).optional(),
  custom_fields: z.record(z.string().max(100), scalarText(2000)).optional(),
  languages_spoken: z.array(line(20)).max(5).optional(),
});
export type OsdiPersonInput = z.infer<typeof osdiPersonInput>;

/**
 * The person signup helper's body (person_signup.md), and Action Network's `POST /people`, which
 * also takes a bare person: that is wrapped as `{person}`. Every other field the spec defines for
 * a person (gender, birthdate, employer…) is kept as sent (decision 0036).
 */
export const osdiSignupInput = z.preprocess(
  (body) => (body !== null && typeof body === 'object' && !Array.isArray(body) && !('person' in body) ? { person: body } : body),
  z.object({
    person: osdiPersonInput.extend({ custom_fields: z.record(z.string().max(100), scalarText(2000)).optional() }).catchall(z.unknown()),
    add_tags: z.array(line(100)).max(50).optional(),
    // Action Network's: ignored, as any field we do not act on (lists are committee lists here).
    remove_tags: z.array(line(100)).max(50).optional(),
  }),
);
export type OsdiSignupInput = z.infer<typeof osdiSignupInput>;

export const osdiSignatureInput = z.object({
  person: osdiPersonInput,
  identifiers: z.array(identifier).max(20).optional(),
  origin_system: line(100).optional(),
  action_date: z.iso.datetime({ offset: true }).optional(),
  comments: z.string().trim().max(2000, 'is too long').optional(),
  referrer_data: z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()])).optional(),
  add_tags: z.array(line(100)).max(50).optional(),
});
export type OsdiSignatureInput = z.infer<typeof osdiSignatureInput>;

export const osdiSignature = z.object({
  identifiers: z.array(z.string()),
  created_date: z.string(),
  modified_date: z.string(),
  action_date: z.string().optional(),
  origin_system: z.string(),
  comments: z.string().optional(),
  referrer_data: z.record(z.string(), z.unknown()).optional(),
  add_tags: z.array(z.string()).optional(),
  status: z.string(),
  _links: z.object({ self: link, 'osdi:petition': link }),
  _embedded: z.object({
    'osdi:person': z.object({
      given_name: z.string().optional(),
      family_name: z.string().optional(),
      email_addresses: z.array(z.object({ address: z.string(), primary: z.boolean(), status: z.string() })),
      postal_addresses: z.array(z.record(z.string(), z.unknown())),
      phone_numbers: z.array(z.record(z.string(), z.unknown())),
      custom_fields: z.record(z.string(), z.string()),
    }),
  }),
});
export type OsdiSignature = z.infer<typeof osdiSignature>;

/** An OSDI person (people.md). Fields the spec defines that a client sent us (gender, birthdate…) come back as sent. */
export const osdiPerson = z
  .object({
    identifiers: z.array(z.string()),
    origin_system: z.string(),
    created_date: z.string(),
    modified_date: z.string(),
    given_name: z.string().optional(),
    family_name: z.string().optional(),
    additional_name: z.string().optional(),
    email_addresses: z.array(z.object({ address: z.string(), primary: z.boolean(), status: z.string().optional() })),
    postal_addresses: z.array(z.record(z.string(), z.unknown())),
    phone_numbers: z.array(z.record(z.string(), z.unknown())),
    custom_fields: z.record(z.string(), z.string()),
    languages_spoken: z.array(z.string()).optional(),
    _links: z.record(z.string(), z.union([link, z.array(curie)])),
  })
  .catchall(z.unknown());
export type OsdiPerson = z.infer<typeof osdiPerson>;

export const osdiTag = z.object({
  identifiers: z.array(z.string()),
  origin_system: z.string(),
  created_date: z.string(),
  modified_date: z.string(),
  name: z.string(),
  description: z.string().optional(),
  _links: z.record(z.string(), z.union([link, z.array(curie)])),
});
export type OsdiTag = z.infer<typeof osdiTag>;

export const osdiTagging = z.object({
  identifiers: z.array(z.string()),
  origin_system: z.string(),
  created_date: z.string(),
  modified_date: z.string(),
  item_type: z.literal('osdi:person'),
  _links: z.record(z.string(), z.union([link, z.array(curie)])),
});
export type OsdiTagging = z.infer<typeof osdiTagging>;

export const osdiList = z.object({
  identifiers: z.array(z.string()),
  origin_system: z.string(),
  created_date: z.string(),
  modified_date: z.string(),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  total_items: z.number().int(),
  _links: z.record(z.string(), z.union([link, z.array(curie)])),
});
export type OsdiList = z.infer<typeof osdiList>;

export const osdiItem = z.object({
  identifiers: z.array(z.string()),
  origin_system: z.string(),
  created_date: z.string(),
  modified_date: z.string(),
  item_type: z.literal('osdi:person'),
  _links: z.record(z.string(), z.union([link, z.array(curie)])),
});
export type OsdiItem = z.infer<typeof osdiItem>;

const tagInput = z.object({
  name: line(100).pipe(z.string().min(1, 'is required')),
  description: z.string().trim().max(1000, 'is too long').optional(),
  identifiers: z.array(identifier).max(20).optional(),
  origin_system: line(100).optional(),
});
const taggingInput = z.object({
  identifiers: z.array(identifier).max(20).optional(),
  origin_system: line(100).optional(),
  item_type: z.literal('osdi:person', { error: 'can only be osdi:person' }).optional(),
  // The person, by the link the API gave them (`…/people/{id}`).
  _links: z.object({ 'osdi:person': z.object({ href: z.string().max(500).regex(/\/people\/[^/?#]+\/?$/, 'must be a link to a person (…/api/v1/people/{id})') }) }),
});

const entryLinks = z.record(z.string(), z.union([link, z.array(curie)]));

export const osdiContract = {
  viewOsdiEntryPoint: {
    response: z.object({
      motd: z.string(),
      product_name: z.string(),
      osdi_version: z.string(),
      vendor_name: z.string(),
      namespace: z.string(),
      max_pagesize: z.number().int(),
      _links: entryLinks,
    }),
  },
  listOsdiPetitions: { query: z.object(pageQuery), response: collection('osdi:petitions', osdiPetition) },
  viewOsdiPetition: { params: petitionParams, response: osdiPetition },
  listOsdiSignatures: { params: petitionParams, query: z.object(pageQuery), response: collection('osdi:signatures', osdiSignature) },
  viewOsdiSignature: { params: z.object({ id: z.string().max(100), signatureId: z.string().max(100) }), response: osdiSignature },
  recordOsdiSignature: {
    params: petitionParams,
    body: osdiSignatureInput,
    /** `{}` without a key, as Action Network answers; with a write-scoped key, the signature. */
    response: z.union([osdiSignature, z.object({})]),
  },
  recordOsdiSignup: {
    body: osdiSignupInput,
    /** `{}` without a key (the address confirms by email); with a write-scoped key, the person. */
    response: z.union([osdiPerson, z.object({})]),
  },
  listOsdiTags: { query: z.object(pageQuery), response: collection('osdi:tags', osdiTag) },
  viewOsdiTag: { params: z.object({ id: z.string().max(100) }), response: osdiTag },
  createOsdiTag: { body: tagInput, response: osdiTag },
  listOsdiTaggings: { params: z.object({ id: z.string().max(100) }), query: z.object(pageQuery), response: collection('osdi:taggings', osdiTagging) },
  viewOsdiTagging: { params: z.object({ id: z.string().max(100), taggingId: z.string().max(100) }), response: osdiTagging },
  createOsdiTagging: { params: z.object({ id: z.string().max(100) }), body: taggingInput, response: osdiTagging },
  deleteOsdiTagging: { params: z.object({ id: z.string().max(100), taggingId: z.string().max(100) }), response: z.object({ notice: z.string() }) },
  listOsdiPersonTaggings: { params: z.object({ id: z.string().max(100) }), query: z.object(pageQuery), response: collection('osdi:taggings', osdiTagging) },
  listOsdiLists: { query: z.object(pageQuery), response: collection('osdi:lists', osdiList) },
  viewOsdiList: { params: z.object({ id: z.string().max(100) }), response: osdiList },
  listOsdiItems: { params: z.object({ id: z.string().max(100) }), query: z.object(pageQuery), response: collection('osdi:items', osdiItem) },
  viewOsdiItem: { params: z.object({ id: z.string().max(100), itemId: z.string().max(100) }), response: osdiItem },
  listOsdiPeople: { query: z.object(pageQuery), response: collection('osdi:people', osdiPerson) },
  viewOsdiPerson: { params: z.object({ id: z.string().max(100) }), response: osdiPerson },
} as const;
