import { JsonObject, KubeObject, deepCopy, deepEqual, isObject } from './fake-kube-core';

/**
 * Server-side apply and JSON merge patch, from the Kubernetes "Server-Side Apply" reference
 * and RFC 7386.
 *
 * Field ownership is tracked per manager (and operation: Apply or Update) at leaf-path level.
 * Lists are atomic (owned whole) except the associative lists of the core types, which are
 * merged by key the way their `x-kubernetes-list-map-keys` say (containers, env, volumes,
 * imagePullSecrets by name; container ports by containerPort; Service ports by port;
 * volumeMounts by mountPath). Deviation: real SSA uses the OpenAPI schema of each type; the
 * fake keys lists by the field's name, which gives the same answer for the types it serves.
 */

/** one path segment: an object field, or the item of an associative list with key k = v */
export type Seg = string | { k: string; v: string | number };

export interface ManagerEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  /** encoded paths (JSON of Seg[]) */
  fields: Set<string>;
}

export type Managers = Map<string, ManagerEntry>;

export function managerKey(manager: string, operation: 'Apply' | 'Update'): string {
  return `${manager}\u0000${operation}`;
}

const LIST_MAP_KEYS: Record<string, string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  env: ['name'],
  volumes: ['name'],
  imagePullSecrets: ['name'],
  ports: ['containerPort', 'port'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
};

/** the key of an associative list, or undefined when the list is atomic */
export function listMapKey(field: string | undefined, items: unknown[]): string | undefined {
  const candidates = field ? LIST_MAP_KEYS[field] : undefined;
  if (!candidates || items.length === 0) return undefined;
  for (const k of candidates) {
    const vals = items.map((i) => (isObject(i) ? i[k] : undefined));
    if (vals.every((v) => typeof v === 'string' || typeof v === 'number') && new Set(vals).size === vals.length) return k;
  }
  return undefined;
}

export function encodePath(path: Seg[]): string {
  return JSON.stringify(path);
}

export function decodePath(p: string): Seg[] {
  return JSON.parse(p) as Seg[];
}

/** `.spec.template.spec.containers[name="app"].image`, as the API server prints field paths */
export function printPath(p: string): string {
  return decodePath(p)
    .map((s) => (typeof s === 'string' ? `.${s}` : `[${s.k}=${JSON.stringify(s.v)}]`))
    .join('');
}

const SERVER_METADATA = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

/** the owned part of an object: everything but the type, the identity, server-set metadata and status */
export function ownedPart(obj: KubeObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || k === 'status' || v === undefined || v === null) continue;
    if (k === 'metadata' && isObject(v)) {
      const md: JsonObject = {};
      for (const [mk, mv] of Object.entries(v)) if (!SERVER_METADATA.has(mk) && mv !== undefined && mv !== null) md[mk] = mv;
      if (Object.keys(md).length > 0) out.metadata = md;
      continue;
    }
    out[k] = v;
  }
  return out;
}

/** leaf paths of a value, with their values; empty objects and atomic lists are leaves */
export function leaves(value: unknown, path: Seg[] = [], out: Map<string, unknown> = new Map(), field?: string): Map<string, unknown> {
  if (isObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined && value[k] !== null);
    if (keys.length === 0 && path.length > 0) out.set(encodePath(path), value);
    for (const k of keys) leaves(value[k], [...path, k], out, k);
  } else if (Array.isArray(value)) {
    const key = listMapKey(field, value);
    if (!key) out.set(encodePath(path), value);
    else for (const item of value) leaves(item, [...path, { k: key, v: (item as JsonObject)[key] as string | number }], out);
  } else if (value !== undefined && value !== null) {
    out.set(encodePath(path), value);
  }
  return out;
}

