import { z } from 'zod';
import { conversationChannels } from '../../db/schema/index.js';
import type { Services } from '../../domain/create-services.js';
import { grantFor } from '../../domain/policies/campaign-policy.js';
import { requireCampaignAccess } from '../campaign-access.js';
import { toCaller } from '../caller.js';
import { requireAccount } from '../plugins/authentication.js';
import { presentConversation, presentTask } from '../presenters/organizing-presenter.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const personParams = slugParams.extend({ personId: z.uuid('is not an id') });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
// Tags are free, lower-case words; these are the ones the seeds' educators raise most.
export const suggestedIssues = ['evaluations', 'retention', 'class size', 'pay', 'workload', 'special education', 'safety', 'voice', 'benefits', 'turnover'] as const;
const issue = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9 _-]{0,39}$/, 'must be a short tag (letters, digits, spaces, - or _)');
const followUp = z.object({ title: z.string().trim().min(1, 'is required').max(300), dueDate: isoDate.nullable().default(null), assigneeAccountId: z.uuid('is not an id').nullable().default(null) });

export function registerConversationRoutes(app: ZodApp, services: Services): void {
  const { organizing } = services;

  app.post(
    '/api/campaigns/:slug/people/:personId/conversations',
    {
      schema: {
        tags: ['conversations'],
        params: personParams,
        body: z.object({
          occurredAt: z.iso.datetime({ offset: true }).optional(),
          channel: z.enum(conversationChannels),
          issues: z.array(issue).max(20).default([]),
          notes: z.string().trim().max(10_000).default(''),
          nextStep: z.string().trim().max(1000).default(''),
          followUps: z.array(followUp).max(10).default([]),
        }),
      },
    },
    async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'conversations.edit');
      const b = request.body;
      const result = await organizing.logConversation(toCaller(request, access), request.params.personId, {
        occurredAt: b.occurredAt ? new Date(b.occurredAt) : services.now(),
        channel: b.channel,
        issues: b.issues,
        notes: b.notes,
        nextStep: b.nextStep,
        followUps: b.followUps,
      });
      return reply.status(201).send({ conversation: presentConversation(result.conversation), tasks: result.tasks.map(presentTask) });
    },
  );

  app.get('/api/campaigns/:slug/people/:personId/conversations', { schema: { tags: ['conversations'], params: personParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'conversations.view');
    return { conversations: (await organizing.conversations(toCaller(request, access), request.params.personId)).map(presentConversation) };
  });

  app.get('/api/campaigns/:slug/conversation-issues', { schema: { tags: ['conversations'], params: slugParams } }, async (request) => {
    await requireCampaignAccess(services, request, request.params.slug, 'conversations.view');
    return { issues: suggestedIssues, channels: conversationChannels };
  });

  app.post(
    '/api/campaigns/:slug/tasks',
    {
      schema: {
        tags: ['tasks'],
        params: slugParams,
        body: followUp.extend({ personId: z.uuid('is not an id').nullable().default(null) }),
      },
    },
    async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'conversations.edit');
      const task = await organizing.createTask(toCaller(request, access), request.body);
      return reply.status(201).send({ task: presentTask(task) });
    },
  );

  app.patch(
    '/api/campaigns/:slug/tasks/:taskId',
    {
      schema: {
        tags: ['tasks'],
        params: slugParams.extend({ taskId: z.uuid('is not an id') }),
        body: z.object({
          title: z.string().trim().min(1, 'is required').max(300).optional(),
          dueDate: isoDate.nullable().optional(),
          assigneeAccountId: z.uuid('is not an id').nullable().optional(),
          done: z.boolean().optional(),
        }),
      },
    },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'conversations.edit');
      return { task: presentTask(await organizing.updateTask(toCaller(request, access), request.params.taskId, request.body)) };
    },
  );

  // "My tasks": what is assigned to me in every campaign where I still organize, soonest due first.
  app.get('/api/me/tasks', { schema: { tags: ['tasks'], querystring: z.object({ include_done: z.enum(['true', 'false']).default('false') }) } }, async (request) => {
    const { account } = requireAccount(request);
    const rows = await services.repositories.organizing.tasksAssignedTo(account.id, request.query.include_done === 'true');
    return {
      tasks: rows
        .filter((r) => grantFor(r.role, 'conversations.edit') !== 'none')
        .map((r) => ({
          ...presentTask(r.task),
          campaign: { slug: r.campaignSlug, name: r.campaignName },
          personName: r.personGivenName ? `${r.personGivenName} ${r.personFamilyName ?? ''}`.trim() : null,
        })),
    };
  });
}
