import type { AssessedPerson, Assessment, Conversation, MyTask, Person, PersonPage, Task, WorksiteCoverage } from '../../contracts/organizing.js';
import type { AssessmentRow, ConversationRow, TaskRow } from '../../db/repositories/organizing-repository.js';
import type { PersonRow } from '../../db/repositories/person-records-repository.js';
import { levelKey, levelLabels } from '../../domain/organizing/assessment-levels.js';
import type { WorksiteCoverage as CoverageModel } from '../../domain/organizing/coverage.js';
import type { AssessedPerson as AssessedPersonModel } from '../../domain/organizing/list-assessments.js';
import type { MyTask as MyTaskModel } from '../../domain/organizing/list-my-tasks.js';
import type { PersonView } from '../../domain/people/view-person.js';

export function presentLevel(level: number | null): { level: number | null; label: string } {
  return { level, label: levelLabels[levelKey(level)] };
}

export function presentAssessment(row: AssessmentRow): Assessment {
  return { id: row.id, personId: row.personId, ...presentLevel(row.level), note: row.note, assessedBy: row.assessedByName, assessedAt: row.assessedAt.toISOString() };
}

/** A row of the assessment list: the person, where they work, and their latest rating (if any). */
export function presentAssessedPerson(p: AssessedPersonModel): AssessedPerson {
  return {
    personId: p.personId,
    name: p.name,
    worksiteId: p.worksiteId,
    worksiteName: p.worksiteName,
    jobTitle: p.jobTitle,
    ...presentLevel(p.level),
    note: p.note,
    assessedBy: p.assessedBy,
    assessedAt: p.assessedAt?.toISOString() ?? null,
  };
}

export function presentConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    personId: row.personId,
    organizer: row.organizerName,
    organizerAccountId: row.organizerAccountId,
    occurredAt: row.occurredAt.toISOString(),
    occurredOn: row.occurredOn,
    channel: row.channel,
    issues: row.issues,
    notes: row.notes,
    nextStep: row.nextStep,
  };
}

export function presentTask(row: TaskRow): Task {
  return {
    id: row.id,
    personId: row.personId,
    conversationId: row.conversationId,
    title: row.title,
    dueDate: row.dueDate,
    assigneeAccountId: row.assigneeAccountId,
    done: row.doneAt !== null,
    doneAt: row.doneAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A task of "my tasks", with the campaign it belongs to and whom it is about. */
export function presentMyTask(item: MyTaskModel): MyTask {
  return { ...presentTask(item.task), campaign: item.campaign, personName: item.personName };
}

export function presentPerson(row: PersonRow): Person {
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    employeeId: row.employeeId,
    workEmail: row.workEmail,
    personalEmail: row.personalEmail,
    phone: row.phone,
  };
}

/** The person page: what the requester may see of them, and null for what they may not. */
export function presentPersonPage(view: PersonView): PersonPage {
  const latest = view.assessments?.[0];
  return {
    person: presentPerson(view.person),
    employment: view.employment,
    onListOf: view.listAccountId,
    latestAssessment: view.assessments === null ? null : latest ? presentAssessment(latest) : { level: null, label: levelLabels.unknown, note: '', assessedBy: null, assessedAt: null },
    assessments: view.assessments?.map(presentAssessment) ?? null,
    conversations: view.conversations?.map(presentConversation) ?? null,
    tasks: view.tasks?.map(presentTask) ?? null,
  };
}

export function presentCoverage(site: CoverageModel): WorksiteCoverage {
  const entry = (p: CoverageModel['unassigned'][number]) => ({ personId: p.personId, name: p.name, listOwner: p.listOwner, lastConversationAt: p.lastConversationAt?.toISOString() ?? null });
  return { ...site, unassigned: site.unassigned.map(entry), notContacted: site.notContacted.map(entry) };
}
