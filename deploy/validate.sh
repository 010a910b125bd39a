#!/usr/bin/env bash
# The command-line layer of the deployment checks (deploy/README.md, "Validation"). `./mvnw verify`
# runs it in the verify phase of the deploy module, after the JUnit layer; it also runs on its own:
#
#   bash deploy/validate.sh
#
# Needs no Docker engine and no cluster:
#   1. `kubectl kustomize` (or `kustomize build`) renders the base and every overlay into
#      deploy/target/rendered/; any error fails. Without kubectl it says so: the JUnit layer has
#      rendered the overlays with its own Kustomize implementation already.
#   2. `docker compose config -q` or `docker-compose config -q` checks docker-compose.yml against the
#      Compose schema and resolves its interpolations. Debian's docker-compose (v1, Python) is
#      installed with apt-get when neither exists and we are root; otherwise this step fails.
#   3. `sh -n` / `bash -n` on the shell scripts of deploy/.
#
# Environment: CS_DEPLOY_SKIP_COMPOSE_CLI=1 skips step 2 (a machine without root and without Compose).
set -euo pipefail

ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
OUT="$ROOT/deploy/target/rendered"
started=$SECONDS
failures=0

say() { printf '[validate] %s\n' "$*"; }
fail() { printf '[validate] FAILED: %s\n' "$*" >&2; failures=$((failures + 1)); }

cd "$ROOT"
mkdir -p "$OUT"

# ---- 1. Kustomize -------------------------------------------------------------------------------
render=()
if command -v kubectl >/dev/null 2>&1; then
  render=(kubectl kustomize)
elif command -v kustomize >/dev/null 2>&1; then
  render=(kustomize build)
fi
if ((${#render[@]} > 0)); then
  for dir in deploy/k8s/base deploy/k8s/overlays/*/; do
    dir="${dir%/}"
    name="$(basename "$dir")"
    if "${render[@]}" "$dir" >"$OUT/$name.yaml" 2>"$OUT/$name.err"; then
      say "${render[*]} $dir: $(grep -c '^kind:' "$OUT/$name.yaml") objects -> deploy/target/rendered/$name.yaml"
    else
      fail "${render[*]} $dir"
      cat "$OUT/$name.err" >&2
    fi
  done
  if grep -q '^kind: Secret$' "$OUT/prod.yaml" 2>/dev/null; then
    fail "the prod overlay renders a Secret; prod must reference existing Secrets only"
  fi
else
  say "no kubectl or kustomize on PATH: overlays were rendered by the JUnit layer's Kustomize implementation only"
fi

# ---- 2. Compose ---------------------------------------------------------------------------------
compose=()
if [[ "${CS_DEPLOY_SKIP_COMPOSE_CLI:-}" == 1 ]]; then
  say "CS_DEPLOY_SKIP_COMPOSE_CLI=1: docker-compose.yml not checked against the Compose schema"
else
  if docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
  elif command -v docker-compose >/dev/null 2>&1; then
    compose=(docker-compose)
  elif [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian's docker-compose (only its 'config' command is used; no engine needed)"
    export DEBIAN_FRONTEND=noninteractive
    if apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends docker-compose >/dev/null; then
      compose=(docker-compose)
    else
      fail "apt-get install docker-compose"
    fi
  else
    fail "neither 'docker compose' nor 'docker-compose' found, and not root to install it" \
      "(apt-get install docker-compose, or CS_DEPLOY_SKIP_COMPOSE_CLI=1 to skip)"
  fi
  if ((${#compose[@]} > 0)); then
    # Only what the file says counts: no .env file, no COMPOSE_* settings of the caller.
    if (unset COMPOSE_FILE COMPOSE_PROJECT_NAME; "${compose[@]}" --project-directory "$ROOT" -f "$ROOT/docker-compose.yml" config -q); then
      say "${compose[*]} config -q: docker-compose.yml is valid"
    else
      fail "${compose[*]} config -q docker-compose.yml"
    fi
  fi
fi

# ---- 3. shell scripts ---------------------------------------------------------------------------
for script in deploy/compose/*.sh; do
  sh -n "$script" || fail "sh -n $script"
done
bash -n deploy/validate.sh || fail "bash -n deploy/validate.sh"

if ((failures > 0)); then
  say "$failures check(s) failed after $((SECONDS - started))s"
  exit 1
fi
say "deployment files valid ($((SECONDS - started))s)"
