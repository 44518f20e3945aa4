import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Keyring } from '../../crypto/keyring.js';
import type { Executor } from '../client.js';
import { ratingOfPersonSql } from '../person-link-sql.js';
import { rosterColumnMappings, rosterImports, type RosterImportCounts, type RosterInvalidRow } from '../schema/index.js';

/** One roster line, parsed and looked up, as it is staged for the set-wise merge. */
export type StagedRow = {
  line: number;
  employeeId: string | null;
  givenName: string | null;
  familyName: string | null;
  workEmail: string | null;
  personalEmail: string | null;
  phone: string | null;
  worksiteId: string | null;
  /** Meaningful only when `unitGiven`: null means "not in a bargaining unit". */
  unitId: string | null;
  unitGiven: boolean;
  jobTitle: string | null;
  startDate: string | null;
  /** Why the row cannot be imported, or null when it can. */
  invalid: string | null;
};

// The roster import works set-wise inside PostgreSQL: rows are streamed into a temporary table
// with COPY FROM STDIN (decision 0044), then compared with the roster in a handful of statements.
// Memory stays flat however long the file, and the whole import is one transaction: it lands
// completely or not at all.

export type ImportOptions = { campaignId: string; effectiveDate: string; mode: 'update' | 'full' };

export type PreviewPerson = {
  line: number | null;
  personId: string | null;
  givenName: string;
  familyName: string;
  employeeId: string | null;
  workEmail: string | null;
  worksiteName: string | null;
  jobTitle: string | null;
  unitName: string | null;
};
export type PreviewChange = PreviewPerson & { changes: { field: string; from: string | null; to: string | null }[] };

export type ImportDiff = {
  counts: Omit<RosterImportCounts, 'leavingEnded'>;
  new: PreviewPerson[];
  changed: PreviewChange[];
  leaving: PreviewPerson[];
  invalid: RosterInvalidRow[];
};

export type ImportRecord = {
  campaignId: string;
  accountId: string | null;
  actorLabel: string;
  fileName: string | null;
  mapping: Record<string, string>;
  confirmLeaving: boolean;
};

type Query = <Row = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<{ rows: Row[]; rowCount: number | null }>;

/**
 * Runs SQL written with numbered parameters ($1, $2 …) on the executor (the command's transaction,
 * or a savepoint in it): the import's statements read as PostgreSQL writes them, and each value is
 * still sent as a bound parameter, never spliced into the text.
 */
function positional(db: Executor): Query {
  return async <Row,>(text: string, values: unknown[] = []) => {
    const chunks: SQL[] = [];
    let last = 0;
    for (const match of text.matchAll(/\$(\d+)/g)) {
      chunks.push(sql.raw(text.slice(last, match.index)), sql`${sql.param(values[Number(match[1]) - 1])}`);
      last = match.index + match[0].length;
    }
    chunks.push(sql.raw(text.slice(last)));
    const result = await db.execute(sql.join(chunks));
    return { rows: result.rows as Row[], rowCount: result.rowCount };
  };
}

const ROLLBACK = Symbol('dry run');
// One import or undo at a time per campaign (the second waits): the same key for both.
const IMPORT_LOCK = 7263100;

