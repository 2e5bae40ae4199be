/**
 * Error answers of the FAKE MLflow tracking server (see index.ts for the sources and deviations).
 *
 * MLflow's own errors are `MlflowException`s, serialized by `catch_mlflow_exception`
 * (mlflow/server/handlers.py) as `{"error_code": "<ErrorCode name>", "message": "..."}` with
 * `Content-Type: application/json` and the HTTP status of `ERROR_CODE_TO_HTTP_STATUS`
 * (mlflow/exceptions.py). Everything else the real server answers is not JSON: Werkzeug's HTML
 * pages for 404/405/500, plain text from the basic-auth app (401, 403) and from
 * `_disable_unless_serve_artifacts` (503).
 */

/** mlflow/exceptions.py ERROR_CODE_TO_HTTP_STATUS (the codes the fake uses and a few neighbours) */
export const ERROR_CODE_TO_HTTP_STATUS: Record<string, number> = {
  INTERNAL_ERROR: 500,
  INVALID_STATE: 500,
  DATA_LOSS: 500,
  NOT_IMPLEMENTED: 501,
  TEMPORARILY_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
  REQUEST_LIMIT_EXCEEDED: 429,
  RESOURCE_EXHAUSTED: 429,
  ABORTED: 409,
  RESOURCE_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  NOT_FOUND: 404,
  ENDPOINT_NOT_FOUND: 404,
  RESOURCE_DOES_NOT_EXIST: 404,
  PERMISSION_DENIED: 403,
  CUSTOMER_UNAUTHORIZED: 401,
  UNAUTHENTICATED: 401,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  INVALID_PARAMETER_VALUE: 400,
};

/** one HTTP answer, JSON or not */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** the `error_code` of a JSON error body, for the request log */
  errorCode?: string;
}

/** thrown inside the handlers; the server turns it into the answer */
export class FakeHttpError extends Error {
  readonly answer: RawAnswer;
  constructor(answer: RawAnswer) {
    super(answer.body.toString('utf8').slice(0, 200));
    this.answer = answer;
  }
}

/** pretty JSON as MLflow's message_to_json writes it (json.dumps(..., indent=2)) */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): RawAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.from(JSON.stringify(body, null, 2), 'utf8'),
  };
}

/** an MlflowException as catch_mlflow_exception answers it */
export function mlflowError(errorCode: string, message: string, headers: Record<string, string> = {}): FakeHttpError {
  const status = ERROR_CODE_TO_HTTP_STATUS[errorCode] ?? 500;
  // MlflowException.serialize_as_json: json.dumps({"error_code", "message"}) (one line)
  const answer: RawAnswer = {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.from(JSON.stringify({ error_code: errorCode, message }), 'utf8'),
    errorCode,
  };
  return new FakeHttpError(answer);
}

export const invalidParameter = (message: string) => mlflowError('INVALID_PARAMETER_VALUE', message);
export const notFound = (message: string) => mlflowError('RESOURCE_DOES_NOT_EXIST', message);

export function textAnswer(status: number, text: string, headers: Record<string, string> = {}): RawAnswer {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: Buffer.from(text, 'utf8') };
}

// ---- Werkzeug's default error pages (Flask answers these for routing errors and uncaught exceptions)

function werkzeugPage(status: number, title: string, description: string): string {
  return `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${description}</p>\n`;
}

export const routeNotFound = () =>
  new FakeHttpError(
    textAnswer(
      404,
      werkzeugPage(
        404,
        'Not Found',
        'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
      ),
    ),
  );

export const methodNotAllowed = (allowed: string[]) =>
  new FakeHttpError(
    textAnswer(405, werkzeugPage(405, 'Method Not Allowed', 'The method is not allowed for the requested URL.'), {
      allow: allowed.join(', '),
    }),
  );

/** an exception the handler did not catch (not an MlflowException) */
export const uncaughtInternalError = () =>
  new FakeHttpError(
    textAnswer(
      500,
      werkzeugPage(
        500,
        'Internal Server Error',
        'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.',
      ),
    ),
  );

// ---- request parsing (mlflow/server/handlers.py _validate_param_against_schema, mlflow/server/validation.py)

const SEE_DOCS = ' See the API docs for more information about request parameters.';

export const missingParameter = (param: string) => invalidParameter(`Missing value for required parameter '${param}'.${SEE_DOCS}`);

/** Python's type(value).__name__ for a JSON value */
export function pythonTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}

/** Python's str() of a JSON value, roughly (the real message formats the value with an f-string) */
export function pythonStr(value: unknown): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value).replace(/"/g, "'").replace(/,/g, ', ').replace(/:/g, ': ');
}

export const invalidParameterType = (param: string, value: unknown) =>
  invalidParameter(
    `Invalid value ${pythonStr(value)} for parameter '${param}' supplied. Hint: Value was of type '${pythonTypeName(value)}'.${SEE_DOCS}`,
  );

