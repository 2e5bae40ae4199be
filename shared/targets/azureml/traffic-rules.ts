/**
 * Azure ML's rules for an endpoint's `traffic` and `mirrorTraffic` maps, checked before a
 * PUT so that a mistake is refused here with the rule it breaks, not half-applied by the
 * service: whole percentages, live traffic summing to 100 (or nothing at all), only
 * deployments that exist, and mirror traffic to at most one deployment, at most 50%, that
 * takes no live traffic.
 */
export const MAX_MIRROR_PERCENT = 50;

export function trafficRuleViolations(
  traffic: Record<string, number>,
  mirror: Record<string, number>,
  deployments: readonly string[],
): string[] {
  const problems: string[] = [];
  const known = new Set(deployments);
  for (const [name, weight] of Object.entries(traffic)) {
    if (!known.has(name)) problems.push(`traffic names '${name}', which is not a deployment of the endpoint`);
    if (!Number.isInteger(weight) || weight < 0 || weight > 100)
      problems.push(`traffic of '${name}' is ${weight}, not a whole percentage 0..100`);
  }
  const total = Object.values(traffic).reduce((sum, weight) => sum + weight, 0);
  if (total !== 100 && total !== 0) problems.push(`traffic sums to ${total}%, not 100%`);
  const mirrored = Object.entries(mirror).filter(([, weight]) => weight > 0);
  if (mirrored.length > 1) problems.push(`mirror traffic goes to ${mirrored.length} deployments; Azure ML mirrors to one at most`);
  for (const [name, weight] of mirrored) {
    if (!known.has(name)) problems.push(`mirror traffic names '${name}', which is not a deployment of the endpoint`);
    if (!Number.isInteger(weight) || weight > MAX_MIRROR_PERCENT)
      problems.push(`mirror traffic of '${name}' is ${weight}%; Azure ML allows a whole percentage up to ${MAX_MIRROR_PERCENT}%`);
    if ((traffic[name] ?? 0) > 0) problems.push(`'${name}' takes ${traffic[name]}% of live traffic and cannot also receive mirror traffic`);
  }
  return problems;
}

/** the deployments that still take live or mirror traffic (and so cannot be deleted) */
export function takesTraffic(name: string, traffic: Record<string, number>, mirror: Record<string, number>): boolean {
  return (traffic[name] ?? 0) > 0 || (mirror[name] ?? 0) > 0;
}
