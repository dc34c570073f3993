// Preloaded with `node --import` by the search benchmark: reports the process's peak RSS on exit.
// Sampled (every 2 ms and at exit) rather than read from resourceUsage().maxRSS: on Linux a
// spawned child's maxRSS starts at its parent's RSS at fork time, which would hide the child's own.
import fs from 'node:fs';

let peak = process.memoryUsage.rss();
const sample = () => {
  const rss = process.memoryUsage.rss();
  if (rss > peak) peak = rss;
};
setInterval(sample, 2).unref();

process.on('exit', () => {
  sample();
  const u = process.resourceUsage();
  fs.writeSync(2, `\nBENCH_MAXRSS_KB ${Math.round(peak / 1024)}\nBENCH_CPU_MS ${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`);
});
