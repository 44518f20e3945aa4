// Imported first by bench/run.ts: React picks its build when first loaded, and the app as
// `unionhall serve` runs it uses the production build (bin/unionhall.js; decision 0035). The
// benchmarks measure that app, not React's development checks.
process.env.NODE_ENV ??= 'production';
