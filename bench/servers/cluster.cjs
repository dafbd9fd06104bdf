'use strict';
/**
 * Several processes of one bench server behind one port, with `node:cluster`: the primary owns the listening
 * socket and hands connections to the workers in turn (round robin, Node's default on Linux), as one port of
 * a load balancer would. Usage: node bench/servers/cluster.cjs <workers> <server file> [server args…]
 *
 * The first worker creates the schema and the bench user; the others start once it is ready, with
 * `BENCH_SKIP_SIGN_UP=1`, on the same database and the same Redis key prefix, so any worker serves the cookie.
 * Prints `READY {"port", "cookie", "probePort", "workers"}`: `port` is the shared one; `probePort` answers
 * `GET /__bench/cpu` with the CPU time of all workers and the primary together (an HTTP probe on the shared
 * port would reach only one worker).
 */
const cluster = require('node:cluster');
const { createServer } = require('node:http');
const { createInterface } = require('node:readline');
const { CPU_PATH } = require('./protocol.cjs');

const [count, file, ...args] = process.argv.slice(2);
const workers = Number(count);
if (!(Number.isInteger(workers) && workers >= 1) || !file) {
  console.error('usage: cluster.cjs <workers> <server file> [args…]');
  process.exit(2);
}

/** Forks one worker and resolves what it printed on its `READY` line (a `SKIP` ends the whole cluster). */
function fork(env) {
  const worker = cluster.fork(env);
  worker.process.stderr.pipe(process.stderr);
  return new Promise((resolve, reject) => {
    worker.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
    createInterface({ input: worker.process.stdout }).on('line', (line) => {
      if (line.startsWith('SKIP ')) {
        process.stdout.write(`${line}\n`);
        process.exit(0);
      }
      const ready = /^READY (\{.*\})$/.exec(line);
      if (ready) resolve({ worker, info: JSON.parse(ready[1]) });
      else process.stdout.write(`${line}\n`);
    });
  });
}

/** Asks every worker for its CPU time over IPC (see protocol.cjs) and adds the primary's own. */
function totalCpuMicros(all) {
  const own = process.cpuUsage();
  const asks = all.map(
    (worker) =>
      new Promise((resolve) => {
        const onMessage = (message) => {
          if (message && typeof message.benchCpuMicros === 'number') {
            worker.off('message', onMessage);
            resolve(message.benchCpuMicros);
          }
        };
        worker.on('message', onMessage);
        worker.send('bench:cpu');
      }),
  );
  return Promise.all(asks).then((each) => each.reduce((sum, micros) => sum + micros, own.user + own.system));
}

async function main() {
  const loader = file.endsWith('.ts') ? ['-r', './tools/register-typescript.cjs', '-r', 'tsconfig-paths/register'] : [];
  cluster.setupPrimary({ exec: file, args, execArgv: loader, silent: true });
  const shared = { BENCH_REDIS_PREFIX: `bench-cluster-${process.pid}:` };
  const first = await fork(shared);
  const rest = [];
  for (let i = 1; i < workers; i++) rest.push(await fork({ ...shared, BENCH_SKIP_SIGN_UP: '1' }));
  // Workers listening on port 0 share one socket (cluster keys it by address and port): check it did.
  for (const other of rest) if (other.info.port !== first.info.port) throw new Error(`worker on port ${other.info.port}, not ${first.info.port}`);
  const all = [first, ...rest].map(({ worker }) => worker);

  const probe = createServer((request, response) => {
    if (request.url !== CPU_PATH) return response.writeHead(404).end();
    totalCpuMicros(all).then((micros) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ micros }));
    });
  });
  process.once('SIGTERM', () => {
    for (const worker of all) worker.process.kill('SIGTERM');
    process.exit(0);
  });
  probe.listen(0, '127.0.0.1', () => {
    const extra = { probePort: probe.address().port, workers };
    process.stdout.write(`READY ${JSON.stringify({ ...first.info, ...extra })}\n`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