export function createRosterImportRepository(db: Executor, keyring: Keyring) {
  function session(tx: Executor, q: Query, options: ImportOptions) {
    const { campaignId, effectiveDate } = options;

    return {
      /**
       * Streams validated rows (an object-mode stream of StagedRow) into the staging table with one
       * COPY FROM STDIN, while the rows are still being read: PostgreSQL stores them as fast as
       * it can read them, and no batch is ever held in memory. Returns the number of rows staged.
       */
      async stage(rows: Readable): Promise<number> {
        const copy = copyClient(tx).query(
          copyFrom(`copy roster_stage (line, employee_id, given_name, family_name, work_email, personal_email, phone, worksite_id, unit_id, unit_given, job_title, start_date, invalid) from stdin`),
        );
        await pipeline(rows, new CopyTextEncoder(), copy);
        return copy.rowCount;
      },

      /** Matches rows to people, finds conflicts and classifies each row; then the diff. */
      async classify(previewLimit: number): Promise<ImportDiff> {
        await q('create index on roster_stage (line)');
        await q('analyze roster_stage');
        // The same person twice in one file: the first line wins, the others are reported.
        for (const column of ['employee_id', 'work_email', 'personal_email']) {
          await q(
            `update roster_stage s set invalid = '${column.replace('_', ' ')} ' || s.${column} || ' is also on line ' || d.first_line
             from (select ${column} k, min(line) first_line from roster_stage where invalid is null and ${column} is not null group by ${column} having count(*) > 1) d
             where s.${column} = d.k and s.line > d.first_line and s.invalid is null`,
          );
        }
        await q(
          `update roster_stage s set person_id = p.id, matched_by = 'employee_id'
           from people p where p.campaign_id = $1 and p.employee_id = s.employee_id and s.employee_id is not null`,
          [campaignId],
        );
        for (const [column, expr] of [
          ['work_email', 'lower(p.work_email)'],
          ['personal_email', 'lower(p.personal_email)'],
        ] as const) {
          await q(
            `update roster_stage s set person_id = m.person_id, matched_by = '${column}', person_employee_id = m.employee_id,
               invalid = case when m.n > 1 then coalesce(s.invalid || '; ', '') || '${column.replace('_', ' ')} ' || s.${column} || ' matches ' || m.n || ' people' else s.invalid end
             from (select s2.line, (array_agg(p.id order by p.id))[1] person_id, (array_agg(p.employee_id order by p.id))[1] employee_id, count(*) n
                   from roster_stage s2 join people p on p.campaign_id = $1 and ${expr} = s2.${column}
                   where s2.person_id is null and s2.${column} is not null group by s2.line) m
             where s.line = m.line`,
            [campaignId],
          );
        }
        // Matched by email but the file gives another employee id: two different people, or a typo.
        await q(
          `update roster_stage set invalid = 'email belongs to employee id ' || person_employee_id || ', not ' || employee_id
           where invalid is null and matched_by <> 'employee_id' and employee_id is not null and person_employee_id is not null and person_employee_id <> employee_id`,
        );
        // The file's email already belongs to someone else on the roster.
        await q(
          `update roster_stage s set invalid = 'work email ' || s.work_email || ' belongs to another person on the roster'
           where s.invalid is null and s.work_email is not null
             and exists (select 1 from people p where p.campaign_id = $1 and lower(p.work_email) = s.work_email and p.id is distinct from s.person_id)`,
          [campaignId],
        );
        await q(
          `update roster_stage s set invalid = 'same person as line ' || d.first_line
           from (select person_id, min(line) first_line from roster_stage where invalid is null and person_id is not null group by person_id having count(*) > 1) d
           where s.person_id = d.person_id and s.line > d.first_line and s.invalid is null`,
        );
        // Temporary tables are never analyzed automatically; without fresh statistics the planner
        // takes the matched columns for all-null and picks nested loops over the whole file.
        await q('analyze roster_stage');
        await q(
          `update roster_stage s set current_employment_id = e.id, cur_worksite_id = e.worksite_id, cur_unit_id = e.unit_id, cur_job_title = e.job_title
           from employments e
           where e.person_id = s.person_id and e.campaign_id = $1 and e.start_date <= $2::date and (e.end_date is null or e.end_date >= $2::date)`,
          [campaignId, effectiveDate],
        );
        await q(
          `update roster_stage s set
             person_changed = (p.given_name is distinct from s.given_name or p.family_name is distinct from s.family_name
               or (s.employee_id is not null and p.employee_id is distinct from s.employee_id)
               or (s.work_email is not null and lower(p.work_email) is distinct from s.work_email)
               or (s.personal_email is not null and lower(p.personal_email) is distinct from s.personal_email)
               or (s.phone is not null and p.phone is distinct from s.phone)),
             employment_changed = (s.current_employment_id is null or s.cur_worksite_id <> s.worksite_id or s.cur_job_title <> s.job_title
               or (s.unit_given and s.cur_unit_id is distinct from s.unit_id))
           from people p where p.id = s.person_id and s.invalid is null`,
        );
        // History is written forward only: a change dated before a later one would rewrite the past.
        await q(
          `update roster_stage s set invalid = 'the roster already has a change for this person dated ' || to_char(e.latest, 'YYYY-MM-DD') || ', on or after the effective date'
           from (select person_id, max(start_date) latest from employments where campaign_id = $1 group by person_id) e
           where s.person_id = e.person_id and s.invalid is null and s.employment_changed and e.latest >= $2::date`,
          [campaignId, effectiveDate],
        );
        await q(
          `update roster_stage set kind = case when invalid is not null then 'invalid' when person_id is null then 'new'
             when person_changed or employment_changed then 'changed' else 'unchanged' end`,
        );
        await q('analyze roster_stage');
        return this.diff(previewLimit);
      },

      async diff(previewLimit: number): Promise<ImportDiff> {
        const counts = await q(`select kind, count(*)::int n from roster_stage group by kind`);
        const n = (kind: string): number => (counts.rows as { kind: string; n: number }[]).find((r) => r.kind === kind)?.n ?? 0;
        const leavingCount = options.mode === 'full' ? await q(`select count(distinct l.person_id)::int n from (${leavingEmployments}) l`, [campaignId, effectiveDate]) : null;
        const rowCount = (counts.rows as { n: number }[]).reduce((sum, r) => sum + r.n, 0);
        const newRows = await q<PreviewDbRow>(
          `select s.line, null::uuid person_id, s.given_name, s.family_name, s.employee_id, s.work_email, w.name worksite_name, s.job_title, u.name unit_name
           from roster_stage s left join worksites w on w.id = s.worksite_id left join bargaining_units u on u.id = s.unit_id
           where s.kind = 'new' order by s.line limit $1`,
          [previewLimit],
        );
        const changedRows = await q<ChangedDbRow>(
          `select s.line, s.person_id, s.given_name, s.family_name, s.employee_id, s.work_email, s.personal_email, s.phone, w.name worksite_name, s.job_title, u.name unit_name, s.unit_given,
             p.given_name p_given_name, p.family_name p_family_name, p.employee_id p_employee_id, p.work_email p_work_email, p.personal_email p_personal_email, p.phone p_phone,
             cw.name cur_worksite_name, s.cur_job_title, cu.name cur_unit_name, s.current_employment_id
           from roster_stage s join people p on p.id = s.person_id
             left join worksites w on w.id = s.worksite_id left join bargaining_units u on u.id = s.unit_id
             left join worksites cw on cw.id = s.cur_worksite_id left join bargaining_units cu on cu.id = s.cur_unit_id
           where s.kind = 'changed' order by s.line limit $1`,
          [previewLimit],
        );
        const leavingRows =
          options.mode === 'full'
            ? await q<PreviewDbRow>(
                `select distinct on (p.family_name, p.given_name, p.id) null::int line, p.id person_id, p.given_name, p.family_name, p.employee_id, p.work_email, w.name worksite_name, e.job_title, u.name unit_name
                 from (${leavingEmployments}) e join people p on p.id = e.person_id join worksites w on w.id = e.worksite_id left join bargaining_units u on u.id = e.unit_id
                 order by p.family_name, p.given_name, p.id limit $3`,
                [campaignId, effectiveDate, previewLimit],
              )
            : { rows: [] as PreviewDbRow[] };
        const invalidRows = await q(`select line, invalid reason from roster_stage where kind = 'invalid' order by line limit $1`, [previewLimit]);
        return {
          counts: { rows: rowCount, new: n('new'), changed: n('changed'), unchanged: n('unchanged'), invalid: n('invalid'), leaving: (leavingCount?.rows[0] as { n: number } | undefined)?.n ?? 0 },
          new: newRows.rows.map(toPreview),
          changed: changedRows.rows.map((r) => ({ ...toPreview(r), changes: describeChanges(r) })),
          leaving: leavingRows.rows.map(toPreview),
          invalid: invalidRows.rows as RosterInvalidRow[],
        };
      },

      /** Writes the classified rows and records every change for undo. Returns the import id. */
      async apply(record: ImportRecord, counts: RosterImportCounts, invalid: RosterInvalidRow[]): Promise<string> {
        const inserted = await q(
          `insert into roster_imports (campaign_id, account_id, actor_label, file_name, effective_date, mode, mapping, counts, invalid_rows)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
          [campaignId, record.accountId, record.actorLabel, record.fileName, effectiveDate, options.mode, JSON.stringify(record.mapping), JSON.stringify(counts), JSON.stringify(invalid)],
        );
        const importId = (inserted.rows[0] as { id: string }).id;
        // Remembered for the next upload of the same export.
        await q(
          `insert into roster_column_mappings (campaign_id, mapping, updated_at) values ($1, $2, now())
           on conflict (campaign_id) do update set mapping = excluded.mapping, updated_at = excluded.updated_at`,
          [campaignId, JSON.stringify(record.mapping)],
        );
        // Without a unit column, new people join the unit that lists their job title; or, when
        // the campaign has exactly one unit and it lists no titles, that unit.
        const units = await q('select id, cardinality(job_titles) titles from bargaining_units where campaign_id = $1', [campaignId]);
        const only = units.rows.length === 1 ? (units.rows[0] as { id: string; titles: number }) : null;
        const defaultUnit = only && Number(only.titles) === 0 ? only.id : null;
        const unitByTitle = (campaignParam: string) =>
          `(select u.id from bargaining_units u where u.campaign_id = ${campaignParam}::uuid and exists (select 1 from unnest(u.job_titles) t where lower(t) = lower(roster_stage.job_title)) order by u.name limit 1)`;

        await q(
          `insert into people (id, campaign_id, given_name, family_name, employee_id, work_email, personal_email, phone)
           select new_person_id, $1, given_name, family_name, employee_id, work_email, personal_email, phone from roster_stage where kind = 'new'`,
          [campaignId],
        );
        await q(
          `insert into employments (person_id, campaign_id, worksite_id, unit_id, job_title, start_date)
           select new_person_id, $1, worksite_id, case when unit_given then unit_id else coalesce(${unitByTitle('$1')}, $3::uuid) end, job_title, coalesce(start_date, $2::date) from roster_stage where kind = 'new'`,
          [campaignId, effectiveDate, defaultUnit],
        );
        await q(`insert into roster_import_changes (import_id, kind, person_id) select $1, 'person_created', new_person_id from roster_stage where kind = 'new'`, [importId]);

        await q(
          `insert into roster_import_changes (import_id, kind, person_id, previous)
           select $1, 'person_updated', p.id, jsonb_build_object('givenName', p.given_name, 'familyName', p.family_name, 'employeeId', p.employee_id,
             'workEmail', p.work_email, 'personalEmail', p.personal_email, 'phone', p.phone)
           from roster_stage s join people p on p.id = s.person_id where s.kind = 'changed' and s.person_changed`,
          [importId],
        );
        await q(
          `update people p set given_name = s.given_name, family_name = s.family_name, employee_id = coalesce(s.employee_id, p.employee_id),
             work_email = coalesce(s.work_email, p.work_email), personal_email = coalesce(s.personal_email, p.personal_email), phone = coalesce(s.phone, p.phone)
           from roster_stage s where p.id = s.person_id and s.kind = 'changed' and s.person_changed`,
        );
        // A move, a new title or a unit change ends the old employment the day before the
        // effective date and starts a new one on it, so "as of" any day stays true.
        await q(
          `with ended as (
             insert into roster_import_changes (import_id, kind, person_id, employment_id, previous)
             select $1, 'employment_ended', e.person_id, e.id, jsonb_build_object('endDate', e.end_date)
             from roster_stage s join employments e on e.id = s.current_employment_id where s.kind = 'changed' and s.employment_changed
             returning employment_id)
           update employments e set end_date = $2::date - 1 from ended where e.id = ended.employment_id`,
          [importId, effectiveDate],
        );
        await q(
          `with created as (
             insert into employments (person_id, campaign_id, worksite_id, unit_id, job_title, start_date)
             select person_id, $2, worksite_id, case when unit_given then unit_id when current_employment_id is not null then cur_unit_id else coalesce(${unitByTitle('$2')}, $4::uuid) end, job_title, $3::date
             from roster_stage where kind = 'changed' and employment_changed
             returning id, person_id)
           insert into roster_import_changes (import_id, kind, person_id, employment_id) select $1, 'employment_created', person_id, id from created`,
          [importId, campaignId, effectiveDate, defaultUnit],
        );
        let leavingEnded = 0;
        if (options.mode === 'full' && record.confirmLeaving) {
          const ended = await q(
            `with target as (${leavingEmployments}),
             recorded as (
               insert into roster_import_changes (import_id, kind, person_id, employment_id, previous)
               select $3, 'employment_ended', person_id, id, jsonb_build_object('endDate', end_date) from target returning employment_id)
             update employments e set end_date = $2::date - 1 from recorded where e.id = recorded.employment_id`,
            [campaignId, effectiveDate, importId],
          );
          leavingEnded = ended.rowCount ?? 0;
        }
        await q(`update roster_imports set counts = counts || jsonb_build_object('leavingEnded', $2::int) where id = $1`, [importId, leavingEnded]);
        return importId;
      },
    };
  }

  // Employments current on the effective date whose person is in no row of the file (valid or
  // not: a row we could not read is not evidence that someone left).
  const leavingEmployments = `select e.id, e.person_id, e.worksite_id, e.unit_id, e.job_title, e.end_date from employments e
     where e.campaign_id = $1 and e.start_date <= $2::date and (e.end_date is null or e.end_date >= $2::date)
       and not exists (select 1 from roster_stage s where s.person_id = e.person_id)`;

  return {
    /**
     * Runs `work` on a staging session in a savepoint of the caller's transaction, holding the
     * campaign's import lock. With `commit: false` (a dry run) the savepoint is rolled back and
     * only the result remains; otherwise the import stays, to commit with the rest of the command.
     */
    async withSession<T>(options: ImportOptions, commit: boolean, work: (s: ImportSession) => Promise<T>): Promise<T> {
      let result: { value: T } | undefined;
      try {
        return await db.transaction(async (tx) => {
          const q = positional(tx);
          await q('select pg_advisory_xact_lock($1, hashtext($2))', [IMPORT_LOCK, options.campaignId]);
          await q(`create temp table roster_stage (
            line int not null, employee_id text, given_name text, family_name text, work_email text, personal_email text, phone text,
            worksite_id uuid, unit_id uuid, unit_given bool not null, job_title text, start_date date, invalid text,
            person_id uuid, matched_by text, person_employee_id text, current_employment_id uuid, cur_worksite_id uuid, cur_unit_id uuid, cur_job_title text,
            person_changed bool not null default false, employment_changed bool not null default false, kind text,
            -- The id a new person gets, drawn while staging so that writing needs no pass over the rows.
            new_person_id uuid not null default gen_random_uuid()
          ) on commit drop`);
          const value = await work(session(tx, q, options));
          if (!commit) {
            result = { value };
            throw ROLLBACK;
          }
          await q('drop table roster_stage');
          return value;
        });
      } catch (err) {
        if (err === ROLLBACK && result) return result.value;
        throw err;
      }
    },

    /** Waits for any import or undo of the campaign in progress; held until the transaction ends. */
    async lock(campaignId: string): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${campaignId}))`);
    },

    async list(campaignId: string, limit: number): Promise<RosterImportRow[]> {
      return db
        .select(listColumns)
        .from(rosterImports)
        .where(eq(rosterImports.campaignId, campaignId))
        .orderBy(desc(rosterImports.createdAt))
        .limit(limit);
    },

    async find(campaignId: string, importId: string): Promise<RosterImportDetail | undefined> {
      const [row] = await db
        .select({ ...listColumns, mapping: rosterImports.mapping, invalidRows: rosterImports.invalidRows })
        .from(rosterImports)
        .where(and(eq(rosterImports.campaignId, campaignId), eq(rosterImports.id, importId)));
      return row;
    },

    /** The import's status and when it was made, locking its row until the transaction ends. */
    async findForUpdate(campaignId: string, importId: string): Promise<{ status: 'applied' | 'undone'; createdAt: Date } | undefined> {
      const [row] = await db
        .select({ status: rosterImports.status, createdAt: rosterImports.createdAt })
        .from(rosterImports)
        .where(and(eq(rosterImports.campaignId, campaignId), eq(rosterImports.id, importId)))
        .for('update');
      return row;
    },

    /** Applied imports of the campaign made after this one. */
    async countAppliedAfter(campaignId: string, importId: string): Promise<number> {
      const res = await db.execute<{ n: number }>(
        sql`select count(*)::int n from roster_imports where campaign_id = ${campaignId} and status = 'applied' and created_at > (select created_at from roster_imports where id = ${importId})`,
      );
      return res.rows[0]?.n ?? 0;
    },

    /** People this import created who have since been rated or talked to. */
    async countCreatedPeopleWithHistory(importId: string): Promise<number> {
      // Ratings name their person by a keyed pseudonym (decision 0028, ratings), computed here per created person.
      const link = await keyring.link();
      const res = await db.execute<{ n: number }>(
        sql`select count(*)::int n from roster_import_changes c where c.import_id = ${importId} and c.kind = 'person_created'
              and (exists (select 1 from assessments a where ${ratingOfPersonSql(link, 'a', sql`c.person_id`)}) or exists (select 1 from conversations v where v.person_id = c.person_id))`,
      );
      return res.rows[0]?.n ?? 0;
    },

    /**
     * Reverts what one import did, exactly, from its recorded changes. 'referenced' when something
     * added since (a card, say) still points at a person it created: then nothing is changed.
     */
    async revert(importId: string): Promise<'reverted' | 'referenced'> {
      try {
        await db.transaction(async (tx) => {
          const q = positional(tx);
          await q(`delete from employments e using roster_import_changes c where c.import_id = $1 and c.kind = 'employment_created' and e.id = c.employment_id`, [importId]);
          await q(
            `update employments e set end_date = (c.previous->>'endDate')::date from roster_import_changes c
             where c.import_id = $1 and c.kind = 'employment_ended' and e.id = c.employment_id`,
            [importId],
          );
          await q(
            `update people p set given_name = c.previous->>'givenName', family_name = c.previous->>'familyName', employee_id = c.previous->>'employeeId',
               work_email = c.previous->>'workEmail', personal_email = c.previous->>'personalEmail', phone = c.previous->>'phone'
             from roster_import_changes c where c.import_id = $1 and c.kind = 'person_updated' and p.id = c.person_id`,
            [importId],
          );
          await q(`delete from people p using roster_import_changes c where c.import_id = $1 and c.kind = 'person_created' and p.id = c.person_id`, [importId]);
        });
        return 'reverted';
      } catch (err) {
        if (isForeignKeyViolation(err)) return 'referenced';
        throw err;
      }
    },

    async markUndone(importId: string, by: string, at: Date): Promise<void> {
      await db.update(rosterImports).set({ status: 'undone', undoneAt: at, undoneBy: by }).where(eq(rosterImports.id, importId));
    },

    async findMapping(campaignId: string): Promise<Record<string, string>> {
      const [row] = await db.select({ mapping: rosterColumnMappings.mapping }).from(rosterColumnMappings).where(eq(rosterColumnMappings.campaignId, campaignId));
      return row?.mapping ?? {};
    },

    async saveMapping(campaignId: string, mapping: Record<string, string>, at: Date): Promise<void> {
      await db
        .insert(rosterColumnMappings)
        .values({ campaignId, mapping, updatedAt: at })
        .onConflictDoUpdate({ target: rosterColumnMappings.campaignId, set: { mapping, updatedAt: at } });
    },
  };
}

/**
 * The connection under a transaction, for COPY, which the query builder cannot send. Drizzle keeps
 * it on the transaction's session (a pool client checked out for the transaction); the COPY must
 * run there, inside the transaction and its savepoint, or a dry run could not roll it back.
 */
function copyClient(tx: Executor): pg.PoolClient {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (typeof client !== 'object' || client === null || !('release' in client) || !('query' in client)) throw new Error('COPY needs the connection of an open transaction');
  return client as pg.PoolClient;
}

// COPY's text format: tab between fields, \N for null, and a backslash before any backslash, tab
// or line break inside a value. Most values have none: testing first halves the encoding time.
const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const copySpecial = /[\\\t\n\r]/;
const copyValue = (v: string | null): string => (v === null ? '\\N' : copySpecial.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c] ?? c) : v);

