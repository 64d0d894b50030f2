import type { ClientProfile, Workspace } from '../model/index.js';
import { healthOf } from '../care/health.js';

/** The health lines of `/client show` and `/client health`: score, label, why, and any flag for review. */
export function describeHealth(profile: Pick<ClientProfile, 'client' | 'interactions'>, workspace: Workspace, now: Date): string[] {
  const health = healthOf(profile, now, workspace.policy);
  return [
    `${health.score}/100, ${health.label}`,
    ...health.reasons,
    ...health.flags.map((flag) => `⚑ For the owner to review: ${flag}`),
  ];
}
