#!/usr/bin/env bash
# Checks that the services the test suite talks to are listening, before a long `npm ci` + `npm test` would fail
# in the middle with connection errors. Prints one line per missing service, naming it and the command that
# starts it, and exits non-zero. Uses bash's /dev/tcp only (no extra tools).
# The addresses can be overridden (CI_POSTGRES_ADDR=host:port, CI_MARIADB_ADDR, CI_REDIS_ADDR), which is also how
# the failure path is tested without stopping the real services.
set -u

missing=0

# check NAME HOST:PORT START_COMMAND
check() {
  local name=$1 address=$2 start=$3
  local host=${address%:*} port=${address##*:}
  # `timeout` bounds a filtered port, which would otherwise hang until the kernel gives up.
  if ! timeout 3 bash -c "exec 3<>/dev/tcp/${host}/${port}" 2>/dev/null; then
    echo "service check: ${name} is not reachable at ${address}; start it with: ${start}" >&2
    missing=1
  fi
}

check PostgreSQL "${CI_POSTGRES_ADDR:-127.0.0.1:5432}" 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'
check MariaDB "${CI_MARIADB_ADDR:-127.0.0.1:3306}" 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd'
check Redis "${CI_REDIS_ADDR:-127.0.0.1:6379}" 'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log'

if [ "$missing" -ne 0 ]; then exit 1; fi
echo "service check: PostgreSQL, MariaDB and Redis are reachable"
