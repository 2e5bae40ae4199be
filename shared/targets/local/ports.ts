import * as fs from 'node:fs';
import * as net from 'node:net';

/**
 * Ports for the deployments of the local target. A port the kernel hands out for
 * `listen(0)` lies in its ephemeral range, the same range it draws the local ports of
 * outgoing connections from: between the moment we close the probe and the moment the
 * scoring server binds, any outgoing connection on the machine (the router's own, under
 * load) may take it, and the server then cannot listen. So we draw from below the
 * ephemeral range, where only an explicit bind can land, and check that the port is free.
 */

/** Linux's default ephemeral range, used where /proc does not say (macOS's starts higher) */
const DEFAULT_EPHEMERAL_LOW = 32768;
/**
 * the lowest port we give a deployment: well-known services sit lower, and the tests hand
 * out 10000-19999 to the endpoints they start
 */
const LOWEST_PORT = 20000;
const ATTEMPTS = 50;

export interface PortRange {
  /** lowest port to consider, inclusive */
  low: number;
  /** highest port to consider, inclusive */
  high: number;
}

/** the ports outside the kernel's ephemeral range that we draw from */
export function deploymentPortRange(readRange: () => string | undefined = readLinuxEphemeralRange): PortRange {
  const ephemeralLow = Number(readRange()?.trim().split(/\s+/)[0]);
  const high = (Number.isInteger(ephemeralLow) && ephemeralLow > LOWEST_PORT + 1000 ? ephemeralLow : DEFAULT_EPHEMERAL_LOW) - 1;
  return { low: LOWEST_PORT, high };
}

let machine: PortRange | undefined;
/** this machine's range, read from /proc once per process */
function machineRange(): PortRange {
  return (machine ??= deploymentPortRange());
}

function readLinuxEphemeralRange(): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8');
  } catch {
    return undefined;
  }
}

/** true when nothing listens on 127.0.0.1:port and it can be bound */
export function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/**
 * A free 127.0.0.1 port outside the ephemeral range, drawn at random from `range`
 * (so that two hosts on one machine rarely try the same one). Falls back to a kernel
 * port when none of the attempts is free.
 */
export async function freeDeploymentPort(range: PortRange = machineRange(), random: () => number = Math.random): Promise<number> {
  for (let i = 0; i < ATTEMPTS; i++) {
    const port = range.low + Math.floor(random() * (range.high - range.low + 1));
    if (await canBind(port)) return port;
  }
  return kernelPort();
}

/** a port from the kernel's ephemeral range: the last resort when no port of ours is free */
function kernelPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}
