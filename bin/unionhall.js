#!/usr/bin/env node
// The `unionhall` command. Runs the TypeScript sources through tsx, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

// React renders the public pages, and picks its build when first loaded: with NODE_ENV unset it
// is the development build, whose checks and stack captures took about half of the CPU of a card
// page (profile in issue 16, decision 0035). The app runs the production build unless told
// otherwise; Vitest sets NODE_ENV=test, so the test suite keeps React's development checks.
// eslint-disable-next-line no-restricted-properties -- sets React's build switch (not configuration) before React loads
process.env.NODE_ENV ??= 'production';
register();
await import('../src/cli/main.ts');
