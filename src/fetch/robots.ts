/**
 * @file robots.txt: read once at the start of a run; disallowed paths are skipped and reported,
 * a Crawl-delay raises the gap between requests.
 */
import { createRequire } from 'node:module';
import type { PoliteClient } from './client.js';
import { FatalFetchError, RunStopError } from './errors.js';

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS (module.exports = fn) while its types declare a default export.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robots;

/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'lgo-decisions';

export interface RobotsInfo {
  /** Whether robots.txt was found (404 means everything is allowed). */
  found: boolean;
  crawlDelayMs: number | undefined;
}

/**
 * Fetches `/robots.txt` through the client and installs its rules on it.
 * A 4xx means no rules; a site that cannot serve robots.txt at all stops the run (RFC 9309: assume disallowed).
 */
export async function applyRobots(client: PoliteClient): Promise<RobotsInfo> {
  const url = client.resolve('/robots.txt');
  let text: string;
  try {
    const res = await client.get(url, {}, { checkRobots: false });
    text = client.text(res);
  } catch (err) {
    if (err instanceof FatalFetchError && err.status !== undefined && err.status >= 400 && err.status < 500) return { found: false, crawlDelayMs: undefined };
    if (err instanceof RunStopError) throw err;
    throw new RunStopError('robots-unavailable', `${url}: robots.txt could not be read (${(err as Error).message}); not crawling without it`, {
      hint: 'try again later',
      cause: err,
    });
  }
  const robots = robotsParser(url, text);
  const agent = ROBOTS_AGENT;
  client.isAllowed = (u) => robots.isAllowed(u, agent) !== false;
  const delay = robots.getCrawlDelay(agent);
  const crawlDelayMs = typeof delay === 'number' && delay > 0 ? delay * 1000 : undefined;
  if (crawlDelayMs) client.pacer.raiseTo(crawlDelayMs);
  return { found: true, crawlDelayMs };
}
