import * as net from 'node:net';
import { canBind, deploymentPortRange, freeDeploymentPort } from '../../shared/targets/local/ports';

/** a listener on 127.0.0.1 held for the test; its port is the one "something else" took */
async function holdPort(port = 0): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;

describe('the ports deployments get', () => {
  test('lie below the kernel ephemeral range, as /proc states it', () => {
    expect(deploymentPortRange(() => '32768\t60999\n')).toEqual({ low: 20000, high: 32767 });
    expect(deploymentPortRange(() => '40000 65000')).toEqual({ low: 20000, high: 39999 });
  });

  test("fall back to Linux's default range when the kernel does not say, or says something unusable", () => {
    expect(deploymentPortRange(() => undefined)).toEqual({ low: 20000, high: 32767 });
    expect(deploymentPortRange(() => 'garbage')).toEqual({ low: 20000, high: 32767 });
    // an ephemeral range reaching down into ours: keep clear of the default one instead
    expect(deploymentPortRange(() => '1024 65535')).toEqual({ low: 20000, high: 32767 });
  });

  test('on this machine, match what the kernel uses', () => {
    const range = deploymentPortRange();
    expect(range.high).toBeGreaterThan(range.low);
    expect(range.low).toBeGreaterThanOrEqual(20000);
  });

  test('skip a port something listens on', async () => {
    const held = await holdPort();
    try {
      const heldPort = portOf(held);
      expect(await canBind(heldPort)).toBe(false);
      // the first draw lands on the held port, the second on the port above it
      const draws = [0, 1 / 3];
      const range = { low: heldPort, high: heldPort + 2 };
      const port = await freeDeploymentPort(range, () => draws.shift() ?? 0.99);
      expect(port).toBe(heldPort + 1);
      expect(await canBind(port)).toBe(true);
    } finally {
      held.close();
    }
  });

  test('fall back to a kernel port when every draw is taken', async () => {
    const held = await holdPort();
    try {
      const heldPort = portOf(held);
      const port = await freeDeploymentPort({ low: heldPort, high: heldPort }, () => 0);
      expect(port).not.toBe(heldPort);
      expect(await canBind(port)).toBe(true);
    } finally {
      held.close();
    }
  });

  test('are drawn from the whole range', async () => {
    const range = deploymentPortRange();
    const ports = new Set<number>();
    for (let i = 0; i < 20; i++) ports.add(await freeDeploymentPort(range));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(range.low);
      expect(port).toBeLessThanOrEqual(range.high);
    }
    // 20 draws from thousands of ports: a constant picker would give one
    expect(ports.size).toBeGreaterThan(15);
  });
});
