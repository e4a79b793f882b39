#!/bin/sh
# Installs cloudsplaining 0.9.1 into target/cloudsplaining-venv for bench/security_compare.py.
# Never needed by `cargo test`.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
venv="$here/target/cloudsplaining-venv"
if [ ! -x "$venv/bin/cloudsplaining" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "cloudsplaining==0.9.1"
fi
"$venv/bin/python" -c "import cloudsplaining, sys; print(cloudsplaining.__file__)"
