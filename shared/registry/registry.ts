/**
 * The ModelRegistry port: where model versions live. Adapters: local folder (embedded
 * default); azureml and mlflow later.
 */
export interface ModelVersion {
  name: string;
  version: number;
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
  version: 'latest' | number;
  /** for `latest`: every tag must match */
  tags: Record<string, string>;
}

export interface ModelRegistry {
  readonly description: string;
  /** all versions of a model, oldest first */
  list(name: string): Promise<ModelVersion[]>;
  /** the version the selector names; undefined when none matches */
  resolve(selector: ModelSelector): Promise<ModelVersion | undefined>;
  register(request: RegisterRequest): Promise<ModelVersion>;
  /** a local folder holding the version's files (downloaded first for remote registries) */
  materialize(name: string, version: number): Promise<string>;
}
