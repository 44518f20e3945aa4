import type { SupportFigures } from '../../src/contracts/majority.js';

/** The majority API's figures as the filing packet's preview gives them, so the two can be compared exactly. */
export function asPacketFigures(f: SupportFigures) {
  const t = f.thresholds;
  return { eligible: f.eligible, validCards: f.validCards, percent: f.percent, thresholds: { showingOfInterest: t.showingOfInterest, majority: t.majority, goal: t.goal } };
}

export type PacketFigures = ReturnType<typeof asPacketFigures>;
