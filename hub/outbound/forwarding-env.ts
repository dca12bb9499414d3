// Environment: Node (hub). Forwarding's configuration from the environment: HUB_FORWARD_URL (the
// Klaviyo-compatible base URL), HUB_FORWARD_KEY (its private API key) and optionally HUB_FORWARD_METRICS
// (comma-separated metric names; default the humans' outcome events).
import { forwardingConfigSchema, type ForwardingConfig } from '../../shared/outbound.js';

export class ForwardingConfigError extends Error {}

const VARIABLES: Record<string, string> = {
  url: 'HUB_FORWARD_URL',
  key: 'HUB_FORWARD_KEY',
  metrics: 'HUB_FORWARD_METRICS',
};

/** Null when HUB_FORWARD_URL is unset or empty; throws ForwardingConfigError naming each bad variable. */
export function forwardingFromEnv(env: NodeJS.ProcessEnv): ForwardingConfig | null {
  const url = env.HUB_FORWARD_URL ?? '';
  if (url === '') return null;
  const metrics = (env.HUB_FORWARD_METRICS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const config = forwardingConfigSchema.safeParse({
    url,
    key: env.HUB_FORWARD_KEY ?? '',
    ...(metrics.length > 0 ? { metrics } : {}),
  });
  if (config.success) return config.data;
  const problems = config.error.issues.map(
    (issue) => `${VARIABLES[String(issue.path[0])] ?? 'HUB_FORWARD_URL'}: ${issue.message}`,
  );
  throw new ForwardingConfigError(`Forwarding is misconfigured: ${problems.join('; ')}.`);
}
