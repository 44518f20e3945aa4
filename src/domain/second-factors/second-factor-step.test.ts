import { describe, expect, it } from 'vitest';
import { decideSecondFactorStep } from './second-factor-step.js';

describe('decideSecondFactorStep', () => {
  it('asks a session of an account with a factor to verify it, required or not', () => {
    expect(decideSecondFactorStep({ required: true, enrolled: true, verified: false })).toBe('verify');
    expect(decideSecondFactorStep({ required: false, enrolled: true, verified: false })).toBe('verify');
  });
  it('sends an account that must have a factor and has none to enrolment', () => {
    expect(decideSecondFactorStep({ required: true, enrolled: false, verified: false })).toBe('enrol');
  });
  it('lets a verified session, or an account without a factor that needs none, through', () => {
    expect(decideSecondFactorStep({ required: true, enrolled: true, verified: true })).toBe('done');
    expect(decideSecondFactorStep({ required: false, enrolled: false, verified: false })).toBe('done');
  });
});
