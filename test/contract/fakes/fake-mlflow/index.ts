/**
 * A FAKE MLflow tracking server: the Model Registry REST API and the artifacts proxy of MLflow
 * 2.x (followed: MLflow 2.17, the SQLAlchemy-backed registry a production `mlflow server` uses).
 * It is not MLflow: it is an HTTP(S) server on 127.0.0.1 written from MLflow's public reference and
 * source, strict enough that a request the real server would reject fails here too.
 *
 * Written from (mlflow/mlflow on GitHub, 2.x line; docs https://mlflow.org/docs/latest/rest-api.html):
 * - mlflow/protos/model_registry.proto: routes, methods, fields, `max_results [default = 200000]`.
 * - mlflow/server/handlers.py: `_get_request_message` (GET reads the query string, since 2.16 also
 *   schema-checked; other methods read the JSON body and ignore the query string; POST/PUT need
 *   Content-Type application/json, mlflow/server/validation.py), the handlers' schemas
 *   ("Missing value for required parameter 'name'. See the API docs ..."), `catch_mlflow_exception`
 *   (`{"error_code","message"}`), `_list_artifacts_mlflow_artifacts` / `_download_artifact`
 *   (basename listing; attachment download), `_disable_unless_serve_artifacts` (503 text).
 * - mlflow/store/model_registry/sqlalchemy_store.py + dbmodels/models.py: the messages
 *   ("Registered Model with name=x not found", "Model Version (name=x, version=3) not found",
 *   "Registered model alias champion not found." — a 400 INVALID_PARAMETER_VALUE, not a 404),
 *   latest_versions per stage, search order, tie-breakers, max_results checks, aliases not filled
 *   in search results nor in latest_versions.
 * - mlflow/utils/search_utils.py (SearchModelVersionUtils, page tokens = base64 of {"offset": n}),
 *   mlflow/utils/validation.py (alias and version rules), mlflow/utils/uri.py (validate_path_is_safe),
 *   mlflow/exceptions.py (error code -> HTTP status), mlflow/store/model_registry/__init__.py
 *   (SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD = 200000; the Python client's default page is 1000).
 * - mlflow/server/auth/__init__.py (2.x basic-auth app): 401 text + `WWW-Authenticate: Basic
 *   realm="mlflow"`, 403 text "Permission denied", READ/EDIT/MANAGE/NO_PERMISSIONS per registered
 *   model with a default permission (READ), admins bypass, /health unprotected, artifact downloads
 *   checked against the experiment of the path's first segment, listings not checked.
 * - Databricks REST front door, for the bearer mode: 401 `{"error_code": 401, "message":
 *   "Credential was not sent or was of an unsupported type for this API."}` (a NUMBER error_code),
 *   403 `{"error_code": 403, "message": "Invalid access token."}` for an unknown token.
 *
 * Deviations from the real server (known, deliberate):
 * - Read-mostly: GET registered model, get-latest-versions (GET and POST), get/set/delete alias,
 *   get model version, search model versions, get-download-uri, the artifacts proxy's list and
 *   download, /health, /version. Other registry and common tracking routes answer
 *   501 NOT_IMPLEMENTED naming the fake; other paths 404 (Werkzeug's page). Seeding is in process.
 * - `pageSize` caps a search page below max_results (the real server returns max_results items);
 *   `next_page_token` is only given when more items remain, as the real server does.
 * - The filter grammar is hand-parsed, not sqlparse: valid filters behave the same; malformed ones
 *   get the same error code, and the same message where the text is predictable (Python set reprs
 *   are printed sorted). A list compared with something else than IN (the real server hands it to
 *   SQLAlchemy) is a 400 here. LIKE is case-sensitive (PostgreSQL/MySQL behaviour; SQLite's LIKE is
 *   not); `''` inside a quoted value is not unescaped, as in MLflow.
 * - max_results above 200000 answers the handler's generic "Invalid value ... for parameter
 *   'max_results' supplied" (2.16+ checks GET parameters); older servers answered the store's
 *   "It must be at most 200000" — both 400 INVALID_PARAMETER_VALUE.
 * - No deleted versions, no prompts, no webhooks, no workspaces; `user_id` only when seeded.
 * - Bearer mode: per-model 403 is a JSON PERMISSION_DENIED with a reconstructed message. Basic mode:
 *   users are seeded, not created through the auth REST API; a non-admin restricted from a model
 *   still sees its versions in search results (2.x does not filter model-version search; set
 *   `filterSearchByPermission` to emulate 3.x, which filters before paging here).
 * - Injected faults answer before authentication (as a proxy in front would), with a JSON body
 *   in MLflow's shape; connection resets and delays are available.
 * - A missing artifact answers 500 INTERNAL_ERROR "The following failures occurred while
 *   downloading one or more artifacts from ./mlartifacts: ..." and a folder 500 (Werkzeug's page),
 *   as the real local-destination proxy does; MIME types cover the usual model-folder extensions.
 */
export { FakeMlflowServer } from './server';
export type { FakeMlflowAuth, FakeMlflowOptions, FakeMlflowRequest, FaultHandle, FaultSpec, Permission } from './server';
export type { FilesSeed, ModelSeed, Stage, VersionSeed, VersionStatus } from './store';
export { proxiedArtifactPath } from './store';
export { createPageToken, parsePageToken } from './search';
