import type { AssessmentRow, ConversationRow, TaskRow } from '../../db/repositories/organizing-repository.js';
import type { PersonRow } from '../../db/repositories/person-records-repository.js';
import { levelKey, levelLabels } from '../../domain/organizing/assessment-levels.js';

export function presentLevel(level: number | null) {
  return { level, label: levelLabels[levelKey(level)] };
}

export function presentAssessment(row: AssessmentRow) {
  return { id: row.id, personId: row.personId, ...presentLevel(row.level), note: row.note, assessedBy: row.assessedByName, assessedAt: row.assessedAt.toISOString() };
}

export function presentConversation(row: ConversationRow) {
  return {
    id: row.id,
    personId: row.personId,
    organizer: row.organizerName,
    organizerAccountId: row.organizerAccountId,
    occurredAt: row.occurredAt.toISOString(),
    channel: row.channel,
    issues: row.issues,
    notes: row.notes,
    nextStep: row.nextStep,
  };
}

export function presentTask(row: TaskRow) {
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

export function presentPerson(row: PersonRow) {
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
