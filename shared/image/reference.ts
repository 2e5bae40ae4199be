/**
 * Image references: `registry/path/name:tag` or `registry/path/name@sha256:...`.
 * modelship always names a registry host explicitly (no Docker Hub default).
 */
export interface ImageRef {
  /** host[:port] */
  registry: string;
  /** repository path within the registry, e.g. models/diabetes */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImageRef(ref: string): ImageRef {
  const at = ref.indexOf('@');
  let rest = at >= 0 ? ref.slice(0, at) : ref;
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  if (slash < 0) throw new Error(`image reference '${ref}' names no registry host (expected e.g. localhost:5000/models/name)`);
  return { registry: rest.slice(0, slash), repository: rest.slice(slash + 1), tag, digest };
}

export function formatImageRef(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** registries on loopback speak plain HTTP (Docker allows that without daemon flags); others HTTPS */
export function registryBaseUrl(registry: string): string {
  const host = registry.replace(/:\d+$/, '');
  const insecure = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  return `${insecure ? 'http' : 'https'}://${registry}`;
}