export function getAt(obj: unknown, path: Seg[]): unknown {
  let cur: unknown = obj;
  for (const s of path) {
    if (typeof s === 'string') cur = isObject(cur) ? cur[s] : undefined;
    else cur = Array.isArray(cur) ? cur.find((i) => isObject(i) && i[s.k] === s.v) : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

function isEmpty(v: unknown): boolean {
  return (isObject(v) && Object.keys(v).length === 0) || (Array.isArray(v) && v.length === 0);
}

/** remove the field at path, then the parents that it left empty */
export function removeAt(obj: JsonObject, path: Seg[]): void {
  if (path.length === 0) return;
  const parents: unknown[] = [obj];
  let cur: unknown = obj;
  for (const s of path.slice(0, -1)) {
    cur = getAt(cur, [s]);
    if (cur === undefined) return;
    parents.push(cur);
  }
  for (let i = path.length - 1; i >= 0; i--) {
    const parent = parents[i];
    const s = path[i];
    if (typeof s === 'string' && isObject(parent)) delete parent[s];
    else if (typeof s !== 'string' && Array.isArray(parent)) {
      const idx = parent.findIndex((it) => isObject(it) && it[s.k] === s.v);
      if (idx >= 0) parent.splice(idx, 1);
    }
    // stop at the top level, and at the first parent still holding something
    if (i === 0 || !isEmpty(parent)) break;
  }
}

/** merge an applied configuration into the live object: objects field by field, associative lists by key, the rest replaced */
export function mergeApplied(live: unknown, applied: unknown, field?: string): unknown {
  if (isObject(applied)) {
    const base: JsonObject = isObject(live) ? { ...live } : {};
    for (const [k, v] of Object.entries(applied)) {
      if (v === null || v === undefined) continue;
      base[k] = mergeApplied(base[k], v, k);
    }
    return base;
  }
  if (Array.isArray(applied)) {
    const key = listMapKey(field, applied);
    if (!key || !Array.isArray(live) || listMapKey(field, live) !== key) return deepCopy(applied);
    const used = new Set<number>();
    const result: unknown[] = [];
    for (const item of applied) {
      const idx = live.findIndex((l, i) => !used.has(i) && isObject(l) && l[key] === (item as JsonObject)[key]);
      if (idx >= 0) {
        used.add(idx);
        result.push(mergeApplied(live[idx], item));
      } else result.push(deepCopy(item));
    }
    live.forEach((l, i) => {
      if (!used.has(i)) result.push(l);
    });
    return result;
  }
  return applied;
}

export interface ApplyConflict {
  manager: string;
  path: string;
}

/**
 * Server-side apply of `applied` by `manager` onto `live` (undefined when creating).
 * Returns the merged object (identity and status as live had them) and updates `managers`
 * in place; throws nothing: conflicts are returned for the caller to refuse unless forced.
 */
export function serverSideApply(
  live: KubeObject | undefined,
  applied: KubeObject,
  manager: string,
  force: boolean,
  managers: Managers,
  apiVersion: string,
  now: string,
): { result: KubeObject; conflicts: ApplyConflict[] } {
  const appliedFields = leaves(ownedPart(applied));
  const conflicts: ApplyConflict[] = [];
  const ownKey = managerKey(manager, 'Apply');
  if (live) {
    for (const [key, entry] of managers) {
      if (key === ownKey) continue;
      for (const p of entry.fields) {
        if (!appliedFields.has(p)) continue;
        if (!deepEqual(getAt(live, decodePath(p)), appliedFields.get(p))) conflicts.push({ manager: entry.manager, path: p });
      }
    }
  }
  if (conflicts.length > 0 && !force) return { result: live as KubeObject, conflicts };
  for (const c of conflicts) for (const entry of managers.values()) if (entry.manager === c.manager) entry.fields.delete(c.path);

  const result = deepCopy<KubeObject>(live ?? { metadata: {} });
  const previous = managers.get(ownKey)?.fields ?? new Set<string>();
  for (const p of previous) {
    if (appliedFields.has(p)) continue;
    const ownedByOther = [...managers.entries()].some(([k, e]) => k !== ownKey && e.fields.has(p));
    if (!ownedByOther) removeAt(result, decodePath(p));
  }
  const merged = mergeApplied(result, ownedPart(applied)) as KubeObject;
  merged.apiVersion = applied.apiVersion;
  merged.kind = applied.kind;
  if (!isObject(merged.metadata)) merged.metadata = {};
  // identity is not owned by anyone: it comes from the object (or, when creating, the applied configuration)
  for (const k of ['name', 'namespace'] as const) {
    const v = live?.metadata[k] ?? applied.metadata[k];
    if (v !== undefined) merged.metadata[k] = v;
  }
  managers.set(ownKey, { manager, operation: 'Apply', apiVersion, time: now, fields: new Set(appliedFields.keys()) });
  return { result: merged, conflicts };
}

/** ownership after an Update (create, replace, patch): the fields it changed go to `manager` */
export function trackUpdate(
  old: KubeObject | undefined,
  next: KubeObject,
  manager: string,
  managers: Managers,
  apiVersion: string,
  now: string,
): void {
  const changed: string[] = [];
  const oldOwned = old ? ownedPart(old) : undefined;
  for (const [p, v] of leaves(ownedPart(next))) if (!oldOwned || !deepEqual(getAt(oldOwned, decodePath(p)), v)) changed.push(p);
  if (changed.length === 0) return;
  const key = managerKey(manager, 'Update');
  for (const [k, e] of managers) if (k !== key) for (const p of changed) e.fields.delete(p);
  const entry = managers.get(key) ?? { manager, operation: 'Update' as const, apiVersion, time: now, fields: new Set<string>() };
  for (const p of changed) entry.fields.add(p);
  entry.time = now;
  managers.set(key, entry);
}

/** drop owned paths that no longer exist in the object, and managers left with nothing */
export function pruneManagers(obj: KubeObject, managers: Managers): void {
  const owned = ownedPart(obj);
  for (const [k, e] of managers) {
    for (const p of e.fields) if (getAt(owned, decodePath(p)) === undefined) e.fields.delete(p);
    if (e.fields.size === 0) managers.delete(k);
  }
}

/** RFC 7386 JSON merge patch */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return deepCopy(patch);
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete result[k];
    else result[k] = mergePatch(result[k], v);
  }
  return result;
}
