import * as YAML from 'yaml';
import { Managers, ManagerEntry, mergePatch, printPath, pruneManagers, serverSideApply, trackUpdate } from './fake-kube-apply';
import {
  JsonObject,
  KubeError,
  KubeObject,
  deepCopy,
  deepEqual,
  errors,
  isObject,
  jsonText,
  kubeTime,
  matchesFields,
  matchesRequirements,
  parseFieldSelector,
  parseLabelSelector,
  randomSuffix,
  uid,
} from './fake-kube-core';
import { ResourceDef, applyDefaults, resourceByKind, validateObject } from './fake-kube-resources';

/**
 * The fake API server's storage: objects by kind/namespace/name, one global resourceVersion
 * counter bumped on every write (a write that changes nothing is not a write, as in the
 * real API server), every version kept for tests, field managers for server-side apply.
 */

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface HistoryEntry {
  type: WatchType;
  resourceVersion: string;
  /** epoch ms of the write */
  time: number;
  object: KubeObject;
}

export type ChangeListener = (type: WatchType, obj: KubeObject, old: KubeObject | undefined) => void;

interface Stored {
  obj: KubeObject;
  managers: Managers;
}

export interface WriteOptions {
  /** fieldManager of an Update (create, replace, patch); the apply manager for apply */
  manager: string;
  dryRun?: boolean;
}

const MAX_HISTORY_PER_OBJECT = 2000;

function key(kind: string, ns: string, name: string): string {
  return `${kind}/${ns}/${name}`;
}

function copyManagers(m: Managers): Managers {
  const out: Managers = new Map();
  for (const [k, e] of m) out.set(k, { ...e, fields: new Set(e.fields) } satisfies ManagerEntry);
  return out;
}

/** compare two versions of an object, ignoring resourceVersion */
function sameObject(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  return deepEqual(strip(a), strip(b));
}

export class Store {
  private readonly objects = new Map<string, Stored>();
  private readonly versions = new Map<string, HistoryEntry[]>();
  private readonly listeners: ChangeListener[] = [];
  private readonly deleters = new Map<string, (ns: string, name: string) => KubeObject | undefined>();
  private rv = 1000;

  get resourceVersion(): string {
    return String(this.rv);
  }

  onChange(l: ChangeListener): void {
    this.listeners.push(l);
  }

  get(kind: string, ns: string, name: string): KubeObject | undefined {
    const s = this.objects.get(key(kind, ns, name));
    return s ? deepCopy(s.obj) : undefined;
  }

  /** the stored object itself (no copy): for the fake's own controllers, read-only */
  peek(kind: string, ns: string, name: string): KubeObject | undefined {
    return this.objects.get(key(kind, ns, name))?.obj;
  }

  /** stored objects of a kind (no copies), in one namespace or all */
  peekAll(kind: string, ns?: string): KubeObject[] {
    const prefix = ns === undefined ? `${kind}/` : `${kind}/${ns}/`;
    const out: KubeObject[] = [];
    for (const [k, s] of this.objects) if (k.startsWith(prefix)) out.push(s.obj);
    return out;
  }

  list(kind: string, ns?: string): KubeObject[] {
    return this.peekAll(kind, ns)
      .map((o) => deepCopy(o))
      .sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
  }

  history(kind: string, ns: string, name: string): HistoryEntry[] {
    return deepCopy(this.versions.get(key(kind, ns, name)) ?? []);
  }

  managedFields(kind: string, ns: string, name: string): Array<{ manager: string; operation: string; fields: string[] }> {
    const s = this.objects.get(key(kind, ns, name));
    return s
      ? [...s.managers.values()].map((e) => ({ manager: e.manager, operation: e.operation, fields: [...e.fields].map(printPath).sort() }))
      : [];
  }

  // -------------------------------------------------------------------------------------
  // the API verbs

  listFiltered(r: ResourceDef, ns: string, query: URLSearchParams): KubeObject[] {
    const labelReqs = query.get('labelSelector') ? parseLabelSelector(query.get('labelSelector') as string) : [];
    const fieldReqs = query.get('fieldSelector')
      ? parseFieldSelector(
          query.get('fieldSelector') as string,
          ['metadata.name', 'metadata.namespace', ...(r.fieldSelectors ?? [])],
          r.kind,
        )
      : [];
    return this.list(r.kind, ns).filter((o) => matchesRequirements(o.metadata.labels, labelReqs) && matchesFields(o, fieldReqs));
  }

  read(r: ResourceDef, ns: string, name: string): KubeObject {
    const o = this.get(r.kind, ns, name);
    if (!o) throw errors.notFound(r.plural, r.group, name);
    return o;
  }

