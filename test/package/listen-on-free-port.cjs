// Preloaded (`node -r`) into the README's Express app by the consumer test: the README listens on port 3000,
// which another process on a shared machine may hold. Every listen gets a free port instead, reported on stdout.
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnFreePort(...args) {
  if (typeof args[0] === 'number') args[0] = 0;
  this.once('listening', () => process.stdout.write(`listening on ${this.address().port}\n`));
  return listen.apply(this, args);
};
