import type { Benchmark } from '../types.js';
import { healthzBenchmark } from './healthz.js';
import { homePageBenchmark } from './home-page.js';

// Every benchmark `npm run bench` runs, in order. A capability adds its own module beside this
// file and lists it here.
export const benchmarks: Benchmark[] = [healthzBenchmark, homePageBenchmark];
