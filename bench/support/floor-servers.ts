import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/client.js';
import { createSignatureWriter } from '../../src/db/repositories/signature-writer.js';
import { uuidV7 } from '../../src/support/uuid-v7.js';
import type { BenchContext } from '../types.js';

// Reference points between the bare node:http baseline and the real endpoint, measured in the same
// run on the same machine: they show how much of the gap is the framework, how much the durable
// write itself, and how much is ours (validation, rate limits, the confirmation email, hooks).

async function listen(context: BenchContext, app: FastifyInstance): Promise<string> {
  context.defer(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

type PostedSignature = { person?: { given_name?: string; family_name?: string; email_addresses?: { address?: string }[] } };

/** A bare Fastify route that parses the same JSON body and answers the same bytes. */
export async function startFastifyFloor(context: BenchContext, body: string, contentType: string): Promise<string> {
  const app = Fastify({ logger: false });
  app.post('/*', async (_request, reply) => reply.type(contentType).send(body));
  return listen(context, app);
}

/**
 * That route plus the one thing the endpoint cannot skip: the signature row committed durably,
 * through the same group commit, before the answer. No validation, no rate limits, no email row,
 * no hooks: the least any implementation on this stack has to do per signature.
 */
export async function startDurableFloor(context: BenchContext, db: Db, petitionId: string, body: string, contentType: string): Promise<string> {
  const writer = createSignatureWriter(db);
  const app = Fastify({ logger: false });
  app.post('/*', async (request, reply) => {
    const person = (request.body as PostedSignature).person;
    await writer.write({
      row: {
        id: uuidV7(),
        petitionId,
        givenName: person?.given_name ?? '',
        familyName: person?.family_name ?? '',
        email: person?.email_addresses?.[0]?.address ?? '',
        relationship: 'other',
        status: 'pending_confirmation',
        source: 'osdi',
      },
      mail: () => null,
    });
    return reply.type(contentType).send(body);
  });
  return listen(context, app);
}
