import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './lib/query.js';
import { appRoutes } from './routes.js';

// One cache for every read of the app, one router built from the navigation table (routes.tsx).
const queryClient = createQueryClient();
const router = createBrowserRouter(appRoutes);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      {/* No loaders and no suspense: a navigation renders the new page at once, not in a
          transition, so the address and the page change together and its reads start at once. */}
      <RouterProvider router={router} useTransitions={false} />
    </QueryClientProvider>
  );
}
