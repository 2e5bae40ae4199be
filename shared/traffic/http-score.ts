import * as http from 'node:http';
import { DEPLOYMENT_HEADER, ScoreResponse } from '../targets/target';

/**
 * One scoring request over HTTP on loopback, as clients of an endpoint send it. Shared
 * by smoke tests, probe traffic and the load generator.
 */
export interface ScoreCall {
  url: string;
  body: string;
  timeoutMs: number;
  /** endpoint key, sent as `Authorization: Bearer` */
  key?: string;
  /** route to one deployment (x-modelship-deployment) */
  deployment?: string;
  agent?: http.Agent;
}

export function scoreOnce(call: ScoreCall): Promise<ScoreResponse> {
  const started = process.hrtime.bigint();
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(call.body) };
  if (call.key) headers.authorization = `Bearer ${call.key}`;
  if (call.deployment) headers[DEPLOYMENT_HEADER] = call.deployment;
  return new Promise((resolve, reject) => {
    const req = http.request(call.url, { method: 'POST', headers, timeout: call.timeoutMs, agent: call.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const answeredBy = res.headers[DEPLOYMENT_HEADER];
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          deployment: Array.isArray(answeredBy) ? answeredBy[0] : answeredBy,
          latencyMs: Number(process.hrtime.bigint() - started) / 1e6,
        });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${call.url} within ${call.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(call.body);
  });
}
