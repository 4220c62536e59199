#!/usr/bin/env bash
# Makes sure the PostgreSQL server binaries (initdb, pg_ctl) are installed, so that the PostgreSQL store tests can start
# a throwaway cluster (ProServ.Integration.Testing.PostgreSql.TemporaryPostgreSqlCluster). No-op when:
#   - PROSERV_POSTGRES_CONNECTION is set (the tests use that server), or
#   - initdb is found in PROSERV_POSTGRES_BIN, /usr/lib/postgresql/*/bin or PATH.
# Otherwise installs Debian/Ubuntu's 'postgresql' package with apt-get (as root, or through sudo when not root). The
# package also creates the 'postgres' system user the tests run the cluster as when they run as root.
set -euo pipefail

if [ -n "${PROSERV_POSTGRES_CONNECTION:-}" ]; then
  echo "postgres: using PROSERV_POSTGRES_CONNECTION; nothing to install"
  exit 0
fi

find_initdb() {
  local candidate
  for candidate in "${PROSERV_POSTGRES_BIN:-}" /usr/lib/postgresql/*/bin; do
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
      echo "$candidate/initdb"
      return 0
    fi
  done
  command -v initdb 2>/dev/null
}

if initdb_path=$(find_initdb) && [ -n "$initdb_path" ]; then
  echo "postgres: $("$initdb_path" --version) at $initdb_path"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: PostgreSQL (initdb, pg_ctl) is not installed and apt-get is not available; install PostgreSQL or set PROSERV_POSTGRES_CONNECTION" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  echo "error: PostgreSQL is not installed, and installing it needs root or sudo; install 'postgresql' or set PROSERV_POSTGRES_CONNECTION" >&2
  exit 1
fi

echo "postgres: initdb not found; installing the postgresql package"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends postgresql

if ! initdb_path=$(find_initdb) || [ -z "$initdb_path" ]; then
  echo "error: the postgresql package installed no initdb under /usr/lib/postgresql/*/bin" >&2
  exit 1
fi
echo "postgres: installed $("$initdb_path" --version)"
