import QRCode from 'qrcode';
import type { Config } from '../../config.js';
import { secondFactorsContract } from '../../contracts/second-factors.js';
import type { Services } from '../../domain/create-services.js';
import { confirmTotpEnrolment } from '../../domain/second-factors/confirm-totp-enrolment.js';
import { finishPasskeyRegistration } from '../../domain/second-factors/finish-passkey-registration.js';
import { finishPasskeyVerification } from '../../domain/second-factors/finish-passkey-verification.js';
import { listAccountSecondFactors } from '../../domain/second-factors/list-account-second-factors.js';
import { regenerateRecoveryCodes } from '../../domain/second-factors/regenerate-recovery-codes.js';
import { removeSecondFactor } from '../../domain/second-factors/remove-second-factor.js';
import { resetSecondFactor } from '../../domain/second-factors/reset-second-factor.js';
import { setSecondFactorRequirements } from '../../domain/second-factors/set-second-factor-requirements.js';
import { startPasskeyRegistration } from '../../domain/second-factors/start-passkey-registration.js';
import { startPasskeyVerification } from '../../domain/second-factors/start-passkey-verification.js';
import { startTotpEnrolment } from '../../domain/second-factors/start-totp-enrolment.js';
import { verifySecondFactor } from '../../domain/second-factors/verify-second-factor.js';
import { viewSecondFactorRequirements } from '../../domain/second-factors/view-second-factor-requirements.js';
import { viewSecondFactors } from '../../domain/second-factors/view-second-factors.js';
import { webAuthnSettingsOf } from '../../domain/second-factors/webauthn-settings.js';
import { AppError } from '../../errors.js';
import { operation, requesterOf } from '../operation.js';
import { requireAccount } from '../plugins/authentication.js';
import { presentAccountSecondFactors, presentMySecondFactors } from '../presenters/second-factor-presenter.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['auth'];
const c = secondFactorsContract;

