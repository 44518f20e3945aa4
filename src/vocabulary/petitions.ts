// Petition signers and signature states.

export const signerRelationships = ['parent', 'alumnus', 'student', 'educator_elsewhere', 'neighbor', 'other'] as const;
// held_for_review is a gate on top of email confirmation: an organizer's approval turns it into
// confirmed (if the email was confirmed) or pending_confirmation (if not yet).
export const signatureStatuses = ['pending_confirmation', 'confirmed', 'held_for_review'] as const;
// osdi: the unauthenticated helper; api: posted with a write-scoped API key, vouched for by its source.
export const signatureSources = ['web', 'osdi', 'api'] as const;
