#!/usr/bin/env bash
# Prebuilds the FerretDB+SQLite test server into the cache path used by
# test/support/mongo-server.ts (ensureFerretBinary), so build errors show early.
# Prints the binary path on stdout. Keep the path logic in sync with mongo-server.ts:
#   $TONGBAN_FERRETDB_BIN, else ${XDG_CACHE_HOME:-~/.cache}/tongban/ferretdb-<hash>/ferretdb-sqlite
#   where <hash> = first 12 hex of sha256(go.mod + go.sum + main.go).
set -euo pipefail

src_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$src_dir"

if [[ -n "${TONGBAN_FERRETDB_BIN:-}" ]]; then
  bin="$(realpath -m -s "$TONGBAN_FERRETDB_BIN")"
else
  hash="$(cat go.mod go.sum main.go | sha256sum | cut -c1-12)"
  bin="${XDG_CACHE_HOME:-$HOME/.cache}/tongban/ferretdb-${hash}/ferretdb-sqlite"
fi

if [[ -x "$bin" && "${1:-}" != "--force" ]]; then
  echo "$bin"
  exit 0
fi

command -v go >/dev/null || { echo "build.sh: Go toolchain not found on PATH" >&2; exit 1; }

mkdir -p "$(dirname "$bin")"
tmp="${bin}.tmp-$$-${RANDOM}"
trap 'rm -f "$tmp"' EXIT
# Never fetch a different Go toolchain unless the caller asks for it.
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
start=$SECONDS
go build -buildvcs=false -trimpath -o "$tmp" . >&2
mv -f "$tmp" "$bin"
echo "build.sh: built $bin in $((SECONDS - start))s with $(go version)" >&2
echo "$bin"
