import type { SupportFigures } from '../../src/contracts/majority.js';

/**
 * The majority API's figures as the filing packet's preview still spells them (snake_case, as the
 * domain's supportFigures() does), so the two can be compared exactly.
 */
export function asPacketFigures(f: SupportFigures) {
  const t = f.thresholds;
  return { eligible: f.eligible, valid_cards: f.validCards, percent: f.percent, thresholds: { showing_of_interest: t.showingOfInterest, majority: t.majority, goal: t.goal } };
}

export type PacketFigures = ReturnType<typeof asPacketFigures>;
