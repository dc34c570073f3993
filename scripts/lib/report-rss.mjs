// Preloaded with `node --import` by the search benchmark: reports the process's peak RSS on exit.
import fs from 'node:fs';

process.on('exit', () => {
  const u = process.resourceUsage();
  fs.writeSync(2, `\nBENCH_MAXRSS_KB ${u.maxRSS}\nBENCH_CPU_MS ${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`);
});