/** Staged rows in, COPY text out, in chunks of about 64 KB rather than one message per row. */
class CopyTextEncoder extends Transform {
  private buffered = '';

  constructor() {
    super({ writableObjectMode: true });
  }

  override _transform(r: StagedRow, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.buffered += `${r.line}\t${copyValue(r.employeeId)}\t${copyValue(r.givenName)}\t${copyValue(r.familyName)}\t${copyValue(r.workEmail)}\t${copyValue(r.personalEmail)}\t${copyValue(r.phone)}\t${copyValue(r.worksiteId)}\t${copyValue(r.unitId)}\t${r.unitGiven}\t${copyValue(r.jobTitle)}\t${copyValue(r.startDate)}\t${copyValue(r.invalid)}\n`;
    if (this.buffered.length >= 64 * 1024) {
      this.push(this.buffered);
      this.buffered = '';
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.buffered.length > 0) this.push(this.buffered);
    callback();
  }
}

// Drizzle wraps the driver's error; the SQLSTATE is on it or on its cause.
function isForeignKeyViolation(err: unknown): boolean {
  return (err as { code?: string }).code === '23503' || (err as { cause?: { code?: string } }).cause?.code === '23503';
}

const listColumns = {
  id: rosterImports.id,
  actorLabel: rosterImports.actorLabel,
  fileName: rosterImports.fileName,
  effectiveDate: rosterImports.effectiveDate,
  mode: rosterImports.mode,
  counts: rosterImports.counts,
  status: rosterImports.status,
  createdAt: rosterImports.createdAt,
  undoneAt: rosterImports.undoneAt,
  undoneBy: rosterImports.undoneBy,
};

