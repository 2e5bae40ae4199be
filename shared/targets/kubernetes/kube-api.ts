import * as http from 'node:http';
import * as https from 'node:https';
import { ApiException, CoreV1Api, KubeConfig, KubernetesObject, KubernetesObjectApi, PatchStrategy } from '@kubernetes/client-node';
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import { Clock, realClock } from '../../clock';
import { errorMessage } from '../../errors';
import { RetryError, RetryPolicy, errorCode, networkErrorCode, withRetry } from '../../retry';
import { FIELD_MANAGER } from './names';

/**
 * The calls the Kubernetes target makes, over @kubernetes/client-node, with bounded
 * retries (shared/retry.ts): 429 (honouring Retry-After), 5xx and network errors are
 * retried with exponential backoff, within a time budget per call; anything else fails at
 * once. Errors name the server and context.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, firstDelayMs: 200, maxDelayMs: 5_000, budgetMs: 30_000 };

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

export interface ProxyRequest {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  timeoutMs: number;
}

export interface ProxyResponse {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export class KubeApiError extends Error {
  constructor(
    message: string,
    readonly code: number | undefined,
  ) {
    super(message);
  }
}

const RETRIABLE_CODES = new Set([429, 500, 502, 503, 504]);

export class KubeApi {
  private readonly objects: KubernetesObjectApi;
  private readonly core: CoreV1Api;
  /** e.g. `https://aks.example:443 (context prod)`, for messages */
  readonly where: string;
  /** the API server's base URL */
  readonly server: string;

  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly log: (line: string) => void,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly clock: Clock = realClock,
  ) {
    this.objects = KubernetesObjectApi.makeApiClient(kubeConfig);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.server = (kubeConfig.getCurrentCluster()?.server ?? '').replace(/\/+$/, '');
    this.where = `${this.server || '(no server)'} (context ${kubeConfig.getCurrentContext() || '(in-cluster)'})`;
  }

  /** server-side apply: creates or converges the object; fields modelship no longer sets are removed */
  async apply<T extends KubernetesObject>(obj: T): Promise<T> {
    const doing = `applying ${obj.kind} ${obj.metadata?.namespace}/${obj.metadata?.name}`;
    return this.call(doing, () => this.objects.patch(obj, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply));
  }

  async read<T extends KubernetesObject>(ref: ObjectRef): Promise<T | undefined> {
    try {
      return await this.call(`reading ${ref.kind} ${ref.namespace}/${ref.name}`, () =>
        this.objects.read<T>({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } }),
      );
    } catch (err: unknown) {
      if (err instanceof KubeApiError && err.code === 404) return undefined;
      throw err;
    }
  }

  async list<T extends KubernetesObject>(apiVersion: string, kind: string, namespace: string, labelSelector: string): Promise<T[]> {
    const res = await this.call(`listing ${kind}s in ${namespace} (${labelSelector})`, () =>
      this.objects.list<T>(apiVersion, kind, namespace, undefined, undefined, undefined, undefined, labelSelector),
    );
    return res.items;
  }

  async create<T extends KubernetesObject>(obj: T): Promise<T> {
    return this.call(`creating ${obj.kind} ${obj.metadata?.namespace}/${obj.metadata?.name}`, () =>
      this.objects.create(obj, undefined, undefined, FIELD_MANAGER),
    );
  }

  /** PUT with the object's resourceVersion: a KubeApiError with code 409 when someone changed it meanwhile */
  async replace<T extends KubernetesObject>(obj: T): Promise<T> {
    return this.call(`replacing ${obj.kind} ${obj.metadata?.namespace}/${obj.metadata?.name}`, () =>
      this.objects.replace(obj, undefined, undefined, FIELD_MANAGER),
    );
  }

  /** delete; an object that is already gone is fine */
  async delete(ref: ObjectRef): Promise<void> {
    try {
      await this.call(`deleting ${ref.kind} ${ref.namespace}/${ref.name}`, () =>
        this.objects.delete(
          { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace } },
          undefined,
          undefined,
          undefined,
          undefined,
          'Background',
        ),
      );
    } catch (err: unknown) {
      if (err instanceof KubeApiError && err.code === 404) return;
      throw err;
    }
  }

  async pods(namespace: string, labelSelector: string): Promise<V1Pod[]> {
    const res = await this.call(`listing pods in ${namespace} (${labelSelector})`, () =>
      this.core.listNamespacedPod({ namespace, labelSelector }),
    );
    return res.items;
  }

  async podEvents(namespace: string, pod: string): Promise<CoreV1Event[]> {
    const res = await this.call(`listing events of pod ${namespace}/${pod}`, () =>
      this.core.listNamespacedEvent({ namespace, fieldSelector: `involvedObject.kind=Pod,involvedObject.name=${pod}` }),
    );
    return res.items;
  }

  async podLog(namespace: string, pod: string, opts: { tailLines: number; previous: boolean }): Promise<string> {
    return this.call(`reading the log of pod ${namespace}/${pod}`, () =>
      this.core.readNamespacedPodLog({ name: pod, namespace, tailLines: opts.tailLines, previous: opts.previous }),
    );
  }

  /**
   * A request to a Service through the API server's service proxy
   * (`/api/v1/namespaces/{ns}/services/{name}:{port}/proxy/{path}`), so that a runner
   * outside the cluster network reaches the pods. Not retried: it is data-plane traffic
   * whose failures the analysis must see.
   */
  async proxy(namespace: string, service: string, port: string, req: ProxyRequest): Promise<ProxyResponse> {
    const cluster = this.kubeConfig.getCurrentCluster();
    if (!cluster) throw new KubeApiError(`no cluster in the kubeconfig (${this.where})`, undefined);
    const base = new URL(cluster.server);
    const prefix = base.pathname.replace(/\/+$/, '');
    const url = new URL(
      `${prefix}/api/v1/namespaces/${encodeURIComponent(namespace)}/services/${encodeURIComponent(service)}:${port}/proxy${req.path.startsWith('/') ? '' : '/'}${req.path}`,
      base,
    );
    const opts: https.RequestOptions = {
      method: req.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      headers: {
        ...(req.headers ?? {}),
        ...(req.body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(req.body)) } : {}),
      },
      timeout: req.timeoutMs,
    };
    // client-node fills in the TLS settings and the credentials of the context
    await this.kubeConfig.applyToHTTPSOptions(opts);
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise<ProxyResponse>((resolve, reject) => {
      const outgoing = lib.request(opts, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        res.on('error', reject);
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${req.timeoutMs} ms`)));
      outgoing.on('error', reject);
      outgoing.end(req.body);
    });
  }

  private async call<T>(doing: string, fn: () => Promise<T>): Promise<T> {
    const started = this.clock.now();
    let attempts = 0;
    try {
      return await withRetry(
        doing,
        () => {
          attempts += 1;
          return fn();
        },
        {
          ...this.retry,
          clock: this.clock,
          log: (line) => this.log(`kubernetes: ${line}`),
          retriable: (outcome) => !outcome.ok && isRetriable(outcome.error),
          describe: (outcome) => (outcome.ok ? 'an answer' : describeFailure(outcome.error).message),
        },
      );
    } catch (err: unknown) {
      const failure = err instanceof RetryError ? err.lastError : err;
      const { code, message } = describeFailure(failure);
      const spent = ((this.clock.now() - started) / 1000).toFixed(1);
      const limit = err instanceof RetryError && err.limit ? `; ${err.limit}` : '';
      const tried = attempts > 1 || limit ? ` (after ${attempts} attempt${attempts === 1 ? '' : 's'} in ${spent} s${limit})` : '';
      const context = this.kubeConfig.getCurrentContext();
      const check =
        err instanceof RetryError
          ? `; check that the API server is up and reachable from this machine (\`kubectl${context ? ` --context ${context}` : ''} get --raw /readyz\`)`
          : '';
      throw new KubeApiError(`${doing} on ${this.where}: ${message}${tried}${check}`, code);
    }
  }
}

interface StatusBody {
  message?: string;
  reason?: string;
}

/** 429 and 5xx answers (Retry-After is read by the retry helper from the ApiException's headers), and network errors */
function isRetriable(err: unknown): boolean {
  if (err instanceof ApiException) return RETRIABLE_CODES.has((err as ApiException<unknown>).code);
  return networkErrorCode(err) !== undefined;
}

function describeFailure(err: unknown): { code?: number; message: string } {
  if (err instanceof ApiException) {
    const apiError = err as ApiException<unknown>;
    const body = parseBody(apiError.body);
    return {
      code: apiError.code,
      message: `${apiError.code}${body.reason ? ` ${body.reason}` : ''}: ${body.message ?? (typeof apiError.body === 'string' ? apiError.body.slice(0, 300) : 'no message')}`,
    };
  }
  return { message: networkMessage(err) };
}

function parseBody(body: unknown): StatusBody {
  if (typeof body === 'object' && body !== null) return body;
  if (typeof body === 'string') {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null) return parsed;
    } catch {
      // not JSON: the text is the message
    }
    return { message: body.slice(0, 300) };
  }
  return {};
}

function networkMessage(err: unknown): string {
  const code = errorCode(err);
  const msg = errorMessage(err);
  return code && !msg.includes(code) ? `${code}: ${msg}` : msg;
}
