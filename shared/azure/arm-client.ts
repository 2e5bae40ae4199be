import type { TokenCredential } from '@azure/core-auth';
import {
  HttpClient,
  Pipeline,
  PipelineResponse,
  RetryStrategy,
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  isRestError,
  retryPolicy,
} from '@azure/core-rest-pipeline';
import { LongRunningOperation, LroResponse, OperationState, createHttpPoller } from '@azure/core-lro';
import { StageError, errorMessage, firstLine } from '../errors';
import { isRecord } from '../json';

/**
 * A small client of the Azure Resource Manager REST API, over @azure/core-rest-pipeline
 * (the transport the Azure SDKs use): bearer tokens from an @azure/identity credential for
 * `<resourceManagerUrl>/.default`, a timeout per request, bounded retries of throttling
 * (429, Retry-After honoured up to a cap), 5xx answers and network errors, and errors that
 * quote ARM's `code` and `message` and say what to check. It knows nothing about Azure ML;
 * the Azure ML registry says which paths to call.
 */
export interface ArmClientOptions {
  /** e.g. https://management.azure.com (no trailing slash) */
  resourceManagerUrl: string;
  credential: TokenCredential;
  /** where the credential comes from, for error messages, e.g. "the GitHub OIDC login (azure-client-id)" */
  credentialSource: string;
  apiVersion: string;
  log: (line: string) => void;
  /** retries after the first attempt (default 4) */
  maxRetries?: number;
  /** a Retry-After longer than this is not waited for (default 60 s) */
  maxRetryAfterMs?: number;
  /** per request (default 30 s) */
  timeoutMs?: number;
  /** first backoff of 5xx and network errors (default 500 ms), doubled per retry */
  firstDelayMs?: number;
  httpClient?: HttpClient;
}

/** an ARM error answer, as ARM spells it */
export interface ArmErrorInfo {
  status: number;
  code: string;
  message: string;
  /** the role action a 403 names, when it does */
  action?: string;
}

type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

interface RawAnswer {
  status: number;
  /** lower-case names */
  headers: Record<string, string>;
  text: string;
  body: unknown;
}

/** the operation status document ARM polls (Azure-AsyncOperation) */
interface OperationStatusBody {
  status?: string;
  error?: { code?: string; message?: string };
}

/** a long-running operation that ended Failed or Canceled, with the service's error */
export class ArmOperationError extends StageError {
  constructor(
    doing: string,
    readonly status: 'Failed' | 'Canceled',
    readonly error: { code: string; message: string },
  ) {
    super(doing, `the operation ended ${status}: ${error.code}: ${error.message}`);
    this.name = 'ArmOperationError';
  }
}

function operationError(body: OperationStatusBody | undefined): { code: string; message: string } {
  const code = body?.error?.code ?? (body?.status === 'Canceled' ? 'Canceled' : 'Unknown');
  const message = body?.error?.message ?? (body?.status === 'Canceled' ? 'the operation was canceled' : 'no error was given');
  return { code, message: firstLine(message) };
}

function describeStatus(body: OperationStatusBody | undefined): string {
  return body?.status ?? 'not polled yet';
}

/** an ARM answer that is not a success; `doing` says which call it was */
export class ArmRequestError extends StageError {
  constructor(
    doing: string,
    readonly info: ArmErrorInfo,
    check?: string,
  ) {
    super(doing, `Azure Resource Manager answered ${info.status} ${info.code}: ${info.message}`, check);
    this.name = 'ArmRequestError';
  }
}