export type ImportSession = {
  stage: (rows: Readable) => Promise<number>;
  classify: (previewLimit: number) => Promise<ImportDiff>;
  diff: (previewLimit: number) => Promise<ImportDiff>;
  apply: (record: ImportRecord, counts: RosterImportCounts, invalid: RosterInvalidRow[]) => Promise<string>;
};

/** An import as listed: who, when, what file, its counts and whether it was undone. */
export type RosterImportRow = {
  id: string;
  actorLabel: string;
  fileName: string | null;
  effectiveDate: string;
  mode: 'update' | 'full';
  counts: RosterImportCounts;
  status: 'applied' | 'undone';
  createdAt: Date;
  undoneAt: Date | null;
  undoneBy: string | null;
};

export type RosterImportDetail = RosterImportRow & { mapping: Record<string, string>; invalidRows: RosterInvalidRow[] };

type PreviewDbRow = {
  line: number | null;
  person_id: string | null;
  given_name: string;
  family_name: string;
  employee_id: string | null;
  work_email: string | null;
  worksite_name: string | null;
  job_title: string | null;
  unit_name: string | null;
};

type ChangedDbRow = PreviewDbRow & {
  personal_email: string | null;
  phone: string | null;
  unit_given: boolean;
  p_given_name: string;
  p_family_name: string;
  p_employee_id: string | null;
  p_work_email: string | null;
  p_personal_email: string | null;
  p_phone: string | null;
  cur_worksite_name: string | null;
  cur_job_title: string | null;
  cur_unit_name: string | null;
  current_employment_id: string | null;
};

