import cliProgress from 'cli-progress';

export type Progress = { tick: (n?: number) => void; done: () => void };

// A bar on a terminal; plain lines in CI logs and pipes, where a bar's carriage returns are noise.
export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total}`, stream }, cliProgress.Presets.shades_classic);
    bar.start(total, 0);
    return { tick: (n = 1) => bar.increment(n), done: () => bar.stop() };
  }
  let value = 0;
  let lastPercent = -1;
  return {
    tick(n = 1) {
      value += n;
      const percent = total === 0 ? 100 : Math.floor((value / total) * 100);
      if (percent >= lastPercent + 25 || value === total) {
        lastPercent = percent;
        stream.write(`${label}: ${value}/${total} (${percent}%)\n`);
      }
    },
    done() {
      if (value < total) stream.write(`${label}: ${value}/${total}\n`);
    },
  };
}
