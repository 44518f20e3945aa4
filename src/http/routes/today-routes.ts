import { todayContract } from '../../contracts/today.js';
import type { Services } from '../../domain/create-services.js';
import { viewToday } from '../../domain/today/view-today.js';
import { operation, requesterOf } from '../operation.js';
import { presentToday } from '../presenters/today-presenter.js';
import type { ZodApp } from '../zod-app.js';

// The dashboard's "what to do today" list.
export function registerTodayRoutes(app: ZodApp, services: Services): void {
  app.get('/api/campaigns/:slug/today', { schema: operation('viewToday', todayContract.viewToday, { tags: ['dashboard'] }) }, async (request) => {
    return presentToday(await services.read(viewToday, requesterOf(request), request.params));
  });
}
