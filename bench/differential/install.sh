#!/bin/sh
# Installs the peer evaluator @cloud-copilot/iam-simulate (npm, AGPL-3.0, used only as a
# test oracle, never shipped) into target/bench/iam-simulate. Needs node >= 18 and npm.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR="$ROOT/target/bench/iam-simulate"
mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || npm init -y >/dev/null
npm install --no-audit --no-fund @cloud-copilot/iam-simulate@0.1.173
