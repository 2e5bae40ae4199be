import type {
  DeploymentHealth,
  DeploymentInfo,
  DeploymentSpec,
  EndpointRecord,
  EndpointState,
  ModelRef,
  ScoreRequest,
  ScoreResponse,
  Target,
} from '../../../shared/targets/target';

/** one call made to the fake, for asserting order */
export interface FakeCall {
  method: 'state' | 'createDeployment' | 'deleteDeployment' | 'setTraffic' | 'setRecord' | 'score' | 'destroy';
  endpoint: string;
  /** deleteDeployment / createDeployment: the deployment name */
  name?: string;
  traffic?: Record<string, number>;
  mirror?: Record<string, number>;
  record?: EndpointRecord;
}

/**
 * An in-memory Target for one endpoint, with the rules of the real router: weights are
 * integers that sum to 100 over existing deployments, a deployment that takes traffic
 * cannot be deleted, and a mirror target cannot also take live traffic. Tests change
 * health and restarts, distort the weights read back, or make a call throw.
 */
export class FakeTarget implements Target {
  readonly description = 'fake';
  readonly deployments = new Map<string, DeploymentInfo>();
  traffic: Record<string, number> = {};
  mirror: Record<string, number> = {};
  record: EndpointRecord = {};
  readonly calls: FakeCall[] = [];
  /** rewrites the weights setTraffic applies and reports (a router that did not do what it was asked) */
  distortTraffic?: (asked: Record<string, number>) => Record<string, number> | undefined;
  /** return an error to make that call throw it (the call then has no effect) */
  failOn?: (call: FakeCall) => Error | undefined;

  constructor(readonly endpoint = 'prod') {}

  addDeployment(name: string, model: ModelRef, opts: { image?: string; health?: DeploymentHealth; restarts?: number } = {}): void {
    this.deployments.set(name, {
      name,
      model,
      image: opts.image,
      health: opts.health ?? 'ready',
      restarts: opts.restarts ?? 0,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    if (!(name in this.traffic)) this.traffic[name] = 0;
  }

  setHealth(name: string, health: DeploymentHealth): void {
    this.get(name).health = health;
  }

  restart(name: string): void {
    this.get(name).restarts += 1;
  }

  /** the calls as short strings, e.g. `setTraffic blue=50 green=50 mirror green=10`, `deleteDeployment blue` */
  log(methods: FakeCall['method'][] = ['setTraffic', 'deleteDeployment', 'createDeployment', 'setRecord']): string[] {
    return this.calls.filter((c) => methods.includes(c.method)).map(describeCall);
  }

  /** the weight maps asked for, in order */
  trafficAsked(): Array<Record<string, number>> {
    return this.calls.filter((c) => c.method === 'setTraffic').map((c) => c.traffic ?? {});
  }

  async state(endpoint: string): Promise<EndpointState> {
    this.call({ method: 'state', endpoint });
    return structuredClone({
      endpoint,
      url: 'http://127.0.0.1:9',
      deployments: [...this.deployments.values()],
      traffic: this.traffic,
      mirror: this.mirror,
      record: this.record,
    });
  }

  async createDeployment(endpoint: string, spec: DeploymentSpec): Promise<void> {
    this.call({ method: 'createDeployment', endpoint, name: spec.name });
    if (this.deployments.has(spec.name)) throw new Error(`deployment '${spec.name}' already exists`);
    this.addDeployment(spec.name, spec.model, { image: spec.image });
  }

  async deleteDeployment(endpoint: string, name: string): Promise<void> {
    this.call({ method: 'deleteDeployment', endpoint, name });
    if (!this.deployments.has(name)) throw new Error(`no deployment '${name}'`);
    if ((this.traffic[name] ?? 0) > 0)
      throw new Error(`deployment '${name}' still takes ${this.traffic[name]}% of traffic; set its weight to 0 first`);
    this.deployments.delete(name);
    delete this.traffic[name];
    delete this.mirror[name];
  }

  async setTraffic(
    endpoint: string,
    traffic: Record<string, number>,
    mirror: Record<string, number> = {},
  ): Promise<Record<string, number>> {
    this.call({ method: 'setTraffic', endpoint, traffic: { ...traffic }, mirror: { ...mirror } });
    const applied = this.distortTraffic?.(traffic) ?? traffic;
    let sum = 0;
    for (const [name, w] of Object.entries(applied)) {
      if (!this.deployments.has(name)) throw new Error(`no deployment '${name}'`);
      if (!Number.isInteger(w) || w < 0 || w > 100) throw new Error(`bad weight ${w} for '${name}'`);
      sum += w;
    }
    if (sum !== 100) throw new Error(`weights must sum to 100 (got ${sum})`);
    for (const [name, m] of Object.entries(mirror)) {
      if (!this.deployments.has(name)) throw new Error(`no deployment '${name}' to mirror to`);
      if ((applied[name] ?? 0) > 0 && m > 0) throw new Error(`'${name}' takes live traffic and cannot also be a mirror target`);
    }
    this.traffic = { ...applied };
    this.mirror = Object.fromEntries(Object.entries(mirror).filter(([, m]) => m > 0));
    return { ...this.traffic };
  }

  async setRecord(endpoint: string, record: EndpointRecord): Promise<void> {
    this.call({ method: 'setRecord', endpoint, record: structuredClone(record) });
    // as a JSON store would: undefined keys vanish
    this.record = JSON.parse(JSON.stringify(record)) as EndpointRecord;
  }

  async score(endpoint: string, request: ScoreRequest): Promise<ScoreResponse> {
    this.call({ method: 'score', endpoint });
    return { status: 200, body: '{}', deployment: request.deployment, latencyMs: 1 };
  }

  async destroy(endpoint: string): Promise<void> {
    this.call({ method: 'destroy', endpoint });
    this.deployments.clear();
    this.traffic = {};
    this.mirror = {};
    this.record = {};
  }

  private call(c: FakeCall): void {
    if (c.endpoint !== this.endpoint) throw new Error(`fake target serves endpoint '${this.endpoint}', not '${c.endpoint}'`);
    this.calls.push(c);
    const err = this.failOn?.(c);
    if (err) throw err;
  }

  private get(name: string): DeploymentInfo {
    const d = this.deployments.get(name);
    if (!d) throw new Error(`no deployment '${name}'`);
    return d;
  }
}

function weights(w: Record<string, number>): string {
  return Object.entries(w)
    .map(([n, p]) => `${n}=${p}`)
    .join(' ');
}

function describeCall(c: FakeCall): string {
  switch (c.method) {
    case 'setTraffic':
      return `setTraffic ${weights(c.traffic ?? {})}${c.mirror && Object.keys(c.mirror).length ? ` mirror ${weights(c.mirror)}` : ''}`;
    case 'setRecord': {
      const r = c.record?.rollout;
      return `setRecord ${r ? `rollout ${r.status} next ${r.nextStep}` : 'no rollout'}`;
    }
    case 'deleteDeployment':
    case 'createDeployment':
      return `${c.method} ${c.name}`;
    default:
      return c.method;
  }
}