  create(r: ResourceDef, ns: string, body: unknown, opts: WriteOptions): KubeObject {
    const obj = this.checkBody(r, ns, body);
    const md = obj.metadata;
    if (!md.name && typeof md.generateName === 'string' && md.generateName) md.name = `${md.generateName}${randomSuffix(5)}`;
    if (md.resourceVersion) throw errors.badRequest('resourceVersion should not be set on objects to be created');
    const name = String(md.name ?? '');
    if (name && this.objects.has(key(r.kind, ns, name))) throw errors.alreadyExists(r.plural, r.group, name);
    if (r.statusSubresource) delete obj.status;
    const managers: Managers = new Map();
    trackUpdate(undefined, obj, opts.manager, managers, r.groupVersion, kubeTime());
    return this.commit(r, ns, obj, undefined, managers, opts.dryRun ?? false);
  }

  replace(r: ResourceDef, ns: string, name: string, body: unknown, opts: WriteOptions): KubeObject {
    const obj = this.checkBody(r, ns, body, name);
    const stored = this.objects.get(key(r.kind, ns, name));
    if (!stored) throw errors.notFound(r.plural, r.group, name);
    // a type without unconditional update (Lease, custom resources): the registry's Update
    // refuses resourceVersion 0, naming the resource (GroupKind{group, "leases"}) and the uint64 0 as Go prints it
    const rv = obj.metadata.resourceVersion;
    if (r.conditionalUpdateOnly && (rv === undefined || rv === null || rv === '' || rv === '0'))
      throw errors.invalid(r.plural, r.group, name, [
        { field: 'metadata.resourceVersion', message: 'Invalid value: 0x0: must be specified for an update' },
      ]);
    this.checkPrecondition(r, name, obj.metadata.resourceVersion, stored);
    const bodyUid = obj.metadata.uid;
    if (typeof bodyUid === 'string' && bodyUid !== '' && bodyUid !== stored.obj.metadata.uid)
      throw errors.conflict(
        r.plural,
        r.group,
        name,
        `Precondition failed: UID in precondition: ${bodyUid}, UID in object meta: ${String(stored.obj.metadata.uid)}`,
      );
    if (r.statusSubresource) obj.status = deepCopy(stored.obj.status);
    const managers = copyManagers(stored.managers);
    trackUpdate(stored.obj, obj, opts.manager, managers, r.groupVersion, kubeTime());
    return this.commit(r, ns, obj, stored, managers, opts.dryRun ?? false);
  }

