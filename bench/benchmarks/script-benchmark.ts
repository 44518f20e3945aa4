import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Benchmark, Figure } from '../types.js';

const root = path.resolve(import.meta.dirname, '..', '..');

// The large-scale benchmarks (a million rows) are standalone scripts: they build their own data in
// their own PostgreSQL and can be run alone. This runs one as a child process and takes each
// `name: value (comparison) [goal TEXT: yes|no]` line it prints on stdout as a figure (the
// comparison and the goal are optional); its progress passes through.
export function scriptBenchmark(name: string, description: string, script: string): Benchmark {
  return {
    name,
    description,
    run: (context) =>
      new Promise<Figure[]>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
        context.defer(() => {
          if (child.exitCode === null) child.kill('SIGINT');
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('error', reject);
        child.on('exit', (code) => {
          if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
          const figures = out
            .split('\n')
            .map((line) => /^([^:]+): (.*?)(?: \((.*)\))?(?: \[goal (.*): (yes|no)\])?$/.exec(line.trim()))
            .filter((m): m is RegExpExecArray => m !== null)
            .map((m) => ({ name: m[1] ?? name, value: m[2] ?? '', ...(m[3] ? { comparison: m[3] } : {}), ...(m[4] ? { goal: { text: m[4], met: m[5] === 'yes' } } : {}) }));
          resolve(figures);
        });
      }),
  };
}
