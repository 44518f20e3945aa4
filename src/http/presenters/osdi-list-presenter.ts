import type { OsdiItem, OsdiList } from '../../contracts/osdi.js';
import type { OsdiItemRow, OsdiListRow } from '../../db/repositories/osdi-lists-repository.js';

/** A committee list as an OSDI list (lists.md): named for its committee member, with its count. */
export function presentOsdiList(list: OsdiListRow, api: string): OsdiList {
  const self = `${api}/lists/${list.accountId}`;
  return {
    identifiers: [`unionhall:${list.accountId}`],
    origin_system: 'Unionhall',
    created_date: list.createdAt.toISOString(),
    modified_date: list.updatedAt.toISOString(),
    name: `Committee list: ${list.accountName}`,
    title: `${list.accountName}'s committee list`,
    description: `The educators ${list.accountName} organizes.`,
    total_items: list.totalItems,
    _links: { self: { href: self }, 'osdi:items': { href: `${self}/items` } },
  };
}

/** One educator on a committee list (items.md): a link to the roster person, nothing more. */
export function presentOsdiItem(item: OsdiItemRow, api: string): OsdiItem {
  const list = `${api}/lists/${item.accountId}`;
  return {
    identifiers: [`unionhall:${item.personId}`],
    origin_system: 'Unionhall',
    created_date: item.assignedAt.toISOString(),
    modified_date: item.assignedAt.toISOString(),
    item_type: 'osdi:person',
    _links: { self: { href: `${list}/items/${item.personId}` }, 'osdi:list': { href: list }, 'osdi:person': { href: `${api}/people/${item.personId}` } },
  };
}