export const badContentType = (contentType: string | undefined) => {
  let message = 'Bad Request. Content-Type must be one of [application/json].';
  if (contentType !== undefined && /^[a-zA-Z0-9\-/;,+_ ]*$/.test(contentType)) message += ` Got '${contentType}'.`;
  return invalidParameter(message);
};

// ---- the model registry store (mlflow/store/model_registry/sqlalchemy_store.py, mlflow/utils/validation.py)

export const registeredModelNotFound = (name: string) => notFound(`Registered Model with name=${name} not found`);
export const modelVersionNotFound = (name: string, version: string) =>
  notFound(`Model Version (name=${name}, version=${version}) not found`);
/** the SQLAlchemy store answers an unknown alias with INVALID_PARAMETER_VALUE (400), not 404 */
export const aliasNotFound = (alias: string) => invalidParameter(`Registered model alias ${alias} not found.`);
export const emptyModelName = () => invalidParameter('Registered model name cannot be empty.');
export const versionNotInteger = (version: string) => invalidParameter(`Model version must be an integer, got '${version}'`);
export const emptyAliasName = () => invalidParameter('Registered model alias name cannot be empty.');
export const badAliasCharacters = (alias: string) =>
  invalidParameter(`Invalid alias name: '${alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-).`);
export const aliasTooLong = (alias: string) =>
  invalidParameter(`Registered model alias name '${alias.slice(0, 250)}' had length ${alias.length}, which exceeded length limit of 255`);
export const latestAliasReserved = () => invalidParameter("'latest' alias name (case insensitive) is reserved.");
export const versionAliasReserved = (alias: string) => invalidParameter(`Version alias name '${alias}' is reserved.`);
export const invalidStage = (stage: string) =>
  invalidParameter(`Invalid Model Version stage: ${stage}. Value must be one of None, Staging, Production, Archived.`);
export const maxResultsNotPositive = (value: string) =>
  invalidParameter(`Invalid value for max_results. It must be a positive integer, but got ${value}`);
export const maxResultsTooLarge = (threshold: number, value: string) =>
  invalidParameter(`Invalid value for request parameter max_results. It must be at most ${threshold}, but got value ${value}`);

// ---- the artifacts proxy (mlflow/utils/uri.py validate_path_is_safe, mlflow/store/artifact/artifact_repo.py)

export const invalidPath = () => invalidParameter('Invalid path');

export const artifactDownloadFailed = (artifactRoot: string, artifactPath: string) =>
  mlflowError(
    'INTERNAL_ERROR',
    `The following failures occurred while downloading one or more artifacts from ${artifactRoot}:\n` +
      `##### File ${artifactPath} #####\n[Errno 2] No such file or directory: '${artifactRoot}/${artifactPath}'`,
  );

export const artifactsNotServed = (rule: string) =>
  new FakeHttpError(
    textAnswer(
      503,
      `Endpoint: ${rule} disabled due to the mlflow server running with \`--no-serve-artifacts\`. ` +
        'To enable artifacts server functionality, run `mlflow server` with `--serve-artifacts`',
    ),
  );

// ---- authentication and authorization

/** mlflow/server/auth/__init__.py make_basic_auth_response (MLflow 2.x basic-auth app) */
export const basicAuthRequired = () =>
  new FakeHttpError(
    textAnswer(
      401,
      'You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.',
      { 'www-authenticate': 'Basic realm="mlflow"' },
    ),
  );

/** mlflow/server/auth/__init__.py make_forbidden_response */
export const basicAuthForbidden = () => new FakeHttpError(textAnswer(403, 'Permission denied'));

/** Databricks REST front door: no (or an unsupported) credential. Its error_code is a JSON number. */
export const bearerMissing = () => {
  const answer = jsonAnswer(401, {
    error_code: 401,
    message: 'Credential was not sent or was of an unsupported type for this API.',
  });
  answer.errorCode = '401';
  return new FakeHttpError(answer);
};

/** Databricks REST front door: a token it does not know */
export const bearerInvalid = () => {
  const answer = jsonAnswer(
    403,
    { error_code: 403, message: 'Invalid access token.' },
    { 'x-databricks-reason-phrase': 'Invalid access token.' },
  );
  answer.errorCode = '403';
  return new FakeHttpError(answer);
};

/** per-model access control behind a bearer token (wording reconstructed, code as Databricks' registry answers) */
export const bearerForbidden = (user: string, action: string, model: string) =>
  mlflowError('PERMISSION_DENIED', `User '${user}' does not have permission to '${action}' registered model '${model}'.`);

export const notImplementedByFake = (method: string, path: string) =>
  mlflowError(
    'NOT_IMPLEMENTED',
    `The FAKE MLflow server does not implement ${method} ${path}. Extend test/contract/fakes/fake-mlflow if the client needs it.`,
  );
