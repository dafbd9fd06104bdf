import { connect, createServer, type Server, type Socket } from 'node:net';

/** What the proxy does with connections right now. */
export type ProxyState = 'forwarding' | 'refusing' | 'silent' | 'stalled';

/**
 * A TCP proxy of the test's own on 127.0.0.1, between the app and its database, that a test can break:
 * - `cut()` destroys every open connection and stops listening, so new connections are refused;
 * - `silence()` destroys every open connection but keeps accepting new ones, and never answers them
 *   (a database host that went away without a word);
 * - `stall()` keeps every connection open but lets nothing through, either way, until restored (a network
 *   that stopped delivering: the bytes wait, as TCP would keep them);
 * - `restore()` forwards again on the same port: after a stall the held bytes flow on, after the others the
 *   connections are new;
 * - `tripwire` sees each chunk the app sends; when it returns `'before'` the proxy cuts without passing the
 *   chunk on, with `'after'` it passes it on first (the server gets the statement, the app never its answer),
 *   with `'stall-after'` it passes it on and then stalls (the answer waits until `restore()`).
 * @example
 * const proxy = new TcpProxy(5432); const port = await proxy.start();
 * await proxy.cut(); ...; await proxy.restore();
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  /** Connections accepted while not forwarding, paused, with no upstream yet. */
  private readonly held = new Set<Socket>();
  private port = 0;
  state: ProxyState = 'forwarding';
  tripwire: ((chunk: Buffer) => 'before' | 'after' | 'stall-after' | null) | null = null;
  /** Connections accepted so far, for the report. */
  connections = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  async start(): Promise<number> {
    await this.listen(0);
    return this.port;
  }

  /** Every connection destroyed, and the port closed: the app sees resets, then refusals. */
  async cut(): Promise<void> {
    this.state = 'refusing';
    this.destroyAll();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Every connection destroyed; new ones are accepted and then left without an answer. */
  async silence(): Promise<void> {
    this.destroyAll();
    this.state = 'silent';
    if (!this.server) await this.listen(this.port);
  }

  /** Nothing passes any more, either way; open connections stay open, new ones are accepted and held. */
  stall(): void {
    this.state = 'stalled';
    for (const socket of this.sockets) socket.pause();
  }

  async restore(): Promise<void> {
    const wasStalled = this.state === 'stalled';
    this.state = 'forwarding';
    if (wasStalled) {
      for (const socket of [...this.sockets]) if (!this.held.has(socket)) socket.resume();
      for (const client of this.held) this.forward(client);
      this.held.clear();
    } else {
      // Connections accepted while silent never reached the server: drop them, as a real outage's would be.
      this.destroyAll();
    }
    if (!this.server) await this.listen(this.port);
  }

  async stop(): Promise<void> {
    await this.cut();
  }

  private listen(port: number): Promise<void> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.port = (server.address() as { port: number }).port;
        resolve();
      });
    });
  }

  private accept(client: Socket): void {
    this.connections += 1;
    this.track(client);
    if (this.state === 'forwarding') return this.forward(client);
    client.pause(); // silent or stalled: hold it, answer nothing
    this.held.add(client);
  }

  private forward(client: Socket): void {
    const upstream = connect(this.targetPort, this.targetHost);
    this.track(upstream);
    let muted = false; // after an 'after' tripwire: the server's answers no longer reach the app
    client.on('data', (chunk: Buffer) => {
      const trip = this.tripwire?.(chunk) ?? null;
      if (trip === 'before') return this.trip();
      if (trip === 'stall-after') {
        this.tripwire = null;
        this.stall(); // paused first: the server's answer waits in the socket, unread
        upstream.write(chunk);
        return;
      }
      if (trip === 'after') {
        this.tripwire = null;
        muted = true;
        // Give the server time to act on the chunk, then cut before the app hears back.
        upstream.write(chunk, () => setTimeout(() => this.trip(), 100));
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!muted) client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.resume();
  }

  /** A tripwire fired: cut every connection now, and let the test decide when to restore. */
  private trip(): void {
    this.tripwire = null;
    void this.cut();
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => {}); // resets are the point here
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.held.delete(socket);
    });
  }

  private destroyAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.held.clear();
  }
}