/** The otpauth URI as an SVG QR code in a data URL (the CSP allows data: images, nothing inline to run). */
async function qrCodeOf(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

// The second step of sign-in, the account's own factors, and the instance admin's requirement
// per role and reset (decision 0026). Until the second step is done, the gate
// (plugins/second-factor-gate.ts) lets a session reach only these /api/auth/second-factor routes.
export function registerSecondFactorRoutes(app: ZodApp, services: Services, config: Config): void {
  const webAuthn = webAuthnSettingsOf(config);
  // Code guesses are limited per IP like sign-in, and per account by a growing wait (the commands).
  const guessLimit = { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } };
  const base = '/api/auth/second-factor';

  app.get(base, { schema: operation('viewSecondFactors', c.viewSecondFactors, { tags }) }, async (request) => {
    const { sessionId } = requireAccount(request);
    return presentMySecondFactors(await services.read(viewSecondFactors, requesterOf(request), { sessionId }));
  });

  app.post(`${base}/totp`, { schema: operation('startTotpEnrolment', c.startTotpEnrolment, { tags }) }, async (request) => {
    const { sessionId } = requireAccount(request);
    const { secret, uri } = await services.execute(startTotpEnrolment, requesterOf(request), { sessionId });
    return { secret, uri, qrCode: await qrCodeOf(uri) };
  });

  app.post(`${base}/totp/confirm`, { config: guessLimit, schema: operation('confirmTotpEnrolment', c.confirmTotpEnrolment, { tags }) }, async (request) => {
    const { sessionId } = requireAccount(request);
    return services.execute(confirmTotpEnrolment, requesterOf(request), { sessionId, code: request.body.code });
  });

  app.delete(`${base}/totp`, { schema: operation('removeTotp', c.removeTotp, { tags }) }, async (request) => {
    const { sessionId } = requireAccount(request);
    return services.execute(removeSecondFactor, requesterOf(request), { sessionId, kind: 'totp' });
  });

  app.post(`${base}/verify`, { config: guessLimit, schema: operation('verifySecondFactor', c.verifySecondFactor, { tags }) }, async (request) => {
    const { sessionId } = requireAccount(request);
    const result = await services.execute(verifySecondFactor, requesterOf(request), { sessionId, code: request.body.code });
    // A refusal committed its failure count and audit row; only now does it become an error.
    if (!result.ok) throw new AppError('invalid_credentials', result.message);
    return { method: result.method, recoveryCodesLeft: result.recoveryCodesLeft };
  });

  app.post(`${base}/passkeys/registration`, { schema: operation('startPasskeyRegistration', c.startPasskeyRegistration, { tags }) }, async (request) => {
    const { sessionId } = requireAccount(request);
    return { ...(await services.execute(startPasskeyRegistration, requesterOf(request), { sessionId, webAuthn })) };
  });

  app.post(`${base}/passkeys`, { schema: operation('finishPasskeyRegistration', c.finishPasskeyRegistration, { tags, status: 201 }) }, async (request, reply) => {
    const { sessionId } = requireAccount(request);
    const result = await services.execute(finishPasskeyRegistration, requesterOf(request), { sessionId, webAuthn, name: request.body.name, response: request.body.response });
    return reply.status(201).send(result);
  });

  app.delete(`${base}/passkeys/:passkeyId`, { schema: operation('removePasskey', c.removePasskey, { tags }) }, async (request) => {
    const { sessionId } = requireAccount(request);
    return services.execute(removeSecondFactor, requesterOf(request), { sessionId, kind: 'passkey', passkeyId: request.params.passkeyId });
  });

  app.post(`${base}/passkeys/authentication`, { config: guessLimit, schema: operation('startPasskeyVerification', c.startPasskeyVerification, { tags }) }, async (request) => {
    const { sessionId } = requireAccount(request);
    return { ...(await services.execute(startPasskeyVerification, requesterOf(request), { sessionId, webAuthn })) };
  });

  app.post(`${base}/passkeys/verify`, { config: guessLimit, schema: operation('finishPasskeyVerification', c.finishPasskeyVerification, { tags }) }, async (request) => {
    const { sessionId } = requireAccount(request);
    const result = await services.execute(finishPasskeyVerification, requesterOf(request), { sessionId, webAuthn, response: request.body.response });
    if (!result.ok) throw new AppError('invalid_credentials', result.message);
    return { method: result.method, recoveryCodesLeft: result.recoveryCodesLeft };
  });

  app.post(`${base}/recovery-codes`, { schema: operation('regenerateRecoveryCodes', c.regenerateRecoveryCodes, { tags }) }, async (request) => {
    const { sessionId } = requireAccount(request);
    return services.execute(regenerateRecoveryCodes, requesterOf(request), { sessionId });
  });

  // Instance administration: the requirement per role, and a reset (a lost phone).
  const adminTags = ['admin'];
  app.get('/api/admin/second-factor/requirements', { schema: operation('viewSecondFactorRequirements', c.viewSecondFactorRequirements, { tags: adminTags }) }, async (request) => {
    requireAccount(request);
    return { requirements: await services.read(viewSecondFactorRequirements, requesterOf(request), {}) };
  });

  app.put('/api/admin/second-factor/requirements', { schema: operation('setSecondFactorRequirements', c.setSecondFactorRequirements, { tags: adminTags }) }, async (request) => {
    requireAccount(request);
    return { requirements: await services.execute(setSecondFactorRequirements, requesterOf(request), { requirements: request.body.requirements }) };
  });

  app.get('/api/admin/second-factor/accounts', { schema: operation('listAccountSecondFactors', c.listAccountSecondFactors, { tags: adminTags }) }, async (request) => {
    requireAccount(request);
    const rows = await services.read(listAccountSecondFactors, requesterOf(request), {});
    return { accounts: rows.map(presentAccountSecondFactors) };
  });

  app.post('/api/admin/second-factor/accounts/:accountId/reset', { schema: operation('resetSecondFactor', c.resetSecondFactor, { tags: adminTags }) }, async (request) => {
    requireAccount(request);
    return services.execute(resetSecondFactor, requesterOf(request), { accountId: request.params.accountId });
  });
}