const RETRIED_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export class ArmClient {
  private readonly pipeline: Pipeline;
  private readonly httpClient: HttpClient;
  private readonly base: string;
  private readonly scope: string;

  constructor(private readonly opts: ArmClientOptions) {
    this.base = opts.resourceManagerUrl.replace(/\/+$/, '');
    this.scope = `${this.base}/.default`;
    this.httpClient = opts.httpClient ?? createDefaultHttpClient();
    this.pipeline = createPipelineFromOptions({ userAgentOptions: { userAgentPrefix: 'modelship' } });
    // our own strategy replaces the default one: it caps Retry-After and logs every retry
    this.pipeline.removePolicy({ phase: 'Retry' });
    this.pipeline.addPolicy(retryPolicy([this.retryStrategy()], { maxRetries: opts.maxRetries ?? 4 }), { phase: 'Retry' });
    this.pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: opts.credential, scopes: this.scope }), { phase: 'Sign' });
  }

  async get<T>(path: string, doing: string, query: Record<string, string> = {}): Promise<T> {
    return this.call<T>('GET', this.url(path, query), doing);
  }

  /** GET that answers undefined on 404 (an absent resource is an answer, not an error) */
  async find<T>(path: string, doing: string, query: Record<string, string> = {}): Promise<T | undefined> {
    try {
      return await this.get<T>(path, doing, query);
    } catch (err: unknown) {
      if (err instanceof ArmRequestError && err.info.status === 404 && isAbsentResource(err.info)) return undefined;
      throw err;
    }
  }

  async put<T>(path: string, body: unknown, doing: string): Promise<T> {
    return this.call<T>('PUT', this.url(path, {}), doing, body);
  }

  async post<T>(path: string, body: unknown, doing: string): Promise<T> {
    return this.call<T>('POST', this.url(path, {}), doing, body);
  }

  /**
   * A PUT or DELETE that ARM runs as a long-running operation: the first answer names an
   * operation (Azure-AsyncOperation or Location) that is polled, Retry-After honoured, until
   * it ends Succeeded, Failed or Canceled, or until `deadlineMs` passes. Polling is
   * @azure/core-lro's, the poller the Azure SDKs use. Resolves with the final resource (PUT)
   * or undefined (DELETE); rejects with an ArmOperationError carrying the service's error
   * code and message when the operation did not succeed.
   */
  async longRunning<T>(
    method: 'PUT' | 'DELETE',
    path: string,
    body: unknown,
    doing: string,
    opts: { deadlineMs: number; pollIntervalMs: number },
  ): Promise<T | undefined> {
    const url = this.url(path, {});
    let last: OperationStatusBody | undefined;
    const lro: LongRunningOperation<unknown> = {
      requestMethod: method,
      requestPath: url,
      sendInitialRequest: async () => this.lroResponse(await this.send(method, url, doing, body), doing),
      sendPollRequest: async (pollUrl: string) => {
        const answer = this.lroResponse(await this.send('GET', this.sameOrigin(pollUrl, doing), `${doing} (polling the operation)`), doing);
        if (isRecord(answer.rawResponse.body)) last = answer.rawResponse.body;
        return answer;
      },
    };
    const poller = await createHttpPoller<unknown, OperationState<unknown>>(lro, {
      intervalInMs: opts.pollIntervalMs,
      resolveOnUnsuccessful: true,
      resourceLocationConfig: 'azure-async-operation',
    });
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), opts.deadlineMs);
    try {
      await poller.pollUntilDone({ abortSignal: abort.signal });
    } catch (err: unknown) {
      if (abort.signal.aborted)
        throw new StageError(
          doing,
          `the operation did not finish within ${Math.round(opts.deadlineMs / 1000)} s (last status ${describeStatus(last)})`,
          'the resource in Azure ML studio; raise target.azureml.provisioningTimeout when provisioning is slow',
        );
      throw err instanceof StageError ? err : new StageError(doing, errorMessage(err));
    } finally {
      clearTimeout(timer);
    }
    const state = poller.getOperationState();
    if (state.status === 'succeeded') return (poller.getResult() as T | undefined) ?? undefined;
    const error = operationError(last);
    throw new ArmOperationError(doing, state.status === 'canceled' ? 'Canceled' : 'Failed', error);
  }

  async delete(path: string, doing: string): Promise<void> {
    await this.call('DELETE', this.url(path, {}), doing);
  }

  /** every item of a list, following `nextLink` to the last page */
  async list<T>(path: string, doing: string, query: Record<string, string> = {}): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = this.url(path, query);
    for (let page = 1; next; page++) {
      if (page > 1000) throw new StageError(doing, 'Azure Resource Manager returned more than 1000 pages; stopped', 'the list filters');
      const answer: { value?: T[]; nextLink?: string } = await this.call(
        'GET',
        this.checkedNextLink(next, doing),
        page === 1 ? doing : `${doing} (page ${page})`,
      );
      items.push(...(answer.value ?? []));
      next = answer.nextLink || undefined;
    }
    return items;
  }

  private url(path: string, query: Record<string, string>): string {
    const url = new URL(`${this.base}${path}`);
    url.searchParams.set('api-version', this.opts.apiVersion);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url.toString();
  }

  /** a nextLink must stay on the resource manager we were told to use: the token goes with it */
  private checkedNextLink(link: string, doing: string): string {
    const url = new URL(link);
    if (url.origin !== new URL(this.base).origin) {
      throw new StageError(doing, `Azure Resource Manager returned a nextLink to ${url.origin}, not ${this.base}; not followed`);
    }
    if (!url.searchParams.has('api-version')) url.searchParams.set('api-version', this.opts.apiVersion);
    return url.toString();
  }

  private async call<T>(method: HttpMethod, url: string, doing: string, body?: unknown): Promise<T> {
    const answer = await this.send(method, url, doing, body);
    if (answer.text === '') return undefined as T;
    return answer.body as T;
  }

  /** the answer of a successful call (2xx), body parsed when it is JSON; anything else is an ArmRequestError */
  private async send(method: HttpMethod, url: string, doing: string, body?: unknown): Promise<RawAnswer> {
    const request = createPipelineRequest({
      url,
      method,
      timeout: this.opts.timeoutMs ?? 30_000,
      headers: createHttpHeaders({ accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }),
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    let response: PipelineResponse;
    try {
      response = await this.pipeline.sendRequest(this.httpClient, request);
    } catch (err: unknown) {
      throw this.transportError(doing, err);
    }
    const text = response.bodyAsText ?? '';
    if (response.status >= 200 && response.status < 300) {
      const headers: Record<string, string> = {};
      for (const [name, value] of response.headers) headers[name.toLowerCase()] = value;
      if (!text) return { status: response.status, headers, text, body: undefined };
      try {
        return { status: response.status, headers, text, body: JSON.parse(text) as unknown };
      } catch {
        throw new StageError(doing, `Azure Resource Manager answered ${response.status} with a body that is not JSON`);
      }
    }
    throw this.answerError(doing, response.status, text);
  }

  private lroResponse(answer: RawAnswer, doing: string): LroResponse<unknown> {
    if (answer.headers['azure-asyncoperation']) this.sameOrigin(answer.headers['azure-asyncoperation'], doing);
    if (answer.headers.location) this.sameOrigin(answer.headers.location, doing);
    return { flatResponse: answer.body, rawResponse: { statusCode: answer.status, headers: answer.headers, body: answer.body } };
  }

  /** an operation URL must stay on the resource manager we were told to use: the token goes with it */
  private sameOrigin(link: string, doing: string): string {
    const url = new URL(link, this.base);
    if (url.origin !== new URL(this.base).origin) {
      throw new StageError(doing, `Azure Resource Manager named an operation at ${url.origin}, not ${this.base}; not followed`);
    }
    return url.toString();
  }

  private answerError(doing: string, status: number, text: string): ArmRequestError {
    const info = parseArmError(status, text);
    return new ArmRequestError(doing, info, this.checkFor(info));
  }

  /** what the user should look at, by the kind of refusal */
  private checkFor(info: ArmErrorInfo): string | undefined {
    if (info.status === 401) {
      return `that ${this.opts.credentialSource} signs in to the tenant that owns the subscription, and gets tokens for ${this.base}`;
    }
    if (info.status === 403) {
      const action = info.action ? ` with the action ${info.action}` : '';
      return `the role assignments of the identity of ${this.opts.credentialSource}: it needs a role${action} on the workspace (AzureML Data Scientist covers reading and registering models and reading datastore secrets; Reader is not enough)`;
    }
    if (info.status === 429) return 'the subscription is throttled: retry later, or run fewer jobs at once';
    return undefined;
  }

  private transportError(doing: string, err: unknown): StageError {
    if (isRestError(err) && err.response) {
      return this.answerError(doing, err.response.status, err.response.bodyAsText ?? '');
    }
    const name = err instanceof Error ? err.name : '';
    if (/AuthenticationError|CredentialUnavailable|AuthenticationRequired/.test(name)) {
      return new StageError(
        `${doing}: getting an Azure token for ${this.scope}`,
        `${this.opts.credentialSource}: ${credentialFailure(errorMessage(err))}`,
        `the Azure login of this run (${this.opts.credentialSource}): tenant, client id and secret or federated credential`,
      );
    }
    const code = isRestError(err) && err.code ? `${err.code}: ` : '';
    return new StageError(
      doing,
      `no answer from ${this.base}: ${code}${firstLine(errorMessage(err))}`,
      `that ${this.base} is reachable from this machine`,
    );
  }

  private retryStrategy(): RetryStrategy {
    const maxRetryAfter = this.opts.maxRetryAfterMs ?? 60_000;
    const firstDelay = this.opts.firstDelayMs ?? 500;
    const maxRetries = this.opts.maxRetries ?? 4;
    return {
      name: 'modelship-arm-retry',
      // retryCount counts the retries already made: 0 before the first one
      retry: ({ retryCount, response, responseError }) => {
        const retry = retryCount + 1;
        const what = response ? `${response.status}` : (responseError?.code ?? 'a network error');
        const retriable = response ? RETRIED_STATUS.has(response.status) : isNetworkError(responseError);
        if (!retriable) return { skipStrategy: true };
        const requested = response ? retryAfterMs(response) : undefined;
        if (requested !== undefined && requested > maxRetryAfter) {
          this.opts.log(`Azure Resource Manager answered ${what} and asks to wait ${Math.ceil(requested / 1000)} s: not waiting that long`);
          return { skipStrategy: true };
        }
        const backoff = Math.min(firstDelay * 2 ** (retry - 1), 8_000);
        const delay = requested ?? Math.round(backoff * (0.8 + Math.random() * 0.4));
        const path = response ? new URL(response.request.url).pathname.replace(/^.*\/providers\//, '') : '';
        this.opts.log(
          `Azure Resource Manager answered ${what}${path ? ` to ${response?.request.method} ${path}` : ''}; retry ${retry}/${maxRetries} in ${(delay / 1000).toFixed(1)} s${requested !== undefined ? ' (Retry-After)' : ''}`,
        );
        return { retryAfterInMs: delay };
      },
    };
  }
}

function isNetworkError(err: { code?: string } | undefined): boolean {
  return Boolean(
    err?.code && /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|REQUEST_SEND_ERROR|ECONNABORTED)$/.test(err.code),
  );
}

/** Retry-After in seconds or as an HTTP date, or the millisecond variants Azure sends */
function retryAfterMs(response: PipelineResponse): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(response.headers.get(name));
    if (response.headers.get(name) && Number.isFinite(ms) && ms >= 0) return ms;
  }
  const raw = response.headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** ARM's `{ error: { code, message } }`, or what can be said without it */
