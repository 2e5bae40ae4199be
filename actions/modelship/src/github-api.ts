import type { DeploymentStatusState, DeploymentsApi, NewDeployment, NewDeploymentStatus } from './deployments';
import { DeploymentsApiError } from './deployments';
import { errorMessage } from '../../../shared/errors';
import { isRecord } from '../../../shared/json';

const STATES = new Set<string>(['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success']);

/**
 * @actions/github, loaded once. Its `context` reads the event file (GITHUB_EVENT_PATH) as the
 * module loads and throws on a file that is not JSON: loading it here, in a try, keeps that
 * error for the trigger to report (the commands that do not read the event still run).
 */
export type GitHubToolkit = typeof import('@actions/github');

export type GitHubToolkitLoad = { ok: true; github: GitHubToolkit } | { ok: false; error: string };

export async function loadGitHubToolkit(): Promise<GitHubToolkitLoad> {
  try {
    return { ok: true, github: await import('@actions/github') };
  } catch (err: unknown) {
    return { ok: false, error: errorMessage(err) };
  }
}

interface RequestClient {
  request(route: string, params: Record<string, unknown>): Promise<{ status: number; data: unknown }>;
}

/** every request of the deployments API waits this long at most */
const REQUEST_TIMEOUT_MS = 10_000;

const HEADERS = { accept: 'application/vnd.github+json' };

function apiError(err: unknown, what: string): DeploymentsApiError {
  const status = typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' ? err.status : undefined;
  const response = typeof err === 'object' && err !== null && 'response' in err ? err.response : undefined;
  const data = typeof response === 'object' && response !== null && 'data' in response ? response.data : undefined;
  let message = isRecord(data) && typeof data.message === 'string' ? data.message : errorMessage(err);
  // a 422 says which field: {message, errors: [{resource, field, code, message?}]}
  const errors = isRecord(data) && Array.isArray(data.errors) ? data.errors.filter(isRecord) : [];
  if (errors.length > 0) {
    const details = errors.map((e) => [e.resource, e.field, e.code, e.message].filter((v) => typeof v === 'string').join(' '));
    message += ` (${details.join('; ')})`;
  }
  return new DeploymentsApiError(what, status, message);
}

/** The deployments REST API (repos/{owner}/{repo}/deployments) through @actions/github's Octokit, at GITHUB_API_URL. */
export function octokitDeployments(github: GitHubToolkit, token: string, repo: { owner: string; repo: string }): DeploymentsApi {
  // Octokit's route types do not resolve under this project's module resolution: its
  // request() is used through this shape, and every answer is checked
  const octokit = github.getOctokit(token) as unknown as RequestClient;
  const opts = () => ({ ...repo, headers: HEADERS, request: { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) } });
  return {
    async createDeployment(body: NewDeployment): Promise<{ id: number }> {
      const what = 'POST /repos/{owner}/{repo}/deployments';
      try {
        const res = await octokit.request('POST /repos/{owner}/{repo}/deployments', { ...opts(), ...body });
        const data: unknown = res.data;
        // 202 (a merge of the default branch is under way) answers a message, not a deployment
        if (!isRecord(data) || typeof data.id !== 'number') {
          const message = isRecord(data) && typeof data.message === 'string' ? data.message : 'no deployment in the answer';
          throw new DeploymentsApiError(what, res.status, message);
        }
        return { id: data.id };
      } catch (err: unknown) {
        throw err instanceof DeploymentsApiError ? err : apiError(err, what);
      }
    },
    async createStatus(deploymentId: number, body: NewDeploymentStatus): Promise<void> {
      const what = 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses';
      try {
        await octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
          ...opts(),
          deployment_id: deploymentId,
          ...body,
        });
      } catch (err: unknown) {
        throw apiError(err, what);
      }
    },
    async listDeployments(environment: string, perPage: number): Promise<Array<{ id: number }>> {
      const what = 'GET /repos/{owner}/{repo}/deployments';
      try {
        const res = await octokit.request('GET /repos/{owner}/{repo}/deployments', { ...opts(), environment, per_page: perPage });
        const data: unknown = res.data;
        if (!Array.isArray(data)) throw new DeploymentsApiError(what, res.status, 'the answer is not a list of deployments');
        return data.filter(isRecord).flatMap((d) => (typeof d.id === 'number' ? [{ id: d.id }] : []));
      } catch (err: unknown) {
        throw apiError(err, what);
      }
    },
    async latestStatus(deploymentId: number): Promise<DeploymentStatusState | undefined> {
      const what = 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses';
      try {
        const res = await octokit.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
          ...opts(),
          deployment_id: deploymentId,
          per_page: 1,
        });
        const data: unknown = res.data;
        if (!Array.isArray(data)) throw new DeploymentsApiError(what, res.status, 'the answer is not a list of statuses');
        const first: unknown = data[0];
        return isRecord(first) && typeof first.state === 'string' && STATES.has(first.state)
          ? (first.state as DeploymentStatusState)
          : undefined;
      } catch (err: unknown) {
        throw apiError(err, what);
      }
    },
  };
}
