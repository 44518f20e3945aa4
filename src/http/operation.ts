import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { osdiErrorResponse } from '../contracts/osdi.js';
import { errorResponse, sessionSecurity } from '../contracts/shared.js';
import type { Requester } from '../domain/commands/requester.js';

type Contract = { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType; response?: z.ZodType };

type OperationOptions = {
  tags: string[];
  /**
   * 'session' (organizer app, the default), 'public' (no sign-in), 'apiKey' (the OSDI-API-Token
   * header) or 'publicOrApiKey' (an OSDI helper: anyone, or a key that vouches).
   */
  security?: 'session' | 'public' | 'apiKey' | 'publicOrApiKey';
  /** OSDI routes answer errors in OSDI's shape too (plugins/error-handler.ts). */
  osdi?: boolean;
  summary?: string;
  /** For downloads: the media type of the 2xx body, documented instead of a JSON schema. */
  produces?: string;
};

/**
 * The Fastify schema of one API operation, from its contract: an operationId, the request schemas
 * (validation), the response schema (serialization: a field not in the contract never leaves),
 * the error shape and the security requirement. test/api/openapi.test.ts fails for an operation
 * without them.
 */
type SuccessStatus = 200 | 201 | 202 | 204;
type Responses<C extends Contract, S extends SuccessStatus> = Record<S, C['response'] extends z.ZodType ? C['response'] : z.ZodUnknown> & { '4xx': z.ZodType; '5xx': z.ZodType };

const securityOf = { session: sessionSecurity, public: [], apiKey: [{ osdiApiToken: [] }], publicOrApiKey: [{}, { osdiApiToken: [] }] } as const;

export function operation<C extends Contract, S extends SuccessStatus = 200>(operationId: string, contract: C, options: OperationOptions & { status?: S }) {
  const status = options.status ?? 200;
  // A download's body is bytes (Fastify does not serialize a Buffer): documented, not validated.
  const success = contract.response ?? z.unknown().meta({ description: `The file (${options.produces ?? 'application/octet-stream'})` });
  const schema = {
    operationId,
    tags: options.tags,
    ...(options.summary ? { summary: options.summary } : {}),
    security: securityOf[options.security ?? 'session'],
    ...(contract.params ? { params: contract.params as C['params'] } : {}),
    ...(contract.query ? { querystring: contract.query as C['query'] } : {}),
    ...(contract.body ? { body: contract.body as C['body'] } : {}),
    response: { [status]: success, '4xx': options.osdi ? osdiErrorResponse : errorResponse, '5xx': options.osdi ? osdiErrorResponse : errorResponse } as unknown as Responses<C, S>,
  };
  // Absent parts stay absent (an `undefined` schema makes Fastify warn), typed as the contract's.
  return schema as typeof schema & { params: C['params']; querystring: C['query']; body: C['body'] };
}

/** Who is asking, as the domain's commands see it. */
export function requesterOf(request: FastifyRequest): Requester {
  const account = request.auth?.account;
  return { accountId: account?.id ?? null, email: account?.email ?? null, ip: request.ip };
}