export function parseArmError(status: number, text: string): ArmErrorInfo {
  let code = `HTTP${status}`;
  let message = text.trim().slice(0, 300) || '(no body)';
  try {
    const body: unknown = JSON.parse(text);
    const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
    if (error) {
      if (typeof error.code === 'string') code = error.code;
      if (typeof error.message === 'string') message = error.message;
    }
  } catch {
    // not JSON: the text is the message
  }
  const action = /perform action '([^']+)'/.exec(message)?.[1];
  return { status, code, message: firstLine(message), ...(action ? { action } : {}) };
}

/**
 * A 404 about the asset asked for, not about its parents. ARM itself answers for missing
 * parents (SubscriptionNotFound, ResourceGroupNotFound, and ResourceNotFound for a missing
 * workspace or registry); the Azure ML resource provider answers for a missing asset
 * inside a workspace with its own code (UserError).
 */
function isAbsentResource(info: ArmErrorInfo): boolean {
  return !/^(SubscriptionNotFound|ResourceGroupNotFound|ResourceNotFound)$/.test(info.code);
}

/** the first line of an @azure/identity error, with Entra ID's AADSTS reason when the message carries one further down */
export function credentialFailure(message: string): string {
  const reason = /AADSTS\d+:[^\r\n]*/.exec(message)?.[0];
  const first = firstLine(message);
  return reason && !first.includes(reason) ? `${first} (${reason.replace(/[,.]\s*$/, '')})` : first;
}
