// Preloaded (node --require) into the CLI and every thread it starts: any attempt to reach the network,
// resolve a name or fetch is written to RINGFENCE_NET_LOG and fails.
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const { threadId } = require('node:worker_threads');
const log = process.env.RINGFENCE_NET_LOG;

function refuse(what) {
  if (log) fs.appendFileSync(log, `${what}\n`);
  throw new Error(`network access refused in test: ${what}`);
}
if (log) fs.appendFileSync(log, `loaded in thread ${threadId}\n`);
const connect = net.Socket.prototype.connect;
// Unix sockets stay local (tsx talks to its loader over one); host and port connections are refused.
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object' && typeof first.path === 'string') return connect.apply(this, args);
  if (typeof first === 'string' && Number.isNaN(Number(first))) return connect.apply(this, args);
  const target = first && typeof first === 'object' ? `${first.host}:${first.port}` : String(first);
  return refuse(`connect ${target}`);
};
dns.lookup = (host) => refuse(`dns ${host}`);
globalThis.fetch = (url) => Promise.reject(refuse(`fetch ${url}`));