  /** PATCH by content type; `created` when an apply created the object */
  patch(
    r: ResourceDef,
    ns: string,
    name: string,
    contentType: string,
    text: string,
    query: URLSearchParams,
    opts: WriteOptions,
  ): { obj: KubeObject; created: boolean } {
    const stored = this.objects.get(key(r.kind, ns, name));
    if (contentType === 'application/apply-patch+yaml' || contentType === 'application/apply-patch+cbor') {
      if (contentType.endsWith('cbor')) throw errors.unsupportedMediaType(contentType);
      const fieldManager = query.get('fieldManager');
      if (!fieldManager)
        throw errors.badRequest('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
      let parsed: unknown;
      try {
        parsed = YAML.parse(text);
      } catch (err: unknown) {
        throw errors.badRequest(`error decoding YAML: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!isObject(parsed)) throw errors.badRequest('the apply patch must be a YAML or JSON object');
      if (parsed.apiVersion === undefined || parsed.kind === undefined)
        throw errors.badRequest(
          `${parsed.apiVersion === undefined ? 'apiVersion' : 'kind'} must be set in the applied configuration (Object 'Kind' is missing in '${text.slice(0, 200)}')`,
        );
      const applied = this.checkBody(r, ns, parsed, name);
      if (stored) this.checkPrecondition(r, name, applied.metadata.resourceVersion, stored);
      else if (applied.metadata.resourceVersion)
        throw errors.conflict(
          r.plural,
          r.group,
          name,
          'the object has been modified; please apply your changes to the latest version and try again',
        );
      const managers = stored ? copyManagers(stored.managers) : new Map<string, ManagerEntry>();
      const force = query.get('force') === 'true';
      const { result, conflicts } = serverSideApply(stored?.obj, applied, fieldManager, force, managers, r.groupVersion, kubeTime());
      if (conflicts.length > 0 && !force) {
        const byManager = new Map<string, string[]>();
        for (const c of conflicts) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), printPath(c.path)]);
        const parts = [...byManager].map(([m, paths]) =>
          paths.length === 1
            ? `conflict with "${m}" using ${r.groupVersion}: ${paths[0]}`
            : `conflicts with "${m}" using ${r.groupVersion}:\n- ${paths.join('\n- ')}`,
        );
        throw new KubeError(
          409,
          'Conflict',
          `Apply failed with ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'}: ${parts.join('\n')}`,
          {
            causes: conflicts.map((c) => ({
              reason: 'FieldManagerConflict',
              message: `conflict with "${c.manager}" using ${r.groupVersion}`,
              field: printPath(c.path),
            })),
          },
        );
      }
      delete result.metadata.resourceVersion;
      if (stored) result.metadata.resourceVersion = stored.obj.metadata.resourceVersion;
      if (r.statusSubresource) {
        if (stored) result.status = deepCopy(stored.obj.status);
        else delete result.status;
      }
      return { obj: this.commit(r, ns, result, stored, managers, opts.dryRun ?? false), created: !stored };
    }
    if (contentType === 'application/merge-patch+json' || contentType === 'application/strategic-merge-patch+json') {
      // Deviation: a strategic merge patch is applied as a JSON merge patch (lists are
      // replaced, not merged by their patch keys; `$patch` directives are not understood).
      if (!stored) throw errors.notFound(r.plural, r.group, name);
      let patch: unknown;
      try {
        patch = JSON.parse(text);
      } catch (err: unknown) {
        throw errors.badRequest(`error decoding patch: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!isObject(patch)) throw errors.badRequest('the merge patch must be a JSON object');
      const pmd = isObject(patch.metadata) ? patch.metadata : {};
      this.checkPrecondition(r, name, pmd.resourceVersion, stored);
      const result = mergePatch(stored.obj, patch) as KubeObject;
      if (!isObject(result.metadata)) result.metadata = {};
      if (result.metadata.name !== name)
        throw errors.badRequest(`the name of the object (${String(result.metadata.name)}) does not match the name on the URL (${name})`);
      if (result.apiVersion !== r.groupVersion || result.kind !== r.kind)
        throw errors.badRequest(`the patch may not change apiVersion or kind (${String(result.apiVersion)} ${String(result.kind)})`);
      result.metadata.namespace = ns;
      result.metadata.uid = stored.obj.metadata.uid;
      result.metadata.creationTimestamp = stored.obj.metadata.creationTimestamp;
      result.metadata.resourceVersion = stored.obj.metadata.resourceVersion;
      if (r.statusSubresource) result.status = deepCopy(stored.obj.status);
      const managers = copyManagers(stored.managers);
      trackUpdate(stored.obj, result, opts.manager, managers, r.groupVersion, kubeTime());
      return { obj: this.commit(r, ns, result, stored, managers, opts.dryRun ?? false), created: false };
    }
    throw errors.unsupportedMediaType(contentType);
  }

  delete(r: ResourceDef, ns: string, name: string, query: URLSearchParams, dryRun = false): KubeObject {
    const stored = this.objects.get(key(r.kind, ns, name));
    if (!stored) throw errors.notFound(r.plural, r.group, name);
    const uidPre = query.get('preconditions.uid');
    if (uidPre && uidPre !== stored.obj.metadata.uid)
      throw errors.conflict(
        r.plural,
        r.group,
        name,
        `Precondition failed: UID in precondition: ${uidPre}, UID in object meta: ${String(stored.obj.metadata.uid)}`,
      );
    const rvPre = query.get('preconditions.resourceVersion');
    if (rvPre) this.checkPrecondition(r, name, rvPre, stored);
    if (dryRun) return deepCopy(stored.obj);
    return this.remove(r.kind, ns, name) as KubeObject;
  }

  // -------------------------------------------------------------------------------------
  // the fake's own controllers write through these (no validation, no field managers)

  /** create or update an object as a controller does (status included) */
  put(obj: KubeObject): KubeObject {
    const r = resourceByKind(String(obj.kind));
    const ns = String(obj.metadata.namespace);
    const stored = this.objects.get(key(r.kind, ns, String(obj.metadata.name)));
    return this.commit(r, ns, deepCopy(obj), stored, stored?.managers ?? new Map<string, ManagerEntry>(), false, true);
  }

  /** change the status of a stored object; no write when it is the same */
  putStatus(kind: string, ns: string, name: string, status: unknown): KubeObject | undefined {
    const stored = this.objects.get(key(kind, ns, name));
    if (!stored) return undefined;
    if (deepEqual(stored.obj.status, status)) return stored.obj;
    const next = deepCopy(stored.obj);
    next.status = deepCopy(status);
    return this.commit(resourceByKind(kind), ns, next, stored, stored.managers, false, true);
  }

  /** remove an object (controllers, DELETE); returns it with the resourceVersion of the deletion */
  /**
   * Every deletion (DELETE, deletecollection, a controller, the garbage collector) goes
   * through `remove`; a kind with a deleter is handed to it instead (pods: the node
   * terminates them gracefully and calls `removeNow` at the end).
   */
  setDeleter(kind: string, deleter: (ns: string, name: string) => KubeObject | undefined): void {
    this.deleters.set(kind, deleter);
  }

  remove(kind: string, ns: string, name: string): KubeObject | undefined {
    const deleter = this.deleters.get(kind);
    return deleter ? deleter(ns, name) : this.removeNow(kind, ns, name);
  }

  /** take the object out at once */
  removeNow(kind: string, ns: string, name: string): KubeObject | undefined {
    const k = key(kind, ns, name);
    const stored = this.objects.get(k);
    if (!stored) return undefined;
    this.objects.delete(k);
    const obj = deepCopy(stored.obj);
    obj.metadata.resourceVersion = String(++this.rv);
    this.record(k, 'DELETED', obj);
    for (const l of this.listeners) l('DELETED', obj, stored.obj);
    return deepCopy(obj);
  }

  // -------------------------------------------------------------------------------------

  private checkBody(r: ResourceDef, ns: string, body: unknown, urlName?: string): KubeObject {
    if (!isObject(body)) throw errors.badRequest('the body of the request must be a JSON object');
    const obj = deepCopy(body) as KubeObject;
    if (obj.apiVersion !== undefined && obj.apiVersion !== r.groupVersion)
      throw errors.badRequest(
        `the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${r.groupVersion})`,
      );
    if (obj.kind !== undefined && obj.kind !== r.kind)
      throw errors.badRequest(`the kind in the data (${String(obj.kind)}) does not match the expected kind (${r.kind})`);
    if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
    if (!isObject(obj.metadata)) throw errors.badRequest('metadata must be an object');
    const md = obj.metadata;
    if (md.namespace !== undefined && md.namespace !== '' && md.namespace !== ns)
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    if (urlName !== undefined && md.name !== urlName)
      throw errors.badRequest(`the name of the object (${String(md.name ?? '')}) does not match the name on the URL (${urlName})`);
    // the API server ignores client-set server metadata
    delete md.managedFields;
    delete md.selfLink;
    obj.apiVersion = r.groupVersion;
    obj.kind = r.kind;
    return obj;
  }

  private checkPrecondition(r: ResourceDef, name: string, rv: unknown, stored: Stored): void {
    if (rv !== undefined && rv !== null && rv !== '' && jsonText(rv) !== stored.obj.metadata.resourceVersion)
      throw errors.conflict(
        r.plural,
        r.group,
        name,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
  }

  /** default, validate and store a resulting object; no write when nothing changed */
  private commit(
    r: ResourceDef,
    ns: string,
    next: KubeObject,
    stored: Stored | undefined,
    managers: Managers,
    dryRun: boolean,
    internal = false,
  ): KubeObject {
    const old = stored?.obj;
    const md = next.metadata;
    md.namespace = ns;
    md.uid = old?.metadata.uid ?? (typeof md.uid === 'string' && internal ? md.uid : uid());
    md.creationTimestamp = old?.metadata.creationTimestamp ?? kubeTime();
    delete md.resourceVersion;
    if (old) md.resourceVersion = old.metadata.resourceVersion;
    if (!internal) applyDefaults(r.kind, next, old);
    if (r.generation) {
      const oldGen = typeof old?.metadata.generation === 'number' ? old.metadata.generation : 0;
      md.generation = !old ? 1 : deepEqual(old.spec, next.spec) ? oldGen : oldGen + 1;
    } else delete md.generation;
    if (!internal) validateObject(r, next, old);
    for (const k of Object.keys(md)) if (md[k] === undefined || md[k] === null) delete md[k];
    if (old && sameObject(old, next)) {
      if (stored && !dryRun) {
        pruneManagers(old, managers);
        stored.managers = managers;
      }
      return deepCopy(old);
    }
    if (dryRun) return deepCopy(next);
    md.resourceVersion = String(++this.rv);
    const k = key(r.kind, ns, String(md.name));
    pruneManagers(next, managers);
    this.objects.set(k, { obj: next, managers });
    this.record(k, old ? 'MODIFIED' : 'ADDED', next);
    for (const l of this.listeners) l(old ? 'MODIFIED' : 'ADDED', next, old);
    return deepCopy(next);
  }

  private record(k: string, type: WatchType, obj: KubeObject): void {
    const list = this.versions.get(k) ?? [];
    list.push({ type, resourceVersion: String(obj.metadata.resourceVersion), time: Date.now(), object: deepCopy(obj) });
    if (list.length > MAX_HISTORY_PER_OBJECT) list.splice(0, list.length - MAX_HISTORY_PER_OBJECT);
    this.versions.set(k, list);
  }
}

export type { JsonObject };
