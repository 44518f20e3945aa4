import { sql, type SQL } from 'drizzle-orm';
import type { PersonLink } from '../crypto/person-link.js';

/**
 * SQL for a person's pseudonym, HMAC-SHA-256(link key, person id) (decision 0028), from PostgreSQL's
 * built-in sha256(): the key's padded halves travel as bound parameters of this one statement and
 * are never stored or logged (the app logs no SQL parameters; PostgreSQL logs none by default).
 */
export function pseudonymSql(link: PersonLink, personId: SQL): SQL {
  return sql`sha256(${link.outerPad}::bytea || sha256(${link.innerPad}::bytea || uuid_send(${personId})))`;
}

/**
 * The pseudonym of a card's person (`alias` is a cards or card_verifications row): its keyed link,
 * or, for a row written before 0028 and not yet keyed (a demo loaded straight into the database,
 * until the next start keys it), the pseudonym of its clear person_id. coalesce() evaluates the
 * second only when the first is null, so keyed rows cost nothing more.
 */
export function cardPseudonymSql(link: PersonLink, alias: string): SQL {
  const a = sql.raw(alias);
  return sql`coalesce(${a}.person_key, ${pseudonymSql(link, sql`${a}.person_id`)})`;
}

/** A condition: the card row `alias` is linked to the person whose id is the SQL `personId`. */
export function cardOfPersonSql(link: PersonLink, alias: string, personId: SQL): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.person_key = ${pseudonymSql(link, personId)} or ${a}.person_id = ${personId})`;
}

/**
 * A condition: the assessment row `alias` rates the person whose id is the SQL `personId`. Ratings
 * are keyed like cards (decision 0028, ratings): the pseudonym probes `assessments_person_key_idx`;
 * a rating not yet keyed (a demo loaded straight into the database, until the next start) matches
 * by its clear person_id (`assessments_legacy_person_idx`).
 */
export function ratingOfPersonSql(link: PersonLink, alias: string, personId: SQL): SQL {
  return cardOfPersonSql(link, alias, personId);
}
