import { organizingContract as c } from '../../contracts/organizing.js';
import type { Services } from '../../domain/create-services.js';
import { createTask } from '../../domain/organizing/create-task.js';
import { listConversationOptions } from '../../domain/organizing/list-conversation-options.js';
import { listConversations } from '../../domain/organizing/list-conversations.js';
import { listMyTasks } from '../../domain/organizing/list-my-tasks.js';
import { logConversation } from '../../domain/organizing/log-conversation.js';
import { updateTask } from '../../domain/organizing/update-task.js';
import { operation, requesterOf } from '../operation.js';
import { presentConversation, presentMyTask, presentTask } from '../presenters/organizing-presenter.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['conversations'];
const taskTags = ['tasks'];

// Conversations with the people we organize, and the follow-up tasks they call for.
export function registerConversationRoutes(app: ZodApp, services: Services): void {
  app.post('/api/campaigns/:slug/people/:personId/conversations', { schema: operation('logConversation', c.logConversation, { tags, status: 201 }) }, async (request, reply) => {
    const b = request.body;
    const result = await services.execute(logConversation, requesterOf(request), {
      ...request.params,
      occurredAt: b.occurredAt ? new Date(b.occurredAt) : null,
      occurredOn: b.occurredOn ?? null,
      channel: b.channel,
      issues: b.issues,
      notes: b.notes,
      nextStep: b.nextStep,
      followUps: b.followUps,
    });
    return reply.status(201).send({ conversation: presentConversation(result.conversation), tasks: result.tasks.map(presentTask) });
  });

  app.get('/api/campaigns/:slug/people/:personId/conversations', { schema: operation('listConversations', c.listConversations, { tags }) }, async (request) => {
    const rows = await services.execute(listConversations, requesterOf(request), request.params);
    return { conversations: rows.map(presentConversation) };
  });

  app.get('/api/campaigns/:slug/conversation-issues', { schema: operation('listConversationOptions', c.listConversationOptions, { tags }) }, async (request) => {
    const options = await services.read(listConversationOptions, requesterOf(request), request.params);
    return { issues: [...options.issues], channels: [...options.channels] };
  });

  app.post('/api/campaigns/:slug/tasks', { schema: operation('createTask', c.createTask, { tags: taskTags, status: 201 }) }, async (request, reply) => {
    const task = await services.execute(createTask, requesterOf(request), { slug: request.params.slug, ...request.body });
    return reply.status(201).send({ task: presentTask(task) });
  });

  app.patch('/api/campaigns/:slug/tasks/:taskId', { schema: operation('updateTask', c.updateTask, { tags: taskTags }) }, async (request) => {
    const task = await services.execute(updateTask, requesterOf(request), { ...request.params, ...request.body });
    return { task: presentTask(task) };
  });

  // "My tasks": what is assigned to me in every campaign where I still organize, soonest due first.
  app.get('/api/me/tasks', { schema: operation('listMyTasks', c.listMyTasks, { tags: taskTags }) }, async (request) => {
    const tasks = await services.execute(listMyTasks, requesterOf(request), { includeDone: request.query.includeDone === 'true' });
    return { tasks: tasks.map(presentMyTask) };
  });
}
