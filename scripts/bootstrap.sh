#!/usr/bin/env bash
# Installs everything the repo needs on a fresh machine with Node 20, npm and Java: the pinned pnpm, the
# workspace's packages (lockfile), and the pinned openapi-generator jar. Idempotent and quick when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=$(node -p 'require("./package.json").packageManager.split("@")[1]')
say() { echo "[bootstrap] $*"; }

# corepack can't verify registry signatures on these machines, so pnpm comes from npm itself.
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  say "installing pnpm@$PNPM_VERSION"
  if ! npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1; then
    npm install --prefix .tools "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$PWD/.tools/node_modules/.bin:$PATH"
  fi
fi

export TURBO_TELEMETRY_DISABLED=1
if [ "${CI:-}" = "true" ]; then
  pnpm install --frozen-lockfile --reporter=append-only
else
  pnpm install --frozen-lockfile --reporter=silent || pnpm install
fi

# The generator jar (pinned in openapitools.json) normally downloads on first use; fall back to Maven.
GEN_VERSION=$(node -p 'require("./openapitools.json")["generator-cli"].version')
JAR=".openapi-generator/$GEN_VERSION.jar"
if [ ! -s "$JAR" ]; then
  say "fetching openapi-generator-cli $GEN_VERSION"
  export OPENAPI_GENERATOR_CLI_SEARCH_URL=DEFAULT
  if ! node scripts/node_modules/@openapitools/openapi-generator-cli/main.js --openapitools openapitools.json version >/dev/null 2>&1 || [ ! -s "$JAR" ]; then
    say "direct download failed; using mvn dependency:copy"
    mkdir -p .openapi-generator
    mvn -q dependency:copy -Dartifact="org.openapitools:openapi-generator-cli:$GEN_VERSION" -DoutputDirectory=.openapi-generator
    mv ".openapi-generator/openapi-generator-cli-$GEN_VERSION.jar" "$JAR"
  fi
fi
say "ready (pnpm $(pnpm --version), openapi-generator $GEN_VERSION)"
