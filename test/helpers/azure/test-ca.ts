import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A throw-away certificate authority and a server certificate for 127.0.0.1, ::1 and localhost,
 * made with the `openssl` CLI the first time a process asks for it (in a temp dir named after
 * the process id, so every test file a jest worker runs shares it), removed when the process exits
 * or, when no exit handler could run, by the next process that makes one.
 *
 * Servers (the fake Entra ID, Azurite) use `key` + `cert`. Child processes trust them with
 * `NODE_EXTRA_CA_CERTS=<caCertPath>`: Node reads it at start-up and adds it to the default trust
 * store, which both `https`/`tls` (so @azure/core-rest-pipeline, @azure/identity and msal-node) and
 * the built-in `fetch` (undici) use. The jest process itself was started without it: in-process
 * clients pass `ca: caCert` (or `tlsOptions: { ca }`) explicitly.
 */
export interface TestCa {
  dir: string;
  /** PEM file of the CA certificate: the value for NODE_EXTRA_CA_CERTS */
  caCertPath: string;
  caCert: string;
  /** server certificate (SANs IP:127.0.0.1, IP:::1, DNS:localhost), PEM, and its file */
  cert: string;
  certPath: string;
  /** private key of the server certificate, PEM, and its file */
  key: string;
  keyPath: string;
}

let cached: TestCa | undefined;

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function generate(dir: string): void {
  // EC P-256 keys: generated in milliseconds, accepted by Node's TLS on both sides
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key'], dir);
  openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      'ca.key',
      '-sha256',
      '-days',
      '7',
      '-subj',
      '/CN=modelship test CA (throw-away)',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      'ca.pem',
    ],
    dir,
  );
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'server.key.sec1'], dir);
  // PKCS#8 ("BEGIN PRIVATE KEY"): the form every consumer reads
  openssl(['pkcs8', '-topk8', '-nocrypt', '-in', 'server.key.sec1', '-out', 'server.key'], dir);
  openssl(['req', '-new', '-key', 'server.key', '-subj', '/CN=127.0.0.1', '-out', 'server.csr'], dir);
  fs.writeFileSync(
    path.join(dir, 'server.ext'),
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost',
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid,issuer',
      '',
    ].join('\n'),
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-set_serial',
      `0x${Date.now().toString(16)}`,
      '-sha256',
      '-days',
      '7',
      '-extfile',
      'server.ext',
      '-out',
      'server.pem',
    ],
    dir,
  );
  for (const f of ['ca.key', 'server.key.sec1', 'server.csr', 'server.ext']) fs.rmSync(path.join(dir, f));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** remove the CA dirs of processes that are gone (an exit handler does not run in a jest worker's sandbox) */
function sweepStale(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const m = name.match(/^modelship-test-ca-(\d+)$/);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1])))
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

/** The process's test CA and server certificate, made on first use. */
export function testCa(): TestCa {
  if (cached) return cached;
  const dir = path.join(os.tmpdir(), `modelship-test-ca-${process.pid}`);
  const read = (): TestCa => ({
    dir,
    caCertPath: path.join(dir, 'ca.pem'),
    caCert: fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
    certPath: path.join(dir, 'server.pem'),
    cert: fs.readFileSync(path.join(dir, 'server.pem'), 'utf8'),
    keyPath: path.join(dir, 'server.key'),
    key: fs.readFileSync(path.join(dir, 'server.key'), 'utf8'),
  });
  if (!fs.existsSync(path.join(dir, 'server.pem'))) {
    // another test file of this process may have made it already (jest gives each file its own
    // module registry): build in a scratch dir, then move it into place in one step
    sweepStale();
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'modelship-test-ca-tmp-'));
    try {
      generate(scratch);
      fs.renameSync(scratch, dir);
      // outside jest this removes it; inside, the next process's sweepStale() does
      process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    } catch (e) {
      fs.rmSync(scratch, { recursive: true, force: true });
      if (!fs.existsSync(path.join(dir, 'server.pem'))) throw e;
    }
  }
  cached = read();
  return cached;
}

/** path of the CA certificate PEM file (for NODE_EXTRA_CA_CERTS) */
export function caCertPath(): string {
  return testCa().caCertPath;
}

/** server private key, PEM */
export function key(): string {
  return testCa().key;
}

/** server certificate, PEM */
export function cert(): string {
  return testCa().cert;
}
