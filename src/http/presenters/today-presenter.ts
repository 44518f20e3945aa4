import type { TodayResponse } from '../../contracts/today.js';
import type { TodayView } from '../../domain/today/view-today.js';

/** The "today" list as the contract names it. */
export function presentToday(view: TodayView): TodayResponse {
  return {
    today: view.today,
    chargeDeadlines: view.chargeDeadlines?.map((d) => ({ incidentId: d.incidentId, occurredOn: d.occurredOn, deadline: d.deadline, daysLeft: d.daysLeft })) ?? null,
    cardsExpiring: view.cardsExpiring,
    mailHeld: view.mailHeld ? { messages: view.mailHeld.messages, cardConfirmations: view.mailHeld.cardConfirmations } : null,
  };
}
