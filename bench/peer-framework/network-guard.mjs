/* global process */
// Preloaded (node --import) into every Observable Framework build of the peer benchmark: records
// every attempt to open a network connection or fetch a URL, one line each, to $PEER_NETWORK_LOG,
// and refuses it (a build that needs the network then fails instead of quietly downloading).
// Unix-socket and IPC connections are not network and pass.
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const log = process.env.PEER_NETWORK_LOG;
const record = (what) => {
  if (log) appendFileSync(log, `${what}\n`);
};
const refuse = (what) => {
  record(what);
  return new Error(`network access refused during the peer benchmark build: ${what}`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = first !== null && typeof first === 'object' ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : 'localhost' };
  if (options.path) return connect.apply(this, args);
  throw refuse(`connect ${options.host ?? 'localhost'}:${options.port}`);
};

if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = async (input) => {
    throw refuse(`fetch ${typeof input === 'string' ? input : (input?.url ?? String(input))}`);
  };
}
