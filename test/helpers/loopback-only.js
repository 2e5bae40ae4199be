'use strict';
// Network guard for test processes: only loopback may be reached.
//
// Preload it into a child process with `NODE_OPTIONS=--require /abs/path/test/helpers/loopback-only.js`
// (it is plain CommonJS for that reason). It patches, before any application code runs:
//   - net.Socket.prototype.connect (which http, https, tls, http2 and undici/fetch all go through):
//     TCP to anything but 127.0.0.0/8, ::1, ::ffff:127.x.x.x or the name `localhost` is refused;
//     unix sockets (the Docker engine at /var/run/docker.sock) and loopback TCP pass untouched;
//   - dns.lookup and dns.promises.lookup: any name but `localhost` (and IP literals) is refused
//     before the resolver runs, so no DNS query leaves the machine either;
//   - the c-ares resolvers (dns.resolve*, dns.reverse, dns.Resolver, dns.promises.*): refused
//     outright, they always query the configured name server;
//   - dgram sockets: sending to / connecting to a non-loopback address is refused.
// A refusal never reaches a system call: the guard answers with an error (code ELOOPBACKONLY,
// message `loopback-only: refused connection to HOST:PORT`), delivered the way a failed
// connection is (an 'error' event on the socket, a rejected promise, an error to the callback),
// and appends that line to the file named by MODELSHIP_TEST_NETLOG when it is set.
// Tests assert that this file stays empty.
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const dgram = require('node:dgram');

const INSTALLED = Symbol.for('modelship.loopbackOnly');

function stripBrackets(host) {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** true when host is a loopback IP literal */
function isLoopbackIp(host) {
  const h = stripBrackets(String(host)).toLowerCase();
  const kind = net.isIP(h);
  if (kind === 4) return h.startsWith('127.');
  if (kind === 6) {
    if (h === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(h)) return true;
    const mapped = h.match(/^(?:0{0,4}:){0,5}(?:0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/);
    return !!mapped && mapped[1].startsWith('127.');
  }
  return false;
}

/** true for the loopback names and addresses the guard lets through */
function isLoopbackHost(host) {
  const h = stripBrackets(String(host)).toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || isLoopbackIp(h);
}

function refusal(what) {
  const line = `loopback-only: refused ${what}`;
  const log = process.env.MODELSHIP_TEST_NETLOG;
  if (log) {
    try {
      fs.appendFileSync(log, `${line}\n`);
    } catch {
      // the error below still reports it
    }
  }
  const err = new Error(line);
  err.code = 'ELOOPBACKONLY';
  return err;
}

function hostPort(host, port) {
  return net.isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

/** the host and port a Socket#connect call asks for; undefined for a unix socket / pipe */
function connectTarget(args) {
  let first = args[0];
  // net.connect()/tls.connect() pass the normalized [options, callback] array
  if (Array.isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') {
    if (first.path !== undefined && first.path !== null) return undefined;
    return {
      host: first.host === undefined || first.host === null || first.host === '' ? 'localhost' : String(first.host),
      port: first.port,
    };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const host = typeof args[1] === 'string' ? args[1] : 'localhost';
    return { host, port: first };
  }
  if (typeof first === 'string') return undefined; // a path
  return { host: 'localhost', port: first };
}

function install() {
  if (net[INSTALLED]) return;
  Object.defineProperty(net, INSTALLED, { value: true });

  const originalConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function loopbackOnlyConnect(...args) {
    const target = connectTarget(args);
    if (target && !isLoopbackHost(target.host)) {
      const err = refusal(`connection to ${hostPort(target.host, target.port)}`);
      // fail the way an unreachable peer does: asynchronously, through the 'error' event
      this.connecting = true;
      process.nextTick(() => this.destroy(err));
      return this;
    }
    return originalConnect.apply(this, args);
  };

  const originalLookup = dns.lookup;
  dns.lookup = function loopbackOnlyLookup(hostname, options, callback) {
    const cb = typeof options === 'function' ? options : callback;
    if (
      typeof hostname === 'string' &&
      hostname !== '' &&
      !isLoopbackHost(hostname) &&
      net.isIP(hostname) === 0 &&
      typeof cb === 'function'
    ) {
      const err = refusal(`DNS lookup of ${hostname}`);
      process.nextTick(() => cb(err));
      return {};
    }
    return originalLookup.apply(this, arguments);
  };
  const originalPromisesLookup = dns.promises.lookup;
  dns.promises.lookup = function loopbackOnlyPromisesLookup(hostname, ...rest) {
    if (typeof hostname === 'string' && hostname !== '' && !isLoopbackHost(hostname) && net.isIP(hostname) === 0) {
      return Promise.reject(refusal(`DNS lookup of ${hostname}`));
    }
    return originalPromisesLookup.call(this, hostname, ...rest);
  };

  // c-ares based resolvers always ask the name server: nothing to let through
  const resolverMethods = [
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'resolveCaa',
    'resolveCname',
    'resolveMx',
    'resolveNaptr',
    'resolveNs',
    'resolvePtr',
    'resolveSoa',
    'resolveSrv',
    'resolveTxt',
    'reverse',
  ];
  const refuseCallback = (name) =>
    function loopbackOnlyResolve(...args) {
      const cb = args[args.length - 1];
      const err = refusal(`DNS ${name} of ${args[0]}`);
      if (typeof cb === 'function') process.nextTick(() => cb(err));
      else throw err;
      return {};
    };
  const refusePromise = (name) =>
    function loopbackOnlyResolvePromise(...args) {
      return Promise.reject(refusal(`DNS ${name} of ${args[0]}`));
    };
  for (const name of resolverMethods) {
    if (typeof dns[name] === 'function') dns[name] = refuseCallback(name);
    if (dns.Resolver && typeof dns.Resolver.prototype[name] === 'function') dns.Resolver.prototype[name] = refuseCallback(name);
    if (typeof dns.promises[name] === 'function') dns.promises[name] = refusePromise(name);
    if (dns.promises.Resolver && typeof dns.promises.Resolver.prototype[name] === 'function')
      dns.promises.Resolver.prototype[name] = refusePromise(name);
  }

  const originalSend = dgram.Socket.prototype.send;
  dgram.Socket.prototype.send = function loopbackOnlySend(...args) {
    // send(msg[, offset, length][, port][, address][, callback]): the address is the first string after the message
    const address = args.slice(1).find((a) => typeof a === 'string');
    if (address !== undefined && !isLoopbackHost(address)) {
      const port = args.slice(1).find((a) => typeof a === 'number' && a > 0);
      const err = refusal(`connection to ${hostPort(address, port)} (udp)`);
      const cb = args[args.length - 1];
      if (typeof cb === 'function') process.nextTick(() => cb(err));
      else process.nextTick(() => this.emit('error', err));
      return;
    }
    return originalSend.apply(this, args);
  };
  const originalDgramConnect = dgram.Socket.prototype.connect;
  dgram.Socket.prototype.connect = function loopbackOnlyDgramConnect(port, address) {
    const host = typeof address === 'string' ? address : 'localhost';
    if (!isLoopbackHost(host)) {
      const err = refusal(`connection to ${hostPort(host, port)} (udp)`);
      process.nextTick(() => this.emit('error', err));
      return;
    }
    return originalDgramConnect.apply(this, arguments);
  };
}

install();

module.exports = { isLoopbackHost, isLoopbackIp };
