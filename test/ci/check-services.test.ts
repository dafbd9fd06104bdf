import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const script = join(__dirname, '..', '..', '.ci', 'check-services.sh');

function check(env: Record<string, string>) {
  const run = spawnSync('bash', [script], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, lines: run.stderr.trim().split('\n').filter(Boolean), stdout: run.stdout };
}

describe('.ci/check-services.sh', () => {
  // Port 1 and friends: nothing listens there, so the check sees each service as down without stopping any.
  test('each unreachable service gets one line naming it and its start command, and the check fails', () => {
    const { status, lines } = check({ CI_POSTGRES_ADDR: '127.0.0.1:1', CI_MARIADB_ADDR: '127.0.0.1:2', CI_REDIS_ADDR: '127.0.0.1:9' });
    expect(status).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^service check: PostgreSQL is not reachable at 127\.0\.0\.1:1; start it with: pg_ctlcluster --skip-systemctl-redirect \$\(ls \/etc\/postgresql\) main start$/),
      expect.stringMatching(/^service check: MariaDB is not reachable at 127\.0\.0\.1:2; start it with: start-stop-daemon --start --oknodo --background --exec \/usr\/sbin\/mariadbd$/),
      expect.stringMatching(/^service check: Redis is not reachable at 127\.0\.0\.1:9; start it with: redis-server --daemonize yes .*--port 6379 /),
    ]);
  });

  test('only the missing service is reported', () => {
    const { status, lines } = check({ CI_REDIS_ADDR: '127.0.0.1:9' });
    expect(status).toBe(1);
    expect(lines).toEqual([expect.stringContaining('Redis is not reachable')]);
  });

  test('with every service listening the check passes quietly but for one summary line', () => {
    const { status, lines, stdout } = check({});
    expect({ status, lines }).toEqual({ status: 0, lines: [] });
    expect(stdout).toContain('reachable');
  });
});
