import type { OsdiTagging } from '../../contracts/osdi.js';
import type { TaggingRow } from '../../db/repositories/tags-repository.js';

/** An OSDI tagging (taggings.md): links to its tag and its person, nothing of the person itself. */
export function presentOsdiTagging(t: TaggingRow, api: string): OsdiTagging {
  const tag = `${api}/tags/${t.tagId}`;
  return {
    identifiers: [`unionhall:${t.id}`, ...t.identifiers],
    origin_system: t.originSystem ?? 'Unionhall',
    created_date: t.createdAt.toISOString(),
    modified_date: t.updatedAt.toISOString(),
    item_type: 'osdi:person',
    _links: { self: { href: `${tag}/taggings/${t.id}` }, 'osdi:tag': { href: tag }, 'osdi:person': { href: `${api}/people/${t.supporterId}` } },
  };
}
