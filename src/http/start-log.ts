/**
 * What the start log tells a person once the service is ready: where the API is, and only the
 * pages this configuration serves (in production the playground answers 404, so it is not offered).
 */
import type { Exposure } from '../config';

/** The two lines `npm start` logs when the service is ready to answer at `base`, taking `seconds` to get there. */
export function readyLines(base: string, exposure: Exposure, seconds: number): string[] {
  const pages = [
    exposure.playground ? `playground: open ${base}/ in a browser` : 'playground: off (PLAYGROUND=true turns it on)',
    `dashboard: ${base}/dashboard`,
    `health: ${base}/healthz, ${base}/readyz`,
    exposure.metrics === 'off' ? 'metrics: off' : `metrics: ${base}/metrics (${exposure.metrics})`,
  ];
  return [`[server] ready in ${seconds.toFixed(1)} s: GraphQL API at ${base}/graphql`, `[server] ${pages.join('; ')}; Ctrl-C stops`];
}
