/**
 * The ModelRegistry port: where model versions live. Adapters: a local folder (the
 * embedded default) and an Azure Machine Learning workspace or registry.
 *
 * Versions are strings: the local registry numbers them 1, 2, 3..., but Azure ML and
 * MLflow accept any string ("2024-05-01.1"). Only the registry knows how its versions
 * are ordered, so `list` returns them oldest first and `latest` is the registry's call.
 */
export interface ModelVersion {
  name: string;
  version: string;
  tags: Record<string, string>;
  description?: string;
  /** ISO time of registration */
  registeredAt: string;
}

export interface RegisterRequest {
  name: string;
  /** a file or a folder to copy in as the version's model files */
  source: string;
  tags: Record<string, string>;
  description?: string;
}

export interface ModelSelector {
  name: string;
  /** 'latest', or one version as the registry spells it */
  version: string;
  /** for `latest`: every tag must match */
  tags: Record<string, string>;
}

export interface ModelRegistry {
  readonly description: string;
  /**
   * the id that events from this registry carry as their origin (Event Grid `topic`,
   * CloudEvents `source`): an Azure ML workspace's or registry's ARM id. A trigger event
   * from another origin is refused. Absent where events carry no such id.
   */
  readonly eventOrigin?: string;
  /**
   * why an event about a version does not concern what this config selects (an alias or
   * stage other than the configured one), or undefined when it does; `alias` and `stage`
   * are what the event says happened (raw). Absent where the config selects by neither.
   */
  eventSkipReason?(event: { alias?: unknown; stage?: unknown }): string | undefined;
  /** all versions of a model, oldest first */
  list(name: string): Promise<ModelVersion[]>;
  /** the version the selector names; undefined when none matches */
  resolve(selector: ModelSelector): Promise<ModelVersion | undefined>;
  register(request: RegisterRequest): Promise<ModelVersion>;
  /** a local folder holding the version's files (downloaded first for remote registries) */
  materialize(name: string, version: string): Promise<string>;
}
