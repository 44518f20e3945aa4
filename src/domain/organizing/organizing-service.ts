import type { CampaignsRepository } from '../../db/repositories/campaigns-repository.js';
import type { OrganizingRepository } from '../../db/repositories/organizing-repository.js';
import type { EmploymentInput, PersonFields, PersonRecordsRepository } from '../../db/repositories/person-records-repository.js';
import type { conversationChannels } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { canPerform, limitedToOwnList, visibleWorksites, type Action, type Actor } from '../policies/campaign-policy.js';
import { summarizeLevels } from './assessment-levels.js';
import { summarizeCoverage } from './coverage.js';

/** Who is acting, in which campaign. Built by the HTTP layer from the session and membership. */
export type Caller = { campaignId: string; actor: Actor; accountId: string; accountName: string };

export type ConversationInput = {
  occurredAt: Date;
  channel: (typeof conversationChannels)[number];
  issues: string[];
  notes: string;
  nextStep: string;
  followUps: { title: string; dueDate: string | null; assigneeAccountId: string | null }[];
};

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const notFound = (): AppError => new AppError('not_found', 'No such person in this campaign.');

export function createOrganizingService(deps: { records: PersonRecordsRepository; organizing: OrganizingRepository; campaigns: CampaignsRepository; now: () => Date }) {
  const { records, organizing, campaigns, now } = deps;

  /**
   * Loads the person's scope and applies the policy to it. People outside the caller's worksites
   * answer 404, like people who do not exist: a committee member learns nothing about other schools.
   */
  async function authorize(caller: Caller, personId: string, action: Action) {
    const scope = await records.scope(caller.campaignId, personId, isoDay(now()));
    if (!scope) throw notFound();
    const visible = scope.worksiteIds.some((w) => canPerform(caller.actor, 'people.view', w));
    if (!visible) throw notFound();
    const allowed = scope.worksiteIds.some((w) => canPerform(caller.actor, action, w));
    if (!allowed) throw new AppError('forbidden', 'Your role in this campaign does not allow that.');
    if (limitedToOwnList(caller.actor, action) && scope.listAccountId !== caller.accountId) {
      throw new AppError('forbidden', 'Committee members see and record assessments only for the coworkers on their own list.');
    }
    return scope;
  }

  async function checkWorksiteAndUnit(caller: Caller, worksiteId: string, unitId: string | null): Promise<void> {
    const [sites, units] = await Promise.all([campaigns.listWorksites(caller.campaignId), campaigns.listUnits(caller.campaignId)]);
    if (!sites.some((s) => s.id === worksiteId)) throw new AppError('validation_failed', 'That worksite is not in this campaign.', [{ field: 'worksiteId', reason: 'is not a worksite of this campaign' }]);
    if (unitId !== null && !units.some((u) => u.id === unitId)) throw new AppError('validation_failed', 'That unit is not in this campaign.', [{ field: 'unitId', reason: 'is not a unit of this campaign' }]);
    if (!canPerform(caller.actor, 'people.edit', worksiteId)) throw new AppError('forbidden', 'You can only edit people at your own worksites.');
  }

  async function checkAssignee(caller: Caller, assigneeAccountId: string | null): Promise<void> {
    if (assigneeAccountId === null) return;
    const membership = await campaigns.findMembership(assigneeAccountId, caller.campaignId);
    if (!membership || !canPerform(membership, 'conversations.edit')) {
      throw new AppError('validation_failed', 'Tasks can be assigned only to organizers and committee members of this campaign.', [{ field: 'assigneeAccountId', reason: 'is not an organizer or committee member here' }]);
    }
  }

  return {
    authorize,

    async personDetail(caller: Caller, personId: string) {
      const scope = await authorize(caller, personId, 'people.view');
      const person = await records.find(caller.campaignId, personId);
      if (!person) throw notFound();
      const canSeeAssessments = scope.worksiteIds.some((w) => canPerform(caller.actor, 'assessments.view', w)) && (!limitedToOwnList(caller.actor, 'assessments.view') || scope.listAccountId === caller.accountId);
      const canSeeConversations = scope.worksiteIds.some((w) => canPerform(caller.actor, 'conversations.view', w));
      const [employment, history, conversations, personTasks] = await Promise.all([
        records.employmentHistory(personId),
        canSeeAssessments ? organizing.assessmentHistory(personId) : Promise.resolve(null),
        canSeeConversations ? organizing.conversationsOf(personId) : Promise.resolve(null),
        canSeeConversations ? organizing.tasksOfPerson(personId) : Promise.resolve(null),
      ]);
      return { person, employment, listAccountId: scope.listAccountId, assessments: history, conversations, tasks: personTasks };
    },

    async createPerson(caller: Caller, fields: PersonFields, employment: EmploymentInput) {
      await checkWorksiteAndUnit(caller, employment.worksiteId, employment.unitId);
      const created = await records.create(caller.campaignId, fields, employment);
      if (created === 'duplicate_employee_id') throw new AppError('conflict', 'Someone on this roster already has that employee id.', [{ field: 'employeeId', reason: 'is already used' }]);
      return created;
    },

    async updatePerson(caller: Caller, personId: string, fields: Partial<PersonFields>) {
      await authorize(caller, personId, 'people.edit');
      const updated = await records.update(caller.campaignId, personId, fields);
      if (updated === 'duplicate_employee_id') throw new AppError('conflict', 'Someone on this roster already has that employee id.', [{ field: 'employeeId', reason: 'is already used' }]);
      if (!updated) throw notFound();
      return updated;
    },

    /** Move school, change title or unit (`next`), or leave (`next` null), from `effectiveDate`. */
    async changeEmployment(caller: Caller, personId: string, effectiveDate: string, next: Omit<EmploymentInput, 'startDate'> | null) {
      await authorize(caller, personId, 'people.edit');
      if (next) await checkWorksiteAndUnit(caller, next.worksiteId, next.unitId);
      const result = await records.changeEmployment(caller.campaignId, personId, effectiveDate, next);
      if (result === 'out_of_order') throw new AppError('conflict', 'The roster already has a change for this person on or after that date.', [{ field: 'effectiveDate', reason: 'must be after the start of the current employment' }]);
      if (result === 'not_employed') throw new AppError('conflict', 'This person is not employed on that date.', [{ field: 'effectiveDate', reason: 'no employment to end' }]);
      return records.employmentHistory(personId);
    },

    async rate(caller: Caller, personId: string, input: { level: number | null; note: string; assessedAt: Date | null }) {
      await authorize(caller, personId, 'assessments.edit');
      const at = input.assessedAt ?? now();
      if (at.getTime() > now().getTime() + 60_000) throw new AppError('validation_failed', 'An assessment cannot be dated in the future.', [{ field: 'assessedAt', reason: 'is in the future' }]);
      return organizing.addAssessment({
        campaignId: caller.campaignId,
        personId,
        level: input.level,
        note: input.note,
        assessedByAccountId: caller.accountId,
        assessedByName: caller.accountName,
        assessedAt: at,
      });
    },

    async assessmentHistory(caller: Caller, personId: string) {
      await authorize(caller, personId, 'assessments.view');
      return organizing.assessmentHistory(personId);
    },

    async latestAssessments(caller: Caller, asOf: string, filter: { worksiteId?: string; level?: number | 'unknown' }) {
      const scope = visibleWorksites(caller.actor, 'assessments.view');
      const listAccountId = limitedToOwnList(caller.actor, 'assessments.view') ? caller.accountId : null;
      return organizing.latestAssessments(caller.campaignId, scope, asOf, { ...filter, listAccountId });
    },

    /** Aggregates only: counts per level, per unit and per worksite, as of a date. */
    async assessmentSummary(caller: Caller, asOf: string) {
      const [rows, sites, units] = await Promise.all([organizing.assessmentSummary(caller.campaignId, asOf), campaigns.listWorksites(caller.campaignId), campaigns.listUnits(caller.campaignId)]);
      const summary = summarizeLevels(rows.map((r) => ({ unitId: r.unit_id, worksiteId: r.worksite_id, level: r.level, n: r.n })));
      return {
        asOf,
        total: summary.total,
        units: units.filter((u) => summary.units.has(u.id)).map((u) => ({ unitId: u.id, unitName: u.name, counts: summary.units.get(u.id)! })),
        worksites: sites.filter((s) => summary.worksites.has(s.id)).map((s) => ({ worksiteId: s.id, worksiteName: s.name, counts: summary.worksites.get(s.id)! })),
      };
    },

    async wallChart(caller: Caller, asOf: string, cardValidityMonths: number) {
      const scope = visibleWorksites(caller.actor, 'people.view');
      const ownListOnly = limitedToOwnList(caller.actor, 'assessments.view');
      const [sites, cells] = await Promise.all([organizing.worksitesOf(caller.campaignId, scope), organizing.wallChart(caller.campaignId, scope, asOf, cardValidityMonths)]);
      return {
        asOf,
        columns: sites.map((site) => ({
          worksiteId: site.id,
          worksiteName: site.name,
          cells: cells
            .filter((c) => c.worksite_id === site.id)
            .map((c) => {
              const shown = !ownListOnly || c.list_account_id === caller.accountId;
              return {
                personId: c.person_id,
                name: `${c.given_name} ${c.family_name}`,
                jobTitle: c.job_title,
                level: shown ? c.level : null,
                assessmentHidden: !shown,
                // Card status follows cards.view, which committee members have at their worksites.
                cardStatus: canPerform(caller.actor, 'cards.view', site.id) ? (c.card_status ?? 'none') : 'none',
              };
            }),
        })),
      };
    },

    async logConversation(caller: Caller, personId: string, input: ConversationInput) {
      await authorize(caller, personId, 'conversations.edit');
      for (const followUp of input.followUps) await checkAssignee(caller, followUp.assigneeAccountId);
      return organizing.addConversation(
        {
          campaignId: caller.campaignId,
          personId,
          organizerAccountId: caller.accountId,
          organizerName: caller.accountName,
          occurredAt: input.occurredAt,
          channel: input.channel,
          issues: [...new Set(input.issues)],
          notes: input.notes,
          nextStep: input.nextStep,
        },
        input.followUps.map((f) => ({ campaignId: caller.campaignId, personId, title: f.title, dueDate: f.dueDate, assigneeAccountId: f.assigneeAccountId ?? caller.accountId, createdByAccountId: caller.accountId })),
      );
    },

    async conversations(caller: Caller, personId: string) {
      await authorize(caller, personId, 'conversations.view');
      return organizing.conversationsOf(personId);
    },

    async createTask(caller: Caller, input: { personId: string | null; title: string; dueDate: string | null; assigneeAccountId: string | null }) {
      if (input.personId) await authorize(caller, input.personId, 'conversations.edit');
      else if (!canPerform(caller.actor, 'conversations.edit')) throw new AppError('forbidden', 'Your role in this campaign does not allow that.');
      await checkAssignee(caller, input.assigneeAccountId);
      return organizing.addTask({ campaignId: caller.campaignId, personId: input.personId, title: input.title, dueDate: input.dueDate, assigneeAccountId: input.assigneeAccountId ?? caller.accountId, createdByAccountId: caller.accountId });
    },

    /** The assignee, the creator, and organizers may update a task. */
    async updateTask(caller: Caller, taskId: string, patch: { title?: string; dueDate?: string | null; assigneeAccountId?: string | null; done?: boolean }) {
      const task = await organizing.findTask(caller.campaignId, taskId);
      if (!task) throw new AppError('not_found', 'No such task.');
      const mine = task.assigneeAccountId === caller.accountId || task.createdByAccountId === caller.accountId;
      if (!mine) {
        if (task.personId) await authorize(caller, task.personId, 'conversations.edit');
        if (caller.actor.role !== 'admin' && caller.actor.role !== 'organizer') throw new AppError('forbidden', 'Only the assignee, the creator or an organizer may change this task.');
      }
      if (patch.assigneeAccountId !== undefined) await checkAssignee(caller, patch.assigneeAccountId);
      const updated = await organizing.updateTask(taskId, {
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.dueDate !== undefined ? { dueDate: patch.dueDate } : {}),
        ...(patch.assigneeAccountId !== undefined ? { assigneeAccountId: patch.assigneeAccountId } : {}),
        ...(patch.done !== undefined ? { doneAt: patch.done ? (task.doneAt ?? now()) : null } : {}),
      });
      if (!updated) throw new AppError('not_found', 'No such task.');
      return updated;
    },

    /** Adds people to a committee member's list: only people working at that member's worksites. */
    async assignToList(caller: Caller, accountId: string, personIds: string[]) {
      const member = await campaigns.findMembership(accountId, caller.campaignId);
      if (!member || member.role !== 'committee') {
        throw new AppError('validation_failed', 'Lists belong to committee members of this campaign.', [{ field: 'accountId', reason: 'is not a committee member of this campaign' }]);
      }
      const unique = [...new Set(personIds)];
      const eligible = new Set(await organizing.employedAt(caller.campaignId, unique, member.worksiteIds, isoDay(now())));
      const outside = unique.filter((id) => !eligible.has(id));
      if (outside.length > 0) {
        throw new AppError('validation_failed', `${outside.length} of these people do not work at this committee member's worksites.`, outside.map((id) => ({ field: 'personIds', reason: `${id} is not at their worksites` })));
      }
      await organizing.assign(caller.campaignId, accountId, unique, now());
      return unique.length;
    },

    async unassign(caller: Caller, accountId: string, personId: string) {
      if (!(await organizing.unassign(caller.campaignId, accountId, personId))) throw new AppError('not_found', 'That person is not on that list.');
    },

    /** Organizers see every list; a committee member sees their own. */
    async lists(caller: Caller) {
      const own = caller.actor.role === 'committee' ? caller.accountId : null;
      const rows = await organizing.lists(caller.campaignId, own);
      const byAccount = new Map<string, { accountId: string; name: string; email: string; people: { personId: string; name: string }[] }>();
      for (const r of rows) {
        const entry = byAccount.get(r.accountId) ?? { accountId: r.accountId, name: r.accountName, email: r.accountEmail, people: [] };
        entry.people.push({ personId: r.personId, name: `${r.givenName} ${r.familyName}` });
        byAccount.set(r.accountId, entry);
      }
      return [...byAccount.values()];
    },

    async coverage(caller: Caller, worksiteId: string | undefined) {
      const scope = visibleWorksites(caller.actor, 'people.view');
      if (worksiteId && !canPerform(caller.actor, 'people.view', worksiteId)) throw new AppError('not_found', 'No such worksite.');
      const narrowed = worksiteId ? [worksiteId] : scope;
      const [sites, persons] = await Promise.all([organizing.worksitesOf(caller.campaignId, narrowed), organizing.coverage(caller.campaignId, narrowed, isoDay(now()))]);
      return summarizeCoverage(
        sites,
        persons.map((p) => ({
          personId: p.person_id,
          name: `${p.given_name} ${p.family_name}`,
          worksiteId: p.worksite_id,
          listAccountId: p.list_account_id,
          listAccountName: p.list_account_name,
          lastConversationAt: p.last_conversation_at ? new Date(p.last_conversation_at) : null,
        })),
        now(),
      );
    },
  };
}

export type OrganizingService = ReturnType<typeof createOrganizingService>;
