import { VirtualClock } from '../../../shared/clock';
import { FakeTarget } from './fake-target';
import { FakeMetrics } from './fake-metrics';

/** production `blue` (m v1) at 100% and candidate `green` (m v2) at 0%, both healthy at 100 requests/s and 20 ms */
export function blueGreenProduction(clock: VirtualClock): { target: FakeTarget; metrics: FakeMetrics } {
  const target = new FakeTarget('prod');
  target.addDeployment('blue', { name: 'm', version: '1' });
  target.addDeployment('green', { name: 'm', version: '2' });
  target.traffic = { blue: 100, green: 0 };
  const metrics = new FakeMetrics(clock, target)
    .profile('blue', { ratePerSec: 100, errorRate: 0, latencyMs: 20 })
    .profile('green', { ratePerSec: 100, errorRate: 0, latencyMs: 20 });
  return { target, metrics };
}
