import type { OsdiTag } from '../../contracts/osdi.js';
import type { TagRow } from '../../db/repositories/tags-repository.js';

/** An OSDI tag (tags.md), with its taggings' link. */
export function presentOsdiTag(tag: TagRow, api: string): OsdiTag {
  const self = `${api}/tags/${tag.id}`;
  return {
    identifiers: [`unionhall:${tag.id}`, ...tag.identifiers],
    origin_system: tag.originSystem ?? 'Unionhall',
    created_date: tag.createdAt.toISOString(),
    modified_date: tag.updatedAt.toISOString(),
    name: tag.name,
    ...(tag.description ? { description: tag.description } : {}),
    _links: { self: { href: self }, 'osdi:taggings': { href: `${self}/taggings` } },
  };
}
