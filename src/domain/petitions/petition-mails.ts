import type { SignatureOutcome } from '../../db/repositories/signature-writer.js';

export type PetitionMailContext = { petitionTitle: string; givenName: string; confirmUrl: string; petitionUrl: string };

// The signer sees the same page whatever happened; the email is where a duplicate learns the truth
// (only the owner of the address reads it).
export function composePetitionMail(outcome: SignatureOutcome, c: PetitionMailContext): { kind: string; subject: string; text: string } {
  if (outcome === 'new') {
    return {
      kind: 'petition_confirmation',
      subject: `Confirm your signature: ${c.petitionTitle}`,
      text: `Hi ${c.givenName},\n\nThank you for signing "${c.petitionTitle}".\n\nYour signature counts once you confirm it. Open this link:\n${c.confirmUrl}\n\nIf you did not sign, ignore this message and nothing will be counted.\n`,
    };
  }
  if (outcome === 'duplicate_unconfirmed') {
    return {
      kind: 'petition_already_signed',
      subject: `You already signed: ${c.petitionTitle}`,
      text: `Hi ${c.givenName},\n\nYou already signed "${c.petitionTitle}" with this email address, but your signature is not confirmed yet.\n\nOpen this link to confirm it (earlier links no longer work):\n${c.confirmUrl}\n\nIf you did not sign, ignore this message.\n`,
    };
  }
  return {
    kind: 'petition_already_signed',
    subject: `You already signed: ${c.petitionTitle}`,
    text: `Hi ${c.givenName},\n\nYou already signed "${c.petitionTitle}" with this email address, and your signature is counted. There is nothing more to do.\n\nShare the petition: ${c.petitionUrl}\n\nIf you did not just sign again, someone typed your address; ignore this message.\n`,
  };
}
