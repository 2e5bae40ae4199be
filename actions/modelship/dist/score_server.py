#!/usr/bin/env python3
"""modelship scoring server: serves an Azure Machine Learning style scoring script over HTTP.

Self-contained (Python 3.11 standard library only): it is copied as one file into serving
images and also run directly by the local `process` runtime.

    python3 score_server.py --script PATH [--host 127.0.0.1] [--port 5001]
                            [--ready-path /] [--score-path /score] [--parent-pid PID]

--host and --port default to the environment variables MODELSHIP_HOST and PORT (then
127.0.0.1 and 5001): serving images set MODELSHIP_HOST=0.0.0.0 and PORT=5001, and a
runtime that needs another address sets the variables instead of the command.

The scoring script follows the Azure ML contract: a module with `init()`, called once
(the model files are in the folder named by the environment variable AZUREML_MODEL_DIR),
and `run(raw_body)`, called per request with the request body as a str; whatever run()
returns is sent back as JSON (a str is JSON-encoded as a string, as Azure ML does).
run() may be called from several threads at once.

Routes:
    GET  <ready-path>   503 {"status": "initializing"} until init() returned, then 200 {"status": "ready"}
    POST <score-path>   200 with run()'s answer; 500 {"error", "type"} when run() raises or
                        returns something JSON cannot represent; 413 over 16 MiB
    GET  /swagger.json  a minimal OpenAPI 2 document of the two routes
    anything else       404 (405 for a known path with the wrong method), always JSON

The server listens at once and imports the script and runs init() while it already answers
readiness probes. When the script cannot be imported or init() raises, the traceback goes
to stderr and the process exits with code 3, so a supervisor sees it fail fast. When the
port is already in use it exits with code 4 (a supervisor may choose another port), and
with code 1 when it cannot listen for another reason.

SIGTERM (or SIGINT): stop accepting connections, let in-flight requests finish (at most 10 s),
exit 0. With --parent-pid, the server also exits (code 0) as soon as its parent process is
gone (for example killed with -9), so no orphan keeps the port.

Logging: startup, readiness and errors go to stderr with a `[score-server]` prefix; there
is no per-request access log (it would cost more than scoring a small model).
"""

import argparse
import errno
import importlib.util
import json
import os
import signal
import socket
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# set by the Kubernetes target in each pod; the local router adds the header itself
DEPLOYMENT_NAME = os.environ.get("MODELSHIP_DEPLOYMENT", "")
# a second readiness route, for platforms whose probes cannot use "/" (Azure ML inference config routes)
HEALTH_PATH = "/health"

MAX_BODY_BYTES = 16 * 1024 * 1024
DRAIN_TIMEOUT_S = 10.0
PARENT_CHECK_INTERVAL_S = 0.5
# idle keep-alive connections are closed after this long, so they do not pin threads forever
IDLE_CONNECTION_TIMEOUT_S = 120
EXIT_SCRIPT_FAILED = 3
EXIT_CANNOT_LISTEN = 1
# the port is taken: a supervisor may pick another one and start again
EXIT_PORT_IN_USE = 4


def log(message):
    sys.stderr.write(f"[score-server] {message}\n")
    sys.stderr.flush()


def log_traceback(prefix):
    lines = traceback.format_exc().rstrip("\n").split("\n")
    log(prefix)
    for line in lines:
        sys.stderr.write(f"[score-server]   {line}\n")
    sys.stderr.flush()


def hard_exit(code):
    # os._exit: non-daemon threads a scoring script may have started must not keep the process alive
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


class State:
    """What the request threads share with the main thread."""

    def __init__(self, ready_path, score_path):
        self.ready_path = ready_path
        self.score_path = score_path
        self.run = None
        self.ready = False
        self.stopping = False
        self.in_flight = 0
        self.lock = threading.Lock()
        self.stop_requested = threading.Event()
        self.stop_reason = ""

    def request_stop(self, reason):
        if not self.ready:
            # nothing is in flight before init() returned (scoring answers 503), and init()
            # may be stuck in user code: leave at once
            log(f"{reason} during startup; exiting")
            hard_exit(0)
        if not self.stop_requested.is_set():
            self.stop_reason = reason
            self.stop_requested.set()


