import { spawn, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { azureChildEnv, azuriteSharedKeyClient, seedContainer, startAzurite, type Azurite } from '../helpers/azure/azurite';
import { testCa } from '../helpers/azure/test-ca';
import { createClientAssertion, decodeJwt, startFakeEntra, type FakeEntra } from './fakes/fake-entra';

/**
 * The Azure test infrastructure end to end: a FAKE Entra ID token service and the real Azurite
 * blob emulator over HTTPS (throw-away test CA), used by the real @azure/identity and
 * @azure/storage-blob in CHILD processes that run the way the CLI will: NODE_EXTRA_CA_CERTS,
 * AZURE_AUTHORITY_HOST and the loopback-only guard preloaded through NODE_OPTIONS. Every child's
 * guard log must stay empty, except in the cases that show what the guard catches (those run in a
 * separate network namespace when this machine allows it, so even a guard bug could not leave it).
 */
const ROOT = path.resolve(__dirname, '..', '..');
const TENANT = '7d1a4c0e-2f5b-4e8a-9c3d-1b2a3c4d5e6f';
const TENANT_DOMAIN = 'modelshiptest.onmicrosoft.com';
const CLIENT = '3f9a2b1c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const OBJECT_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const SECRET = 'fake-secret~' + crypto.randomBytes(12).toString('hex');
const FED_CLIENT = 'c0ffee00-1111-4222-8333-444455556666';
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const GITHUB_SUBJECT = 'repo:contoso/diabetes-model:environment:production';
const STORAGE_SCOPE = 'https://storage.azure.com/.default';

/** the script the child processes run: one scenario per run, a JSON line on stdout */
const CHILD_SCRIPT = String.raw`
'use strict';
const { createRequire } = require('node:module');
const https = require('node:https');
const net = require('node:net');
const dns = require('node:dns');
const req = createRequire(process.env.MS_ROOT + '/package.json');
const identity = req('@azure/identity');
const storage = req('@azure/storage-blob');
const env = process.env;
const claims = (t) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString('utf8'));
const noDiscovery = { disableInstanceDiscovery: true };

async function blobRoundTrip(service, container) {
  const cc = service.getContainerClient(container);
  await cc.createIfNotExists();
  const text = 'model bytes ' + container;
  await cc.getBlockBlobClient('model/weights.bin').upload(text, Buffer.byteLength(text));
  const names = [];
  for await (const b of cc.listBlobsFlat()) names.push(b.name);
  const containers = [];
  for await (const c of service.listContainers()) containers.push(c.name);
  const body = await cc.getBlobClient('model/weights.bin').downloadToBuffer();
  return { names, containers, downloaded: body.toString('utf8') };
}

const scenarios = {
  async secret() {
    const cred = new identity.ClientSecretCredential(env.MS_TENANT, env.MS_CLIENT, env.MS_SECRET, noDiscovery);
    const arm = await cred.getToken(env.MS_ARM_SCOPE);
    const st = await cred.getToken('https://storage.azure.com/.default');
    return { arm: claims(arm.token), storage: claims(st.token), armExpiresInS: Math.round((arm.expiresOnTimestamp - Date.now()) / 1000), tokenType: arm.tokenType };
  },
  async secretByDomain() {
    const cred = new identity.ClientSecretCredential(env.MS_TENANT_DOMAIN, env.MS_CLIENT, env.MS_SECRET, noDiscovery);
    return { storage: claims((await cred.getToken('https://storage.azure.com/.default')).token) };
  },
  async assertion() {
    let calls = 0;
    const cred = new identity.ClientAssertionCredential(env.MS_TENANT, env.MS_FED_CLIENT, async () => (calls++, env.MS_ASSERTION), noDiscovery);
    const t = await cred.getToken(env.MS_ARM_SCOPE);
    return { arm: claims(t.token), assertionCalls: calls };
  },
  async defaultCredential() {
    const cred = new identity.DefaultAzureCredential(noDiscovery);
    const t = await cred.getToken('https://storage.azure.com/.default');
    return { storage: claims(t.token) };
  },
  async secretNoDiscoveryOption() {
    const cred = new identity.ClientSecretCredential(env.MS_TENANT, env.MS_CLIENT, env.MS_SECRET);
    return { token: (await cred.getToken('https://storage.azure.com/.default')).token };
  },
  async blobWithToken() {
    const cred = new identity.ClientSecretCredential(env.MS_TENANT, env.MS_CLIENT, env.MS_SECRET, noDiscovery);
    const service = new storage.BlobServiceClient(env.MS_BLOB_URL, cred);
    const result = await blobRoundTrip(service, 'oauth-container');
    const seeded = await service.getContainerClient(env.MS_SEEDED_CONTAINER).getBlobClient(env.MS_SEEDED_BLOB).downloadToBuffer();
    // the same credential asked for another audience: Azurite must refuse the token
    const wrongAudience = new storage.BlobServiceClient(env.MS_BLOB_URL, cred, { audience: env.MS_ARM_SCOPE, retryOptions: { maxTries: 1 } });
    const refused = await wrongAudience.getContainerClient('oauth-container').exists().then(
      () => 'accepted',
      (e) => e.statusCode + ' ' + (e.details && e.details.errorCode) + ' ' + (e.details && e.details.authenticationErrorDetail),
    );
    return { ...result, seeded: seeded.toString('utf8'), refused };
  },
  async blobWithSharedKey() {
    const service = new storage.BlobServiceClient(env.MS_BLOB_URL, new storage.StorageSharedKeyCredential(env.MS_ACCOUNT, env.MS_ACCOUNT_KEY));
    return blobRoundTrip(service, 'sharedkey-container');
  },
  async trust() {
    const url = env.MS_AUTHORITY + '/' + env.MS_TENANT + '/v2.0/.well-known/openid-configuration';
    const viaFetch = await fetch(url).then((r) => r.status, (e) => 'error ' + ((e.cause && e.cause.code) || e.message));
    const viaHttps = await new Promise((resolve) => https.get(url, (r) => { r.resume(); resolve(r.statusCode); }).on('error', (e) => resolve('error ' + (e.code || e.message))));
    const blob = await fetch(env.MS_BLOB_URL + '?comp=list').then((r) => r.status, (e) => 'error ' + ((e.cause && e.cause.code) || e.message));
    return { viaFetch, viaHttps, blob };
  },
  async guard() {
    const out = {};
    const attempt = (name, make) => new Promise((resolve) => {
      const s = make();
      s.on('error', (e) => { out[name] = e.code + ': ' + e.message; resolve(); });
      s.on('connect', () => { out[name] = 'connected'; s.destroy(); resolve(); });
    });
    await attempt('imds', () => net.connect(80, '169.254.169.254'));
    await attempt('login', () => net.connect({ host: 'login.microsoftonline.com', port: 443 }));
    out.fetch = await fetch('https://management.azure.com/').then(() => 'answered', (e) => (e.cause && e.cause.code) || e.message);
    out.lookup = await dns.promises.lookup('storage.azure.com').then(() => 'resolved', (e) => e.code);
    return out;
  },
};

scenarios[process.argv[2]]().then(
  (result) => process.stdout.write(JSON.stringify({ ok: true, result }) + '\n'),
  (e) => process.stdout.write(JSON.stringify({ ok: false, name: e && e.name, message: String(e && e.message) }) + '\n'),
);
`;

interface ChildOutcome {
  ok: boolean;
  result?: Record<string, unknown>;
  name?: string;
  message?: string;
  stderr: string;
}

/** can this machine give a child its own empty network namespace (root, util-linux unshare)? */
const netnsAvailable = (() => {
  try {
    return spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  } catch {
    return false;
  }
})();

describe('Azure identity test infrastructure: fake Entra ID + Azurite over HTTPS, real SDKs in child processes', () => {
  let entra: FakeEntra;
  let azurite: Azurite;
  let work: string;
  let script: string;
  let armScope: string;
  let signingKey: crypto.KeyObject;
  let logCounter = 0;

  /** run one scenario of the child script; `isolated` runs it in its own network namespace if possible */
  async function child(
    scenario: string,
    opts: { env?: Record<string, string | undefined>; isolated?: boolean; netlog?: string } = {},
  ): Promise<ChildOutcome & { netlog: string[] }> {
    const netlog = opts.netlog ?? path.join(work, `netlog-${++logCounter}`);
    fs.writeFileSync(netlog, '');
    const env = azureChildEnv({
      authorityHost: entra.url,
      netlog,
      env: {
        MS_ROOT: ROOT,
        MS_TENANT: TENANT,
        MS_TENANT_DOMAIN: TENANT_DOMAIN,
        MS_CLIENT: CLIENT,
        MS_SECRET: SECRET,
        MS_FED_CLIENT: FED_CLIENT,
        MS_ARM_SCOPE: armScope,
        MS_AUTHORITY: entra.url,
        MS_BLOB_URL: azurite.url,
        MS_ACCOUNT: azurite.accountName,
        MS_ACCOUNT_KEY: azurite.accountKey,
        ...opts.env,
      },
    });
    const [cmd, args]: [string, string[]] =
      opts.isolated && netnsAvailable ? ['unshare', ['-n', process.execPath, script, scenario]] : [process.execPath, [script, scenario]];
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      const p = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let so = '';
      let se = '';
      p.stdout.on('data', (d: Buffer) => (so += d.toString()));
      p.stderr.on('data', (d: Buffer) => (se += d.toString()));
      const timer = setTimeout(() => p.kill('SIGKILL'), 60_000);
      p.on('error', reject);
      p.on('close', () => {
        clearTimeout(timer);
        resolve({ stdout: so, stderr: se });
      });
    });
    const line = stdout.trim().split('\n').pop() ?? '';
    let parsed: Omit<ChildOutcome, 'stderr'>;
    try {
      parsed = JSON.parse(line) as Omit<ChildOutcome, 'stderr'>;
    } catch {
      throw new Error(`child ${scenario} printed no result. stdout: ${stdout} stderr: ${stderr}`);
    }
    const lines = fs.readFileSync(netlog, 'utf8').split('\n').filter(Boolean);
    return { ...parsed, stderr, netlog: lines };
  }

  /** a request to the fake from this process (which trusts the test CA explicitly) */
  function post(pathname: string, form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
    const data = new URLSearchParams(form).toString();
    return new Promise((resolve, reject) => {
      const req = https.request(
        `${entra.url}${pathname}`,
        {
          method: 'POST',
          ca: testCa().caCert,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(data) },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  }

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'modelship-azure-infra-'));
    script = path.join(work, 'child.js');
    fs.writeFileSync(script, CHILD_SCRIPT);
    const caStart = Date.now();
    testCa();
    const caMs = Date.now() - caStart;
    entra = await startFakeEntra();
    armScope = `https://127.0.0.1:${entra.port + 1}/.default`; // a fake ARM's resource id: any https URL works as a resource
    entra.addTenant(TENANT, { domains: [TENANT_DOMAIN] });
    entra.addApp({ tenantId: TENANT, clientId: CLIENT, objectId: OBJECT_ID, secrets: [SECRET] });
    signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    entra.addApp({
      tenantId: TENANT,
      clientId: FED_CLIENT,
      federatedCredentials: [{ name: 'github-production', issuer: GITHUB_ISSUER, subject: GITHUB_SUBJECT }],
    });
    entra.trustIssuer(GITHUB_ISSUER, crypto.createPublicKey(signingKey));
    azurite = await startAzurite({ netlog: path.join(work, 'azurite-netlog') });
    // seen in the jest output: how long the pieces take to come up
    console.log(`test CA ${caMs} ms; Azurite started in ${azurite.startMs} ms on port ${azurite.port}`);
  }, 60_000);

  afterAll(async () => {
    await azurite?.stop();
    await entra?.close();
    if (work) {
      const azuriteLog = path.join(work, 'azurite-netlog');
      const lines = fs.existsSync(azuriteLog) ? fs.readFileSync(azuriteLog, 'utf8') : '';
      fs.rmSync(work, { recursive: true, force: true });
      // Azurite ran with the guard too (telemetry is off): it must not have tried to leave the machine
      expect(lines).toBe('');
    }
  });

  it('NODE_EXTRA_CA_CERTS makes fetch (undici) and https trust the test CA, and only it does', async () => {
    const trusted = await child('trust');
    expect(trusted).toMatchObject({ ok: true, result: { viaFetch: 200, viaHttps: 200, blob: 403 } });
    expect(trusted.netlog).toEqual([]);
    const untrusted = await child('trust', { env: { NODE_EXTRA_CA_CERTS: undefined } });
    expect(untrusted.result?.viaFetch).toMatch(
      /^error (UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)/,
    );
    expect(untrusted.result?.viaHttps).toMatch(
      /^error (UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)/,
    );
    expect(untrusted.netlog).toEqual([]);
  }, 60_000);

  it('(a) ClientSecretCredential gets tokens for a fake ARM resource and for Azure Storage', async () => {
    const before = entra.requests.length;
    const r = await child('secret');
    expect(r).toMatchObject({ ok: true });
    const arm = r.result?.arm as Record<string, unknown>;
    const st = r.result?.storage as Record<string, unknown>;
    expect(arm).toMatchObject({
      aud: armScope.replace(/\/\.default$/, ''),
      iss: `https://sts.windows.net/${TENANT}/`,
      tid: TENANT,
      oid: OBJECT_ID,
      appid: CLIENT,
      azp: CLIENT,
      appidacr: '1',
      idtyp: 'app',
    });
    expect(st).toMatchObject({ aud: 'https://storage.azure.com', iss: `https://sts.windows.net/${TENANT}/` });
    expect((arm.exp as number) - (arm.iat as number)).toBe(3599 + 300);
    expect(r.result?.armExpiresInS).toBeGreaterThan(3500);
    expect(r.result?.tokenType).toBe('Bearer');
    // what MSAL asked for on the authority host: the discovery document once, then one token per scope
    const seen = entra.requests.slice(before).map((q) => `${q.method} ${q.path} ${q.status}`);
    expect(seen).toEqual([
      `GET /${TENANT}/v2.0/.well-known/openid-configuration 200`,
      `POST /${TENANT}/oauth2/v2.0/token 200`,
      `POST /${TENANT}/oauth2/v2.0/token 200`,
    ]);
    const tokenRequests = entra.requests.slice(before).filter((q) => q.method === 'POST');
    expect(tokenRequests.map((q) => [q.grantType, q.clientId, q.clientAuth, q.scope])).toEqual([
      ['client_credentials', CLIENT, 'client_secret', armScope],
      ['client_credentials', CLIENT, 'client_secret', STORAGE_SCOPE],
    ]);
    // the request log holds no secret
    expect(JSON.stringify(entra.requests)).not.toContain(SECRET);
    expect(entra.tokensIssued(CLIENT, armScope)).toBeGreaterThanOrEqual(1);
    expect(r.netlog).toEqual([]);
  }, 60_000);

  it('(a) a tenant named by its verified domain resolves to the tenant id', async () => {
    const r = await child('secretByDomain');
    expect(r).toMatchObject({ ok: true, result: { storage: { tid: TENANT, aud: 'https://storage.azure.com' } } });
    expect(r.netlog).toEqual([]);
  }, 60_000);

  it('(b) ClientAssertionCredential exchanges a GitHub-OIDC-like assertion (federated credential)', async () => {
    const assertion = createClientAssertion({
      issuer: GITHUB_ISSUER,
      subject: GITHUB_SUBJECT,
      privateKey: signingKey,
      kid: 'test-key',
      claims: { repository: 'contoso/diabetes-model', ref: 'refs/heads/main', environment: 'production' },
    });
    const r = await child('assertion', { env: { MS_ASSERTION: assertion } });
    expect(r).toMatchObject({ ok: true, result: { arm: { appid: FED_CLIENT, appidacr: '2', tid: TENANT } } });
    // msal-node 5.6 calls the assertion callback twice per token request (client config, then request body)
    expect(r.result?.assertionCalls).toBeGreaterThanOrEqual(1);
    const last = entra.requests[entra.requests.length - 1];
    expect(last).toMatchObject({
      clientAuth: 'client_assertion',
      clientId: FED_CLIENT,
      assertion: { iss: GITHUB_ISSUER, sub: GITHUB_SUBJECT, aud: 'api://AzureADTokenExchange' },
      status: 200,
    });
    expect(JSON.stringify(entra.requests)).not.toContain(assertion);
    expect(r.netlog).toEqual([]);

    // a subject with no federated credential (another branch): AADSTS70021 reaches the caller
    const otherBranch = createClientAssertion({
      issuer: GITHUB_ISSUER,
      subject: 'repo:contoso/diabetes-model:ref:refs/heads/feature',
      privateKey: signingKey,
    });
    const refused = await child('assertion', { env: { MS_ASSERTION: otherBranch } });
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('AADSTS70021');
    expect(refused.netlog).toEqual([]);

    // signed by another key: refused (the fake verifies signatures of issuers the test trusts)
    const forged = createClientAssertion({
      issuer: GITHUB_ISSUER,
      subject: GITHUB_SUBJECT,
      privateKey: crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
    });
    const forgedResult = await child('assertion', { env: { MS_ASSERTION: forged } });
    expect(forgedResult.message).toContain('AADSTS700027');
  }, 60_000);

  it('(c) DefaultAzureCredential with AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET uses the environment and never probes IMDS', async () => {
    const vars = { AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, AZURE_CLIENT_SECRET: SECRET };
    const before = entra.tokensIssued(CLIENT, STORAGE_SCOPE);
    const r = await child('defaultCredential', { env: vars });
    expect(r).toMatchObject({ ok: true, result: { storage: { appid: CLIENT, aud: 'https://storage.azure.com' } } });
    expect(r.netlog).toEqual([]);
    // restricted to EnvironmentCredential, as the product should run it
    const restricted = await child('defaultCredential', { env: { ...vars, AZURE_TOKEN_CREDENTIALS: 'EnvironmentCredential' } });
    expect(restricted).toMatchObject({ ok: true });
    expect(restricted.netlog).toEqual([]);
    expect(entra.tokensIssued(CLIENT, STORAGE_SCOPE)).toBe(before + 2);
    // a wrong secret stops the chain with the AADSTS code (AuthenticationError is not "unavailable"),
    // so the managed identity credential behind it is never tried
    const wrong = await child('defaultCredential', { env: { ...vars, AZURE_CLIENT_SECRET: 'not-the-secret' } });
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toContain('AADSTS7000215');
    expect(wrong.netlog).toEqual([]);
  }, 60_000);

  it('(d) a wrong client secret surfaces AADSTS7000215; an unknown client AADSTS700016', async () => {
    const wrong = await child('secret', { env: { MS_SECRET: 'definitely-wrong' } });
    // @azure/identity 4.13 turns MSAL's ServerError into AuthenticationRequiredError (msal/utils.js
    // handleMsalError), which a ChainedTokenCredential treats like "unavailable" and moves on from:
    // a chain [ClientSecretCredential, ManagedIdentityCredential] would go on to probe IMDS after a
    // wrong secret. DefaultAzureCredential does not: EnvironmentCredential rethrows AuthenticationError.
    expect(wrong).toMatchObject({ ok: false, name: 'AuthenticationRequiredError' });
    expect(wrong.message).toContain('AADSTS7000215');
    expect(wrong.message).not.toContain('definitely-wrong');
    expect(wrong.netlog).toEqual([]);
    const unknown = await child('secret', { env: { MS_CLIENT: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.message).toContain('AADSTS700016');
    expect(unknown.netlog).toEqual([]);
  }, 60_000);

  it('an unknown tenant: the fake answers AADSTS90002 on the discovery document, MSAL reports endpoints_resolution_error', async () => {
    const r = await child('secret', { env: { MS_TENANT: '99999999-9999-4999-8999-999999999999' } });
    expect(r.ok).toBe(false);
    // with a non-Microsoft authority host MSAL must read /{tenant}/v2.0/.well-known/openid-configuration
    // first; its failure ends the attempt before any token request (against login.microsoftonline.com
    // MSAL uses built-in metadata and the AADSTS90002 comes from the token endpoint instead)
    expect(r.message).toMatch(/endpoints_resolution_error/);
    expect(entra.requests[entra.requests.length - 1]).toMatchObject({
      path: '/99999999-9999-4999-8999-999999999999/v2.0/.well-known/openid-configuration',
      status: 400,
      errorCode: 'AADSTS90002',
    });
    expect(r.netlog).toEqual([]);
  }, 60_000);

  it('(e) BlobServiceClient reads and writes Azurite over HTTPS with the Entra token credential and with the shared key', async () => {
    const seedDir = fs.mkdtempSync(path.join(work, 'seed-'));
    fs.mkdirSync(path.join(seedDir, 'v3'));
    fs.writeFileSync(path.join(seedDir, 'v3', 'model.pkl'), 'pickled model v3');
    fs.writeFileSync(path.join(seedDir, 'MLmodel'), 'flavors: {}');
    const seeded = await seedContainer(azurite, 'seeded', seedDir, 'diabetes');
    expect(seeded).toEqual(['diabetes/MLmodel', 'diabetes/v3/model.pkl']);

    const before = entra.tokensIssued(CLIENT, STORAGE_SCOPE);
    const r = await child('blobWithToken', { env: { MS_SEEDED_CONTAINER: 'seeded', MS_SEEDED_BLOB: 'diabetes/v3/model.pkl' } });
    expect(r).toMatchObject({
      ok: true,
      result: { names: ['model/weights.bin'], downloaded: 'model bytes oauth-container', seeded: 'pickled model v3' },
    });
    expect(r.result?.containers).toEqual(expect.arrayContaining(['oauth-container', 'seeded']));
    // Azurite checks the token: one for another audience is refused
    expect(r.result?.refused).toMatch(/^403 AuthenticationFailed.*audience/i);
    expect(entra.tokensIssued(CLIENT, STORAGE_SCOPE)).toBe(before + 1);
    expect(r.netlog).toEqual([]);

    const shared = await child('blobWithSharedKey');
    expect(shared).toMatchObject({ ok: true, result: { names: ['model/weights.bin'], downloaded: 'model bytes sharedkey-container' } });
    expect(shared.netlog).toEqual([]);
    // and what the children wrote is visible from here
    const names: string[] = [];
    for await (const b of azuriteSharedKeyClient(azurite).getContainerClient('oauth-container').listBlobsFlat()) names.push(b.name);
    expect(names).toEqual(['model/weights.bin']);
  }, 60_000);

  describe('what the loopback-only guard catches (run in an empty network namespace when available)', () => {
    it('refuses non-loopback TCP, fetch and DNS in-process, before any system call, and logs each', async () => {
      const r = await child('guard', { isolated: true });
      expect(r.result).toEqual({
        imds: 'ELOOPBACKONLY: loopback-only: refused connection to 169.254.169.254:80',
        login: 'ELOOPBACKONLY: loopback-only: refused connection to login.microsoftonline.com:443',
        fetch: 'ELOOPBACKONLY',
        lookup: 'ELOOPBACKONLY',
      });
      expect(r.netlog).toEqual([
        'loopback-only: refused connection to 169.254.169.254:80',
        'loopback-only: refused connection to login.microsoftonline.com:443',
        'loopback-only: refused connection to management.azure.com:443',
        'loopback-only: refused DNS lookup of storage.azure.com',
      ]);
    }, 60_000);

    it('without disableInstanceDiscovery MSAL asks login.microsoftonline.com about the unknown authority host', async () => {
      const before = entra.requests.length;
      const r = await child('secretNoDiscoveryOption', { isolated: true });
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(/endpoints_resolution_error/);
      expect(r.netlog).toEqual(['loopback-only: refused connection to login.microsoftonline.com:443']);
      expect(entra.requests.length).toBe(before);
    }, 60_000);

    it('DefaultAzureCredential without environment credentials falls through to managed identity, which probes IMDS', async () => {
      // AZURE_TOKEN_CREDENTIALS=prod keeps the developer-tool credentials (az, azd, pwsh) out of the chain:
      // they would start programs the guard does not cover
      const r = await child('defaultCredential', { isolated: true, env: { AZURE_TOKEN_CREDENTIALS: 'prod' } });
      expect(r.ok).toBe(false);
      expect(r.netlog).toContain('loopback-only: refused connection to 169.254.169.254:80');
      expect(r.netlog.every((l) => l === 'loopback-only: refused connection to 169.254.169.254:80')).toBe(true);
    }, 60_000);
  });

  describe('the fake token endpoint itself (requests from this process)', () => {
    const token = (tenant: string) => `/${tenant}/oauth2/v2.0/token`;

    it('answers errors in Entra ID JSON shape', async () => {
      const r = await post(token('no-such-tenant.example'), {
        grant_type: 'client_credentials',
        client_id: CLIENT,
        client_secret: SECRET,
        scope: STORAGE_SCOPE,
      });
      expect(r.status).toBe(400);
      expect(Object.keys(r.body).sort()).toEqual([
        'correlation_id',
        'error',
        'error_codes',
        'error_description',
        'error_uri',
        'timestamp',
        'trace_id',
      ]);
      expect(r.body).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
      expect(r.body.error_description).toMatch(
        /^AADSTS90002: Tenant 'no-such-tenant\.example' not found\..*\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/s,
      );
      expect(r.body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    });

    it('checks the client, its secret, the grant and the scope', async () => {
      const base = { grant_type: 'client_credentials', client_id: CLIENT, client_secret: SECRET, scope: STORAGE_SCOPE };
      const cases: Array<[Record<string, string>, number, string, number]> = [
        [{ ...base, client_secret: 'x' }, 401, 'invalid_client', 7000215],
        [{ ...base, client_id: 'unknown-app' }, 400, 'unauthorized_client', 700016],
        [{ grant_type: 'client_credentials', client_id: CLIENT, scope: STORAGE_SCOPE }, 401, 'invalid_client', 7000218],
        [{ ...base, scope: 'https://storage.azure.com/user_impersonation' }, 400, 'invalid_scope', 1002012],
        [{ ...base, scope: `${STORAGE_SCOPE} ${armScope}` }, 400, 'invalid_scope', 70011],
        [{ ...base, grant_type: 'password' }, 400, 'unsupported_grant_type', 70003],
        [{ client_id: CLIENT, client_secret: SECRET, scope: STORAGE_SCOPE }, 400, 'invalid_request', 900144],
      ];
      for (const [form, status, error, code] of cases) {
        const r = await post(token(TENANT), form);
        expect({ form, status: r.status, error: r.body.error, codes: r.body.error_codes }).toEqual({ form, status, error, codes: [code] });
      }
    });

    it('checks client assertions: audience, issuer+subject, validity window', async () => {
      const form = (assertion: string) => ({
        grant_type: 'client_credentials',
        client_id: FED_CLIENT,
        scope: STORAGE_SCOPE,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      });
      const ok = await post(
        token(TENANT),
        form(createClientAssertion({ issuer: GITHUB_ISSUER, subject: GITHUB_SUBJECT, privateKey: signingKey })),
      );
      expect(ok.status).toBe(200);
      const wrongAud = await post(
        token(TENANT),
        form(
          createClientAssertion({
            issuer: GITHUB_ISSUER,
            subject: GITHUB_SUBJECT,
            audience: 'api://SomethingElse',
            privateKey: signingKey,
          }),
        ),
      );
      expect([wrongAud.status, wrongAud.body.error_codes]).toEqual([401, [70021]]);
      const wrongIssuer = await post(
        token(TENANT),
        form(createClientAssertion({ issuer: 'https://gitlab.example', subject: GITHUB_SUBJECT })),
      );
      expect([wrongIssuer.status, wrongIssuer.body.error_codes]).toEqual([401, [70021]]);
      expect(wrongIssuer.body.error_description).toContain("Assertion Issuer: 'https://gitlab.example'");
      const expired = await post(
        token(TENANT),
        form(
          createClientAssertion({
            issuer: GITHUB_ISSUER,
            subject: GITHUB_SUBJECT,
            privateKey: signingKey,
            now: Math.floor(Date.now() / 1000) - 7200,
          }),
        ),
      );
      expect(expired.body.error_codes).toEqual([700024]);
      const garbage = await post(token(TENANT), form('not-a-jwt'));
      expect(garbage.body.error_codes).toEqual([50027]);
    });

    it('issues JWT access tokens with the configured lifetime, counts them, and injects transient failures', async () => {
      entra.setTokenLifetime(120);
      try {
        const scope = 'https://ml.azure.com/.default';
        const before = entra.tokensIssued(CLIENT, scope);
        const r = await post(token(TENANT), { grant_type: 'client_credentials', client_id: CLIENT, client_secret: SECRET, scope });
        expect(r.status).toBe(200);
        expect(Object.keys(r.body).sort()).toEqual(['access_token', 'expires_in', 'ext_expires_in', 'token_type']);
        expect(r.body).toMatchObject({ token_type: 'Bearer', expires_in: 120, ext_expires_in: 120 });
        const { header, payload } = decodeJwt(r.body.access_token as string);
        expect(header).toMatchObject({ typ: 'JWT', alg: 'RS256' });
        expect(payload).toMatchObject({
          aud: 'https://ml.azure.com',
          iss: `https://sts.windows.net/${TENANT}/`,
          tid: TENANT,
          oid: OBJECT_ID,
          appid: CLIENT,
          azp: CLIENT,
        });
        expect((payload.exp as number) - Math.floor(Date.now() / 1000)).toBeGreaterThan(110);
        expect(payload.nbf).toBe(payload.iat);
        expect(entra.tokensIssued(CLIENT, scope)).toBe(before + 1);

        entra.failNext(1, { status: 503, retryAfterSeconds: 1 });
        const failed = await post(token(TENANT), { grant_type: 'client_credentials', client_id: CLIENT, client_secret: SECRET, scope });
        expect([failed.status, failed.body.error, failed.body.error_codes]).toEqual([503, 'temporarily_unavailable', [90033]]);
        expect(
          (await post(token(TENANT), { grant_type: 'client_credentials', client_id: CLIENT, client_secret: SECRET, scope })).status,
        ).toBe(200);
      } finally {
        entra.setTokenLifetime(3599);
      }
    });
  });
});
