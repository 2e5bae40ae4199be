import type { TokenCredential } from '@azure/core-auth';
import { AnonymousCredential, ContainerClient, StoragePipelineOptions, StorageSharedKeyCredential, newPipeline } from '@azure/storage-blob';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/**
 * Model files in Azure Blob Storage, through @azure/storage-blob: the container a
 * datastore names, reached with the run's Azure token (identity-based datastores) or the
 * datastore's own account key or SAS token.
 */
export interface BlobContainerRef {
  accountName: string;
  containerName: string;
  /** the storage suffix, e.g. core.windows.net; an emulator gives HOST:PORT */
  endpoint: string;
  protocol: string;
}

export type BlobAuth =
  { kind: 'token'; credential: TokenCredential } | { kind: 'accountKey'; key: string } | { kind: 'sas'; sasToken: string };

/**
 * The blob service URL of an account. Azure's form is `https://ACCOUNT.blob.SUFFIX`; an
 * address that is an IP or `localhost` (a storage emulator such as Azurite) takes the
 * account as the first path segment instead, as the Storage SDKs do for IP-style hosts.
 */
export function blobServiceUrl(ref: BlobContainerRef): string {
  const protocol = ref.protocol.replace(/:$/, '') || 'https';
  const host = ref.endpoint.replace(/^\.+/, '');
  const hostname = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (net.isIP(hostname) || hostname === 'localhost') return `${protocol}://${host}/${ref.accountName}`;
  return `${protocol}://${ref.accountName}.blob.${host}`;
}

const PIPELINE: StoragePipelineOptions = {
  // bounded: 4 tries, a minute each, for every blob call
  retryOptions: { maxTries: 4, tryTimeoutInMs: 60_000, retryDelayInMs: 500, maxRetryDelayInMs: 8_000 },
  userAgentOptions: { userAgentPrefix: 'modelship' },
};

export function containerClient(ref: BlobContainerRef, auth: BlobAuth): ContainerClient {
  const service = blobServiceUrl(ref);
  const container = `${service}/${encodeURIComponent(ref.containerName)}`;
  switch (auth.kind) {
    case 'token':
      return new ContainerClient(container, newPipeline(auth.credential, PIPELINE));
    case 'accountKey':
      return new ContainerClient(container, newPipeline(new StorageSharedKeyCredential(ref.accountName, auth.key), PIPELINE));
    case 'sas':
      return new ContainerClient(`${container}?${auth.sasToken.replace(/^\?/, '')}`, newPipeline(new AnonymousCredential(), PIPELINE));
  }
}

export interface TransferSummary {
  files: number;
  bytes: number;
}

/**
 * Download the blob `blobPath`, or every blob below `blobPath/`, into `destDir`, keeping
 * the paths below the prefix (a single blob keeps its file name).
 */
export async function downloadTree(container: ContainerClient, blobPath: string, destDir: string): Promise<TransferSummary> {
  const prefix = blobPath.replace(/^\/+|\/+$/g, '');
  const names: string[] = [];
  for await (const blob of container.listBlobsFlat({ prefix: prefix ? `${prefix}/` : undefined })) names.push(blob.name);
  let base = prefix ? `${prefix}/` : '';
  if (names.length === 0 && prefix) {
    // not a folder: the path may name one blob
    if (await container.getBlobClient(prefix).exists()) {
      names.push(prefix);
      base = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    }
  }
  let bytes = 0;
  for (const name of names) {
    const relative = name.slice(base.length);
    const target = path.resolve(destDir, relative);
    // a blob name with `..` must not write outside the folder
    if (!relative || !target.startsWith(path.resolve(destDir) + path.sep))
      throw new Error(`refusing the blob name ${JSON.stringify(name)}`);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await container.getBlobClient(name).downloadToFile(target);
    bytes += (await fs.promises.stat(target)).size;
  }
  return { files: names.length, bytes };
}

/** Upload a file, or every file of a folder, below `blobPrefix/`; returns the blob path that names what was uploaded */
export async function uploadTree(
  container: ContainerClient,
  source: string,
  blobPrefix: string,
): Promise<TransferSummary & { blobPath: string }> {
  const stat = await fs.promises.stat(source);
  const prefix = blobPrefix.replace(/^\/+|\/+$/g, '');
  const files: Array<{ file: string; name: string }> = [];
  // the file or folder keeps its name below the prefix, as the Azure ML SDK uploads it
  const base = `${prefix}/${path.basename(source)}`;
  if (stat.isFile()) {
    files.push({ file: source, name: base });
  } else {
    for (const relative of await listFiles(source))
      files.push({ file: path.join(source, relative), name: `${base}/${relative.split(path.sep).join('/')}` });
  }
  let bytes = 0;
  for (const upload of files) {
    await container.getBlockBlobClient(upload.name).uploadFile(upload.file);
    bytes += (await fs.promises.stat(upload.file)).size;
  }
  return { files: files.length, bytes, blobPath: base };
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.promises.readdir(path.join(dir, prefix), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(dir, relative)));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}