def swagger_document(state):
    error_schema = {"type": "object", "properties": {"error": {"type": "string"}, "type": {"type": "string"}}}
    return {
        "swagger": "2.0",
        "info": {"title": "modelship scoring server", "version": "1.0",
                 "description": "Azure ML style init()/run() scoring script served over HTTP"},
        "schemes": ["http"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "paths": {
            state.ready_path: {
                "get": {
                    "summary": "readiness and liveness",
                    "operationId": "ready",
                    "responses": {
                        "200": {"description": "init() finished; the model is ready"},
                        "503": {"description": "init() is still running"},
                    },
                }
            },
            state.score_path: {
                "post": {
                    "summary": "score: the request body is passed to run() as a string",
                    "operationId": "score",
                    "parameters": [{"name": "body", "in": "body", "required": True, "schema": {"type": "object"}}],
                    "responses": {
                        "200": {"description": "run()'s answer as JSON", "schema": {}},
                        "413": {"description": "the request body is larger than 16 MiB"},
                        "500": {"description": "run() raised or returned something JSON cannot represent",
                                "schema": error_schema},
                        "503": {"description": "init() is still running"},
                    },
                }
            },
        },
    }


def make_handler(state):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "modelship-score-server/1"
        timeout = IDLE_CONNECTION_TIMEOUT_S
        # keep-alive answers are small: send them without waiting for delayed ACKs
        disable_nagle_algorithm = True
        # buffered writes put headers and body in one segment; handle_one_request flushes
        wbufsize = 64 * 1024

        def version_string(self):
            return self.server_version

        def log_message(self, format, *args):  # noqa: A002 (the base class's name)
            pass  # no access log

        def log_error(self, format, *args):  # noqa: A002
            message = format % args
            if message.startswith("Request timed out"):
                return  # an idle keep-alive connection, not an error
            log(f"{self.address_string()}: {message}")

        def send_error(self, code, message=None, explain=None):
            # protocol-level errors (bad request line, unsupported method, ...) answer JSON too
            self.log_error("code %d, message %s", code, message)
            self.close_connection = True
            self.send_json(code, {"error": message or self.responses.get(code, ("error",))[0]})

        def send_json(self, status, payload, body=None, headers=None):
            if body is None:
                body = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            if DEPLOYMENT_NAME:
                # which deployment answered, when requests are spread over several (Kubernetes replicas routing)
                self.send_header("x-modelship-deployment", DEPLOYMENT_NAME)
            if state.stopping or self.close_connection:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def route(self):
            return self.path.split("?", 1)[0]

        def handle_expect_100(self):
            # refuse an oversized body before the client sends it
            if self.declared_length() > MAX_BODY_BYTES:
                self.close_connection = True
                self.send_json(413, {"error": f"request body larger than {MAX_BODY_BYTES} bytes"})
                return False
            return super().handle_expect_100()

        def declared_length(self):
            try:
                return int(self.headers.get("Content-Length", "0"))
            except ValueError:
                return -1

        def wrong_method(self, allowed):
            self.send_json(405, {"error": f"method {self.command} not allowed on {self.route()}; use {allowed}"},
                           headers={"Allow": allowed})

        def not_found(self):
            self.send_json(404, {"error": f"no route {self.command} {self.route()}",
                                 "routes": [f"GET {state.ready_path}", f"POST {state.score_path}", "GET /swagger.json"]})

        def do_GET(self):
            self.track(self.get)

        def do_POST(self):
            self.track(self.post)

        def track(self, handler):
            with state.lock:
                state.in_flight += 1
            try:
                handler()
            finally:
                with state.lock:
                    state.in_flight -= 1

        def get(self):
            route = self.route()
            # /health answers as the ready path does: Azure ML's inference config refuses "/" as a route
            if route in (state.ready_path, HEALTH_PATH):
                if state.ready:
                    self.send_json(200, {"status": "ready"})
                else:
                    self.send_json(503, {"status": "initializing"})
            elif route == "/swagger.json":
                self.send_json(200, swagger_document(state))
            elif route == state.score_path:
                self.wrong_method("POST")
            else:
                self.not_found()

        def post(self):
            route = self.route()
            if route != state.score_path:
                if route in (state.ready_path, HEALTH_PATH, "/swagger.json"):
                    self.wrong_method("GET")
                else:
                    self.not_found()
                return
            raw = self.read_body()
            if raw is None:
                return
            if not state.ready:
                self.send_json(503, {"status": "initializing", "error": "init() has not finished yet"})
                return
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                self.send_json(400, {"error": f"request body is not UTF-8: {e}", "type": "UnicodeDecodeError"})
                return
            try:
                result = state.run(text)
            except Exception as e:  # noqa: BLE001 (any failure of user code is a 500)
                log_traceback(f"run() raised {type(e).__name__}: {e}")
                self.send_json(500, {"error": str(e), "type": type(e).__name__})
                return
            try:
                # allow_nan=False: NaN/Infinity would make an answer no JSON parser accepts
                body = json.dumps(result, allow_nan=False).encode("utf-8")
            except (TypeError, ValueError, RecursionError) as e:
                message = f"run() returned a value that cannot be encoded as JSON ({type(result).__name__}): {e}"
                log(message)
                self.send_json(500, {"error": message, "type": type(e).__name__})
                return
            self.send_json(200, None, body)

        def read_body(self):
            """The request body, or None after an error answer was sent."""
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                return self.read_chunked()
            if self.headers.get("Content-Length") is None:
                self.close_connection = True
                self.send_json(411, {"error": "Content-Length or chunked Transfer-Encoding required"})
                return None
            length = self.declared_length()
            if length < 0:
                self.close_connection = True
                self.send_json(400, {"error": "invalid Content-Length"})
                return None
            if length > MAX_BODY_BYTES:
                self.close_connection = True
                self.send_json(413, {"error": f"request body larger than {MAX_BODY_BYTES} bytes"})
                return None
            body = self.rfile.read(length)
            if len(body) < length:
                self.close_connection = True
                return None  # the client went away mid-body; nobody to answer
            return body

        def read_chunked(self):
            parts = []
            total = 0
            while True:
                line = self.rfile.readline(1024)
                try:
                    size = int(line.split(b";", 1)[0].strip(), 16)
                except ValueError:
                    self.close_connection = True
                    self.send_json(400, {"error": "malformed chunked body"})
                    return None
                if size == 0:
                    # trailers end with an empty line; bounded so a client cannot stall us forever
                    for _ in range(100):
                        if self.rfile.readline(8192) in (b"\r\n", b"\n", b""):
                            break
                    return b"".join(parts)
                total += size
                if total > MAX_BODY_BYTES:
                    self.close_connection = True
                    self.send_json(413, {"error": f"request body larger than {MAX_BODY_BYTES} bytes"})
                    return None
                chunk = self.rfile.read(size)
                self.rfile.readline(8)  # CRLF after the chunk
                if len(chunk) < size:
                    self.close_connection = True
                    return None
                parts.append(chunk)

    return Handler


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # the default backlog of 5 drops connections under a burst of load
    request_queue_size = 128


def load_script(path):
    """Imports the scoring script as a module and returns (init, run); exits 3 on failure."""
    path = os.path.abspath(path)
    if not os.path.isfile(path):
        log(f"scoring script {path} does not exist")
        hard_exit(EXIT_SCRIPT_FAILED)
    folder = os.path.dirname(path)
    # no __pycache__ in the user's code folder: it may be read-only, and it would change the
    # content hash of the code that images are tagged by
    sys.dont_write_bytecode = True
    if folder not in sys.path:
        sys.path.insert(0, folder)
    name = os.path.splitext(os.path.basename(path))[0]
    if name in sys.modules:
        # a script called e.g. json.py must not replace the module this server uses
        name = f"_modelship_scoring_{name}"
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load {path} as a Python module")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except BaseException:  # noqa: BLE001 (SystemExit in a script is a failure too)
        log_traceback(f"cannot import the scoring script {path}:")
        hard_exit(EXIT_SCRIPT_FAILED)
    missing = [fn for fn in ("init", "run") if not callable(getattr(module, fn, None))]
    if missing:
        log(f"the scoring script {path} does not define {' and '.join(f'{m}()' for m in missing)}")
        hard_exit(EXIT_SCRIPT_FAILED)
    return module.init, module.run


def watch_parent(state, parent_pid):
    while True:
        if os.getppid() != parent_pid:
            state.request_stop(f"parent process {parent_pid} is gone")
            return
        time.sleep(PARENT_CHECK_INTERVAL_S)


def drain_and_exit(state, server):
    log(f"stopping ({state.stop_reason}): no new connections; finishing requests in flight")
    state.stopping = True
    server.shutdown()
    server.server_close()
    deadline = time.monotonic() + DRAIN_TIMEOUT_S
    while time.monotonic() < deadline:
        with state.lock:
            if state.in_flight == 0:
                break
        time.sleep(0.05)
    with state.lock:
        left = state.in_flight
    if left:
        log(f"{left} request(s) still running after {DRAIN_TIMEOUT_S:.0f} s; exiting anyway")
    log("stopped")
    hard_exit(0)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Serve an Azure ML style scoring script (init()/run()) over HTTP.")
    parser.add_argument("--script", required=True, help="the scoring script (a .py file with init() and run())")
    # the environment gives the defaults, so a container runtime can choose the address
    # without replacing the image's command (PORT as on Cloud Run, Heroku and others)
    parser.add_argument("--host", default=os.environ.get("MODELSHIP_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "5001")))
    parser.add_argument("--ready-path", default="/")
    parser.add_argument("--score-path", default="/score")
    parser.add_argument("--parent-pid", type=int, default=None,
                        help="exit when this process is no longer our parent")
    args = parser.parse_args(argv)

    state = State(args.ready_path, args.score_path)
    try:
        server = Server((args.host, args.port), make_handler(state))
    except OSError as e:
        log(f"cannot listen on {args.host}:{args.port}: {e}")
        hard_exit(EXIT_PORT_IN_USE if e.errno == errno.EADDRINUSE else EXIT_CANNOT_LISTEN)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda signum, _frame: state.request_stop(signal.Signals(signum).name))
    if args.parent_pid is not None:
        threading.Thread(target=watch_parent, args=(state, args.parent_pid), name="parent-watch", daemon=True).start()

    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="http", daemon=True).start()
    model_dir = os.environ.get("AZUREML_MODEL_DIR")
    log(f"listening on http://{args.host}:{server.server_address[1]} "
        f"(ready: GET {args.ready_path}, score: POST {args.score_path}); pid {os.getpid()}, "
        f"python {sys.version.split()[0]}, script {os.path.abspath(args.script)}, "
        f"AZUREML_MODEL_DIR={model_dir if model_dir is not None else '(not set)'}")

    # the script is imported and initialised in the main thread (some libraries require it)
    started = time.monotonic()
    init, run = load_script(args.script)
    try:
        init()
    except BaseException:  # noqa: BLE001
        log_traceback("init() raised:")
        hard_exit(EXIT_SCRIPT_FAILED)
    state.run = run
    state.ready = True
    log(f"ready: init() finished in {time.monotonic() - started:.2f} s")

    while not state.stop_requested.wait(0.5):
        pass
    drain_and_exit(state, server)


if __name__ == "__main__":
    main()
