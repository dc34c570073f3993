// Preloaded with `node --import` by the search benchmark: reports the process's peak RSS on exit.
import fs from 'node:fs';

process.on('exit', () => {
  fs.writeSync(2, `\nBENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`);
});
