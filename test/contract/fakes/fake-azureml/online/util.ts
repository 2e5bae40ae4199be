import * as net from 'node:net';
import { ISO_DURATION } from '../schemas';

/** milliseconds of an ISO 8601 duration (years as 365 days, months as 30 days, as .NET TimeSpan parsing does) */
export function durationMs(iso: string): number {
  const m = ISO_DURATION.exec(iso);
  if (!m) throw new Error(`'${iso}' is not an ISO 8601 duration`);
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  const days = n(1) * 365 + n(2) * 30 + n(3) * 7 + n(4);
  const ms = ((days * 24 + n(5)) * 60 + n(6)) * 60_000 + n(7) * 1000;
  return iso.startsWith('-') ? -ms : ms;
}

/** an ISO 8601 duration for whole milliseconds, e.g. PT1S, PT1M, PT0.25S, P1D */
export function msToIso(ms: number): string {
  if (ms % 86_400_000 === 0) return `P${ms / 86_400_000}D`;
  const h = Math.floor(ms / 3_600_000);
  const min = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `PT${h ? `${h}H` : ''}${min ? `${min}M` : ''}${s ? `${s}S` : ''}`;
}

/** a TCP port on 127.0.0.1 nobody listens on right now */
export async function freeLoopbackPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
