#!/usr/bin/env bash
# Real components for the image tests, on this machine, idempotent and fast when present:
#   - a Docker engine (Debian's docker.io), started in the background if none answers
#   - a container registry (Debian's docker-registry, CNCF distribution) on 127.0.0.1 with
#     htpasswd (bcrypt) authentication and a generated password
#   - the local Python base image modelship-test/python:3 (debootstrap, no pull: this
#     machine reaches no public container registry)
# Writes $MODELSHIP_TEST_ENV_DIR/env (default /tmp/modelship-test-env/env) for the tests:
#   MODELSHIP_TEST_REGISTRY, MODELSHIP_TEST_REGISTRY_USERNAME, MODELSHIP_TEST_REGISTRY_PASSWORD,
#   MODELSHIP_TEST_BASE_IMAGE
set -euo pipefail

ENV_DIR=${MODELSHIP_TEST_ENV_DIR:-/tmp/modelship-test-env}
REGISTRY_PORT=${MODELSHIP_TEST_REGISTRY_PORT:-5055}
BASE_IMAGE=modelship-test/python:3
mkdir -p "$ENV_DIR"
chmod 700 "$ENV_DIR"

log() { echo "test-env: $*" >&2; }

apt_install() {
  if [ ! -f "$ENV_DIR/.apt-updated" ]; then
    apt-get update -qq
    touch "$ENV_DIR/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- Docker engine -------------------------------------------------------------------
if ! docker info >/dev/null 2>&1; then
  if ! command -v dockerd >/dev/null 2>&1; then
    log "installing the Docker engine (docker.io)"
    apt_install docker.io
  fi
  log "starting dockerd"
  nohup dockerd >"$ENV_DIR/dockerd.log" 2>&1 &
  for _ in $(seq 1 150); do
    docker info >/dev/null 2>&1 && break
    sleep 0.2
  done
  docker info >/dev/null 2>&1 || { log "dockerd did not start; see $ENV_DIR/dockerd.log"; tail -20 "$ENV_DIR/dockerd.log" >&2; exit 1; }
fi
log "docker engine $(docker version --format '{{.Server.Version}}')"

# --- registry with htpasswd authentication -------------------------------------------
REG_DIR=$ENV_DIR/registry
if ! command -v docker-registry >/dev/null 2>&1 || ! command -v htpasswd >/dev/null 2>&1; then
  log "installing docker-registry and htpasswd"
  apt_install docker-registry apache2-utils
fi
mkdir -p "$REG_DIR/data"
if [ ! -f "$REG_DIR/password" ]; then
  (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$REG_DIR/password")
  htpasswd -Bbn modelship "$(cat "$REG_DIR/password")" > "$REG_DIR/htpasswd"
fi
cat > "$REG_DIR/config.yml" <<YAML
version: 0.1
log: { level: warn }
storage:
  filesystem: { rootdirectory: $REG_DIR/data }
  delete: { enabled: true }
http:
  addr: 127.0.0.1:$REGISTRY_PORT
  secret: modelship-test-only
auth:
  htpasswd: { realm: modelship-test, path: $REG_DIR/htpasswd }
YAML
registry_up() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$REGISTRY_PORT/v2/")" = "401" ]; }
if ! registry_up; then
  log "starting the registry on 127.0.0.1:$REGISTRY_PORT"
  nohup docker-registry serve "$REG_DIR/config.yml" >"$REG_DIR/registry.log" 2>&1 &
  for _ in $(seq 1 100); do registry_up && break; sleep 0.1; done
  registry_up || { log "the registry did not start; see $REG_DIR/registry.log"; tail -20 "$REG_DIR/registry.log" >&2; exit 1; }
fi

# --- base image ----------------------------------------------------------------------
if ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
  ROOTFS=$ENV_DIR/rootfs
  rm -rf "$ROOTFS"
  log "building $BASE_IMAGE with debootstrap (about a minute, once)"
  debootstrap --variant=minbase --include=python3 bookworm "$ROOTFS" >"$ENV_DIR/debootstrap.log" 2>&1 || { tail -20 "$ENV_DIR/debootstrap.log" >&2; exit 1; }
  tar -C "$ROOTFS" -c . | docker import -c 'CMD ["python3"]' - "$BASE_IMAGE" >/dev/null
  rm -rf "$ROOTFS"
fi

cat > "$ENV_DIR/env" <<ENV
MODELSHIP_TEST_REGISTRY=127.0.0.1:$REGISTRY_PORT
MODELSHIP_TEST_REGISTRY_USERNAME=modelship
MODELSHIP_TEST_REGISTRY_PASSWORD=$(cat "$REG_DIR/password")
MODELSHIP_TEST_BASE_IMAGE=$BASE_IMAGE
ENV
chmod 600 "$ENV_DIR/env"
log "ready: registry 127.0.0.1:$REGISTRY_PORT (htpasswd), base image $BASE_IMAGE"
