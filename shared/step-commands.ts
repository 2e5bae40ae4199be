/**
 * The commands a pipeline step (GitHub Action, Azure DevOps task) can run. A module of
 * its own, with no imports, so that front ends can check their inputs before they load
 * the core.
 */
export const STEP_COMMANDS = ['detect', 'build', 'deploy', 'smoke', 'rollout', 'promote', 'rollback', 'status', 'run'] as const;
export type StepCommand = (typeof STEP_COMMANDS)[number];

/** commands that work on a model version, which the triggering event may choose */
export const TAKES_VERSION: ReadonlySet<StepCommand> = new Set(['detect', 'build', 'deploy', 'smoke', 'rollout', 'run']);
