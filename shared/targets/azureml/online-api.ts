import { ArmClient } from '../../azure/arm-client';
import { isRecord, isStringRecord } from '../../json';

/**
 * The Azure ML online endpoint operations of the Azure Resource Manager REST API
 * (Microsoft.MachineLearningServices, api-version 2024-10-01, spec file mfe.json):
 * online endpoints and their deployments (long-running PUT and DELETE), keys and tokens,
 * deployment logs, environment versions, and the workspace's location. Only the fields
 * modelship reads or writes are typed.
 */
export interface WorkspaceRef {
  subscriptionId: string;
  resourceGroup: string;
  workspace: string;
}

export type AuthModeWire = 'Key' | 'AMLToken' | 'AADToken';

export interface OnlineEndpointResource {
  id?: string;
  name?: string;
  location: string;
  identity?: { type: string };
  kind?: string;
  tags?: Record<string, string>;
  properties: {
    authMode: AuthModeWire;
    description?: string;
    traffic?: Record<string, number>;
    mirrorTraffic?: Record<string, number>;
    publicNetworkAccess?: string;
    /** read-only */
    scoringUri?: string;
    swaggerUri?: string;
    provisioningState?: string;
  };
}

export interface ProbeWire {
  initialDelay: string;
  period: string;
  timeout: string;
  failureThreshold: number;
  successThreshold: number;
}

export interface OnlineDeploymentResource {
  id?: string;
  name?: string;
  location: string;
  tags?: Record<string, string>;
  sku: { name: string; capacity: number };
  properties: {
    endpointComputeType: 'Managed';
    model?: string;
    environmentId: string;
    instanceType: string;
    description?: string;
    requestSettings: { requestTimeout: string; maxConcurrentRequestsPerInstance: number };
    livenessProbe: ProbeWire;
    readinessProbe: ProbeWire;
    environmentVariables?: Record<string, string>;
    appInsightsEnabled?: boolean;
    /** read-only */
    provisioningState?: string;
  };
}

export interface EnvironmentVersionResource {
  id?: string;
  properties: {
    image: string;
    description?: string;
    tags?: Record<string, string>;
    osType: 'Linux';
    inferenceConfig: {
      livenessRoute: { path: string; port: number };
      readinessRoute: { path: string; port: number };
      scoringRoute: { path: string; port: number };
    };
  };
}

export interface OperationTiming {
  deadlineMs: number;
  pollIntervalMs: number;
}

export class OnlineEndpointsApi {
  readonly workspacePath: string;

  constructor(
    private readonly arm: ArmClient,
    readonly workspace: WorkspaceRef,
    private readonly timing: OperationTiming,
  ) {
    this.workspacePath = `/subscriptions/${seg(workspace.subscriptionId)}/resourceGroups/${seg(workspace.resourceGroup)}/providers/Microsoft.MachineLearningServices/workspaces/${seg(workspace.workspace)}`;
  }

  endpointPath(endpoint: string): string {
    return `${this.workspacePath}/onlineEndpoints/${seg(endpoint)}`;
  }

  /** the ARM id of the endpoint (for Azure Monitor) */
  endpointId(endpoint: string): string {
    return decodeURIComponent(this.endpointPath(endpoint));
  }

  async workspaceLocation(): Promise<string> {
    const workspace = await this.arm.get<{ location?: string }>(this.workspacePath, `reading workspace ${this.workspace.workspace}`);
    if (!workspace.location) throw new Error(`workspace ${this.workspace.workspace} has no location`);
    return workspace.location;
  }

  async findEndpoint(endpoint: string): Promise<OnlineEndpointResource | undefined> {
    const found = await this.arm.find<OnlineEndpointResource>(this.endpointPath(endpoint), `reading online endpoint ${endpoint}`);
    return found ? normaliseEndpoint(found) : undefined;
  }

  async putEndpoint(endpoint: string, body: OnlineEndpointResource, doing: string): Promise<void> {
    await this.arm.longRunning('PUT', this.endpointPath(endpoint), body, doing, this.timing);
  }

  async deleteEndpoint(endpoint: string): Promise<void> {
    await this.arm.longRunning('DELETE', this.endpointPath(endpoint), undefined, `deleting online endpoint ${endpoint}`, this.timing);
  }

  async listDeployments(endpoint: string): Promise<OnlineDeploymentResource[]> {
    return this.arm.list<OnlineDeploymentResource>(`${this.endpointPath(endpoint)}/deployments`, `listing the deployments of ${endpoint}`);
  }

  async putDeployment(endpoint: string, name: string, body: OnlineDeploymentResource, doing: string): Promise<void> {
    await this.arm.longRunning('PUT', `${this.endpointPath(endpoint)}/deployments/${seg(name)}`, body, doing, this.timing);
  }

  async deleteDeployment(endpoint: string, name: string): Promise<void> {
    await this.arm.longRunning(
      'DELETE',
      `${this.endpointPath(endpoint)}/deployments/${seg(name)}`,
      undefined,
      `deleting deployment ${name} of ${endpoint}`,
      this.timing,
    );
  }

  /** the last `tail` lines of a deployment's container log */
  async logs(endpoint: string, name: string, containerType: 'InferenceServer' | 'StorageInitializer', tail: number): Promise<string> {
    const answer = await this.arm.post<{ content?: string }>(
      `${this.endpointPath(endpoint)}/deployments/${seg(name)}/getLogs`,
      { containerType, tail },
      `reading the ${containerType} log of deployment ${name}`,
    );
    return answer?.content ?? '';
  }

  async listKeys(endpoint: string): Promise<{ primaryKey?: string; secondaryKey?: string }> {
    return this.arm.post(`${this.endpointPath(endpoint)}/listKeys`, undefined, `reading the keys of online endpoint ${endpoint}`);
  }

  async token(endpoint: string): Promise<{ accessToken?: string; expiryTimeUtc?: number; refreshAfterTimeUtc?: number }> {
    return this.arm.post(`${this.endpointPath(endpoint)}/token`, undefined, `getting an Azure ML token for online endpoint ${endpoint}`);
  }

  environmentVersionPath(name: string, version: string): string {
    return `${this.workspacePath}/environments/${seg(name)}/versions/${seg(version)}`;
  }

  async findEnvironmentVersion(name: string, version: string): Promise<EnvironmentVersionResource | undefined> {
    return this.arm.find(this.environmentVersionPath(name, version), `reading environment ${name}:${version}`);
  }

  async putEnvironmentVersion(name: string, version: string, body: EnvironmentVersionResource): Promise<EnvironmentVersionResource> {
    return this.arm.put(this.environmentVersionPath(name, version), body, `registering environment ${name}:${version}`);
  }
}

/** maps as the service sends them, whatever it left out */
function normaliseEndpoint(raw: OnlineEndpointResource): OnlineEndpointResource {
  const properties = isRecord(raw.properties) ? raw.properties : ({} as OnlineEndpointResource['properties']);
  return {
    ...raw,
    tags: isStringRecord(raw.tags) ? raw.tags : {},
    properties: {
      ...properties,
      traffic: numberMap(properties.traffic),
      mirrorTraffic: numberMap(properties.mirrorTraffic),
    },
  };
}

function numberMap(raw: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isRecord(raw)) return out;
  for (const [name, value] of Object.entries(raw)) if (typeof value === 'number') out[name] = value;
  return out;
}

function seg(value: string): string {
  return encodeURIComponent(value);
}

/** an ISO 8601 duration for ARM from milliseconds: 5000 -> PT5S, 1500 -> PT1.5S */
export function isoDuration(ms: number): string {
  return `PT${Number((ms / 1000).toFixed(3))}S`;
}
