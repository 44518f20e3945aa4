import type { Benchmark } from '../types.js';
import { cardPageBenchmark, petitionPageBenchmark } from './form-pages.js';
import { healthzBenchmark } from './healthz.js';
import { homePageBenchmark } from './home-page.js';
import { osdiPetitionsBenchmark } from './osdi-petitions.js';
import { newsletterSendBenchmark } from './newsletter-send.js';
import { organizerApiBenchmark } from './organizer-api.js';
import { petitionSignBenchmark } from './petition-sign.js';
import { scriptBenchmark } from './script-benchmark.js';

// Every benchmark `npm run bench` runs, in order. A capability adds its own module beside this
// file (or a standalone script in bench/) and lists it here.
export const benchmarks: Benchmark[] = [
  healthzBenchmark,
  homePageBenchmark,
  cardPageBenchmark,
  petitionPageBenchmark,
  petitionSignBenchmark,
  osdiPetitionsBenchmark,
  newsletterSendBenchmark,
  organizerApiBenchmark,
  scriptBenchmark('majority-1m', 'dashboard numbers with 1,000,000 employees at 10,000 worksites vs a raw GROUP BY', 'bench/majority-1m.ts'),
  scriptBenchmark('people-list-1m', 'the people list filtered and sorted at 1,000,000 people vs the bare keyset query of its first page', 'bench/people-list-1m.ts'),
  scriptBenchmark('roster-import-1m', 'a 1,000,000-row roster CSV through the real import vs a raw COPY of the same file', 'bench/roster-import-1m.ts'),
];