function toPreview(r: PreviewDbRow): PreviewPerson {
  return {
    line: r.line,
    personId: r.person_id,
    givenName: r.given_name,
    familyName: r.family_name,
    employeeId: r.employee_id,
    workEmail: r.work_email,
    worksiteName: r.worksite_name,
    jobTitle: r.job_title,
    unitName: r.unit_name,
  };
}

function describeChanges(r: ChangedDbRow): PreviewChange['changes'] {
  const changes: PreviewChange['changes'] = [];
  const add = (field: string, from: string | null, to: string | null, onlyIfGiven: boolean) => {
    if (onlyIfGiven && to === null) return;
    if ((from ?? '').toLowerCase() !== (to ?? '').toLowerCase() || (field.endsWith('Name') && from !== to)) changes.push({ field, from, to });
  };
  add('givenName', r.p_given_name, r.given_name, false);
  add('familyName', r.p_family_name, r.family_name, false);
  add('employeeId', r.p_employee_id, r.employee_id, true);
  add('workEmail', r.p_work_email, r.work_email, true);
  add('personalEmail', r.p_personal_email, r.personal_email, true);
  add('phone', r.p_phone, r.phone, true);
  if (r.current_employment_id === null) changes.push({ field: 'employment', from: null, to: `returns at ${r.worksite_name ?? '?'}` });
  else {
    add('worksite', r.cur_worksite_name, r.worksite_name, false);
    add('jobTitle', r.cur_job_title, r.job_title, false);
    if (r.unit_given) add('unit', r.cur_unit_name, r.unit_name, false);
  }
  return changes;
}

export type RosterImportRepository = ReturnType<typeof createRosterImportRepository>;
