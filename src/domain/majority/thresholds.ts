export type Threshold = {
  /** Valid cards needed to reach it. */
  needed: number;
  met: boolean;
  /** Cards still missing (0 once met). */
  remaining: number;
};

export type SupportFigures = {
  eligible: number;
  valid_cards: number;
  /** valid_cards / eligible × 100, one decimal; 0 when no one is eligible. */
  percent: number;
  thresholds: { showing_of_interest: Threshold; majority: Threshold; goal: Threshold };
};

export const SHOWING_OF_INTEREST_PERCENT = 30;

/** The smallest whole number of cards that is at least `percent`% of `eligible` (integer math). */
export function cardsForPercent(eligible: number, percent: number): number {
  return Math.ceil((eligible * percent) / 100 - 1e-9);
}

/** Strictly more than half: 10 eligible need 6, 11 need 6. */
export function cardsForMajority(eligible: number): number {
  return Math.floor(eligible / 2) + 1;
}

function threshold(needed: number, validCards: number, eligible: number): Threshold {
  // With no one eligible there is nothing to reach: a threshold is never "met" by zero of zero.
  const met = eligible > 0 && validCards >= needed;
  return { needed, met, remaining: met ? 0 : Math.max(needed - validCards, 0) };
}

/**
 * The numbers for one unit or worksite: 30% showing of interest (NLRB 29 CFR 101.18(a)), majority
 * (50% + 1: strictly more than half), and the campaign's own goal (default 65%).
 */
export function supportFigures(eligible: number, validCards: number, goalPercent: number): SupportFigures {
  return {
    eligible,
    valid_cards: validCards,
    percent: eligible === 0 ? 0 : Math.round((validCards * 1000) / eligible) / 10,
    thresholds: {
      showing_of_interest: threshold(eligible === 0 ? 0 : Math.max(1, cardsForPercent(eligible, SHOWING_OF_INTEREST_PERCENT)), validCards, eligible),
      majority: threshold(eligible === 0 ? 0 : cardsForMajority(eligible), validCards, eligible),
      goal: threshold(eligible === 0 ? 0 : Math.max(1, cardsForPercent(eligible, goalPercent)), validCards, eligible),
    },
  };
}
