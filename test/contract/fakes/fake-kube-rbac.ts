import * as fs from 'node:fs';
import * as YAML from 'yaml';
import { JsonObject, KubeError, isObject } from './fake-kube-core';
import { resourceByPath } from './fake-kube-resources';

/**
 * RBAC for the FAKE Kubernetes API server, written from the Kubernetes "Using RBAC
 * Authorization" reference and the API server's request attributes (apiserver's
 * RequestInfoFactory, the RBAC authorizer's rule matching, and the `Forbidden` answer
 * the authorization filter writes).
 *
 * The fake's bearer token is authenticated as ONE subject of the RoleBindings of a YAML
 * file (Role, RoleBinding, ClusterRole, ClusterRoleBinding documents; others such as
 * ServiceAccount are ignored), and every request is authorised against the rules bound to
 * it:
 * - a Role/RoleBinding without `metadata.namespace` binds in EVERY namespace, as if the file
 *   had been applied with `kubectl apply -n <ns>` in each; with a namespace, only there;
 * - the subject is a ServiceAccount (user `system:serviceaccount:<ns>:<name>`, groups
 *   `system:serviceaccounts`, `system:serviceaccounts:<ns>`, `system:authenticated`) or a
 *   User (group `system:authenticated`); a Group subject matches by those groups;
 * - request attributes as the API server derives them: verb from the HTTP method
 *   (GET/HEAD get, or list / watch without a name; POST create; PUT update; PATCH patch,
 *   server-side apply included; DELETE delete, deletecollection without a name), the API
 *   group, the resource and subresource (`services/proxy` with the verb of its HTTP method,
 *   `pods/log`, `…/status`), the name (or the `metadata.name=` of a list's fieldSelector),
 *   the namespace (`/api/v1/namespaces/<ns>` is namespaces "<ns>" in namespace <ns>);
 * - a server-side apply that would CREATE the object is also authorised as `create` (the
 *   API server checks it when the patch finds no object), answering its own Forbidden whose
 *   message ends with the authorizer's (empty) reason: `… is forbidden: `;
 * - rules match verbs, apiGroups, resources (`*`, `resource/subresource`, `*\/subresource`),
 *   resourceNames and nonResourceURLs (exact or trailing `*`) the way the RBAC authorizer does;
 *   a binding whose role is missing adds `RBAC: role.rbac.authorization.k8s.io "x" not found`;
 * - discovery and health (`/api`, `/api/*`, `/apis`, `/apis/*`, `/version`, `/openapi…`,
 *   `/healthz`, `/livez`, `/readyz`) are allowed to `get` for any authenticated user, as the
 *   built-in system:discovery and system:public-info-viewer ClusterRoles do.
 *
 * Denied: 403 `Status` with reason Forbidden, `details: {group?, kind: <resource>, name?}`
 * (group omitted for the core group, as Go's omitempty does) and the real message,
 * e.g. `secrets "pull" is forbidden: User "system:serviceaccount:models:modelship" cannot get
 * resource "secrets" in API group "" in the namespace "models"`.
 *
 * Deviations, each simple to see in a test:
 * - a ServiceAccount subject without a namespace is the ServiceAccount of the REQUEST's
 *   namespace (one token standing for the ServiceAccount of each namespace); a cluster-scoped
 *   request is then made by the one of namespace "default";
 * - no aggregated ClusterRoles, no impersonation, no SelfSubjectAccessReview; the built-in
 *   system:basic-user rules are not modelled (the fake serves none of their resources);
 * - the create check of an apply that creates happens before the body is decoded (the API
 *   server checks it after, so a malformed body there answers 400 first).
 */

export interface RbacOptions {
  /** a YAML file of Role / RoleBinding (and ClusterRole / ClusterRoleBinding) documents */
  file: string;
  /**
   * the subject the token stands for: the name of a ServiceAccount or User subject of a
   * binding in the file (or `system:serviceaccount:<ns>:<name>`); default: the first subject
   * of the first binding
   */
  subject?: string;
}

/** what the API server authorises a request as (authorizer.Attributes) */
export interface RequestAttributes {
  resourceRequest: boolean;
  verb: string;
  path: string;
  apiGroup: string;
  apiVersion: string;
  resource: string;
  subresource: string;
  name: string;
  namespace: string;
}

export interface RbacDenial extends RequestAttributes {
  user: string;
  method: string;
  /** the Status message answered */
  message: string;
  /** epoch ms */
  time: number;
}

interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

interface Subject {
  kind: 'ServiceAccount' | 'User' | 'Group';
  name: string;
  namespace?: string;
}

interface RoleDoc {
  kind: 'Role' | 'ClusterRole';
  name: string;
  namespace?: string;
  rules: PolicyRule[];
}

interface BindingDoc {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name: string;
  namespace?: string;
  roleRef: { kind: 'Role' | 'ClusterRole'; name: string };
  subjects: Subject[];
}

interface UserInfo {
  name: string;
  groups: string[];
}

const MAX_DENIALS = 10_000;

/** the built-in system:discovery and system:public-info-viewer rules (bound to system:authenticated) */
const DISCOVERY_RULE: PolicyRule = {
  verbs: ['get'],
  apiGroups: [],
  resources: [],
  resourceNames: [],
  nonResourceURLs: [
    '/api',
    '/api/*',
    '/apis',
    '/apis/*',
    '/healthz',
    '/livez',
    '/openapi',
    '/openapi/*',
    '/readyz',
    '/version',
    '/version/',
  ],
};

const SPECIAL_VERBS = new Set(['proxy', 'watch']);
const SPECIAL_VERBS_NO_SUBRESOURCES = new Set(['proxy']);
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => String(x)) : [];
}

/** path.IsValidPathSegmentName */
function validPathSegmentName(name: string): boolean {
  return name !== '.' && name !== '..' && !name.includes('/') && !name.includes('%');
}

/** the `metadata.name` a field selector requires exactly (fields.Selector.RequiresExactMatch), if any */
function exactName(fieldSelector: string | null): string | undefined {
  if (!fieldSelector) return undefined;
  for (const term of fieldSelector.split(',')) {
    const m = term.trim().match(/^metadata\.name\s*(==|=)\s*(.*)$/);
    if (m) return m[2];
  }
  return undefined;
}

/** the request attributes, as apiserver's RequestInfoFactory derives them */
export function requestAttributes(method: string, url: URL): RequestAttributes {
  const trimmed = url.pathname.replace(/^\/+|\/+$/g, '');
  const parts = (trimmed === '' ? [] : trimmed.split('/')).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const attrs: RequestAttributes = {
    resourceRequest: false,
    verb: method.toLowerCase(),
    path: url.pathname,
    apiGroup: '',
    apiVersion: '',
    resource: '',
    subresource: '',
    name: '',
    namespace: '',
  };
  if (parts.length < 3 || (parts[0] !== 'api' && parts[0] !== 'apis')) return attrs;
  let cur = parts.slice(1);
  if (parts[0] === 'apis') {
    if (cur.length < 3) return attrs;
    attrs.apiGroup = cur[0];
    cur = cur.slice(1);
  }
  attrs.resourceRequest = true;
  attrs.apiVersion = cur[0];
  cur = cur.slice(1);
  if (SPECIAL_VERBS.has(cur[0])) {
    attrs.verb = cur[0];
    cur = cur.slice(1);
  } else {
    attrs.verb = { POST: 'create', GET: 'get', HEAD: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' }[method.toUpperCase()] ?? '';
  }
  if (cur[0] === 'namespaces') {
    if (cur.length > 1) {
      attrs.namespace = cur[1];
      if (cur.length > 2 && !NAMESPACE_SUBRESOURCES.has(cur[2])) cur = cur.slice(2);
    }
  }
  if (cur.length >= 3 && !SPECIAL_VERBS_NO_SUBRESOURCES.has(attrs.verb)) attrs.subresource = cur[2];
  if (cur.length >= 2) attrs.name = cur[1];
  if (cur.length >= 1) attrs.resource = cur[0];
  if (attrs.name === '' && attrs.verb === 'get') {
    const watch = url.searchParams.get('watch');
    attrs.verb = watch !== null && !['false', '0'].includes(watch.toLowerCase()) ? 'watch' : 'list';
    const n = exactName(url.searchParams.get('fieldSelector'));
    if (n !== undefined && validPathSegmentName(n)) attrs.name = n;
  }
  if (attrs.name === '' && attrs.verb === 'delete') attrs.verb = 'deletecollection';
  return attrs;
}

function parseRule(v: unknown, where: string): PolicyRule {
  if (!isObject(v)) throw new Error(`fake-kube rbac: ${where}: a rule must be an object`);
  const rule = {
    verbs: strings(v.verbs),
    apiGroups: strings(v.apiGroups),
    resources: strings(v.resources),
    resourceNames: strings(v.resourceNames),
    nonResourceURLs: strings(v.nonResourceURLs),
  };
  if (rule.verbs.length === 0) throw new Error(`fake-kube rbac: ${where}: rules[].verbs: Required value`);
  if (rule.nonResourceURLs.length === 0 && rule.resources.length === 0)
    throw new Error(`fake-kube rbac: ${where}: rules[].resources: Required value: resource rules must supply at least one resource`);
  return rule;
}

function parseSubject(v: unknown, where: string): Subject {
  if (!isObject(v) || typeof v.name !== 'string' || !['ServiceAccount', 'User', 'Group'].includes(String(v.kind)))
    throw new Error(`fake-kube rbac: ${where}: a subject needs a kind (ServiceAccount, User or Group) and a name`);
  return {
    kind: v.kind as Subject['kind'],
    name: v.name,
    ...(typeof v.namespace === 'string' && v.namespace ? { namespace: v.namespace } : {}),
  };
}

/** rbac/validation's rule matching */
function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.includes('*') || rule.verbs.includes(verb);
}

function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.includes('*') || rule.apiGroups.includes(group);
}

function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  return rule.resources.some(
    (r) =>
      r === '*' ||
      r === combined ||
      (subresource !== '' && r.length === subresource.length + 2 && r.startsWith('*/') && r.endsWith(subresource)),
  );
}

function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  return rule.resourceNames.length === 0 || rule.resourceNames.includes(name);
}

function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return rule.nonResourceURLs.some((u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))));
}

function ruleAllows(attrs: RequestAttributes, rule: PolicyRule): boolean {
  if (attrs.resourceRequest) {
    const combined = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
    return (
      verbMatches(rule, attrs.verb) &&
      apiGroupMatches(rule, attrs.apiGroup) &&
      resourceMatches(rule, combined, attrs.subresource) &&
      resourceNameMatches(rule, attrs.name)
    );
  }
  return verbMatches(rule, attrs.verb) && nonResourceURLMatches(rule, attrs.path);
}

/** responsewriters.forbiddenMessage + apierrors.NewForbidden, with the sanitizer of the filter */
export function forbidden(attrs: RequestAttributes, user: string, reason: string, plain = false): KubeError {
  let message: string;
  if (plain) message = reason;
  else {
    const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
    const msg = !attrs.resourceRequest
      ? `User ${JSON.stringify(user)} cannot ${attrs.verb} path ${JSON.stringify(attrs.path)}`
      : attrs.namespace
        ? `User ${JSON.stringify(user)} cannot ${attrs.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attrs.apiGroup)} in the namespace ${JSON.stringify(attrs.namespace)}`
        : `User ${JSON.stringify(user)} cannot ${attrs.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attrs.apiGroup)} at the cluster scope`;
    message = (reason ? `${msg}: ${reason}` : msg).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  const qualified = attrs.resource ? (attrs.apiGroup ? `${attrs.resource}.${attrs.apiGroup}` : attrs.resource) : '';
  const full = !qualified
    ? `forbidden: ${message}`
    : attrs.name
      ? `${qualified} ${JSON.stringify(attrs.name)} is forbidden: ${message}`
      : `${qualified} is forbidden: ${message}`;
  const details: JsonObject = {
    ...(attrs.name ? { name: attrs.name } : {}),
    ...(attrs.apiGroup ? { group: attrs.apiGroup } : {}),
    ...(attrs.resource ? { kind: attrs.resource } : {}),
  };
  return new KubeError(403, 'Forbidden', full, details);
}

export class RbacAuthorizer {
  private readonly roles: RoleDoc[] = [];
  private readonly bindings: BindingDoc[] = [];
  /** the subject the token stands for */
  readonly subject: Subject;
  private readonly denied: RbacDenial[] = [];

  constructor(opts: RbacOptions) {
    const text = fs.readFileSync(opts.file, 'utf8');
    const docs = YAML.parseAllDocuments(text);
    docs.forEach((d, i) => {
      if (d.errors.length > 0) throw new Error(`fake-kube rbac: ${opts.file} document ${i + 1}: ${d.errors[0].message}`);
      const o: unknown = d.toJS();
      if (!isObject(o)) return;
      const md = isObject(o.metadata) ? o.metadata : {};
      const name = typeof md.name === 'string' ? md.name : '';
      const namespace = typeof md.namespace === 'string' && md.namespace ? md.namespace : undefined;
      const where = `${opts.file} ${String(o.kind)} ${JSON.stringify(name)}`;
      if (o.kind === 'Role' || o.kind === 'ClusterRole') {
        if (!name) throw new Error(`fake-kube rbac: ${where}: metadata.name: Required value`);
        const rules = Array.isArray(o.rules) ? o.rules.map((r) => parseRule(r, where)) : [];
        if (o.kind === 'Role' && rules.some((r) => r.nonResourceURLs.length > 0))
          throw new Error(
            `fake-kube rbac: ${where}: rules[].nonResourceURLs: Invalid value: namespaced rules cannot apply to non-resource URLs`,
          );
        this.roles.push({ kind: o.kind, name, ...(namespace ? { namespace } : {}), rules });
      } else if (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') {
        if (!name) throw new Error(`fake-kube rbac: ${where}: metadata.name: Required value`);
        const ref = isObject(o.roleRef) ? o.roleRef : {};
        const refKind = String(ref.kind);
        if (!(refKind === 'ClusterRole' || (refKind === 'Role' && o.kind === 'RoleBinding')) || typeof ref.name !== 'string')
          throw new Error(`fake-kube rbac: ${where}: roleRef: Unsupported value: ${JSON.stringify(ref)}`);
        const subjects = Array.isArray(o.subjects) ? o.subjects.map((s) => parseSubject(s, where)) : [];
        if (o.kind === 'ClusterRoleBinding' && subjects.some((s) => s.kind === 'ServiceAccount' && !s.namespace))
          throw new Error(`fake-kube rbac: ${where}: subjects[].namespace: Required value`);
        this.bindings.push({
          kind: o.kind,
          name,
          ...(namespace ? { namespace } : {}),
          roleRef: { kind: refKind, name: ref.name },
          subjects,
        });
      }
    });
    const all = this.bindings.flatMap((b) => b.subjects);
    const wanted = opts.subject;
    const sa = wanted?.match(/^system:serviceaccount:([^:]+):([^:]+)$/);
    const found = sa
      ? { kind: 'ServiceAccount' as const, name: sa[2], namespace: sa[1] }
      : wanted === undefined
        ? all[0]
        : all.find((s) => s.name === wanted && s.kind !== 'Group');
    if (!found)
      throw new Error(
        `fake-kube rbac: ${opts.file} binds no ${wanted === undefined ? 'subject' : `ServiceAccount or User ${JSON.stringify(wanted)}`}`,
      );
    if (found.kind === 'Group') throw new Error(`fake-kube rbac: the token cannot stand for a Group (${found.name}): name a subject`);
    this.subject = found;
  }

  /** the user the token is in a request of namespace `ns` */
  user(ns: string): UserInfo {
    if (this.subject.kind === 'User') return { name: this.subject.name, groups: ['system:authenticated'] };
    const saNs = this.subject.namespace ?? (ns || 'default');
    return {
      name: `system:serviceaccount:${saNs}:${this.subject.name}`,
      groups: ['system:serviceaccounts', `system:serviceaccounts:${saNs}`, 'system:authenticated'],
    };
  }

  /** what was denied, oldest first */
  denials(): RbacDenial[] {
    return this.denied.map((d) => ({ ...d }));
  }

  /**
   * authorise a request; throws the 403 the API server answers. `exists` tells whether an
   * object is stored (an apply that creates is also authorised as create).
   */
  authorize(method: string, url: URL, contentType: string | undefined, exists: (kind: string, ns: string, name: string) => boolean): void {
    const attrs = requestAttributes(method, url);
    const user = this.user(attrs.namespace);
    const decision = this.decide(attrs, user);
    if (!decision.allowed) return this.deny(attrs, user, method, forbidden(attrs, user.name, decision.reason));
    const ct = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (
      attrs.resourceRequest &&
      attrs.verb === 'patch' &&
      attrs.subresource === '' &&
      attrs.name !== '' &&
      attrs.namespace !== '' &&
      (ct === 'application/apply-patch+yaml' || ct === 'application/apply-patch+cbor')
    ) {
      const r = resourceByPath(attrs.apiGroup ? `${attrs.apiGroup}/${attrs.apiVersion}` : attrs.apiVersion, attrs.resource);
      if (r && !exists(r.kind, attrs.namespace, attrs.name)) {
        const create = { ...attrs, verb: 'create' };
        const c = this.decide(create, user);
        // the patch handler's withAuthorization: NewForbidden(gr, name, reason) with the authorizer's reason only
        if (!c.allowed) return this.deny(create, user, method, forbidden(create, user.name, c.reason, true));
      }
    }
  }

  private deny(attrs: RequestAttributes, user: UserInfo, method: string, err: KubeError): never {
    this.denied.push({ ...attrs, user: user.name, method, message: err.message, time: Date.now() });
    if (this.denied.length > MAX_DENIALS) this.denied.splice(0, this.denied.length - MAX_DENIALS);
    throw err;
  }

  private appliesTo(s: Subject, user: UserInfo, bindingNs: string): boolean {
    if (s.kind === 'User') return s.name === user.name;
    if (s.kind === 'Group') return user.groups.includes(s.name);
    return user.name === `system:serviceaccount:${s.namespace ?? bindingNs}:${s.name}`;
  }

  private decide(attrs: RequestAttributes, user: UserInfo): { allowed: boolean; reason: string } {
    if (!attrs.resourceRequest && ruleAllows(attrs, DISCOVERY_RULE)) return { allowed: true, reason: '' };
    const errs: string[] = [];
    const visit = (b: BindingDoc, bindingNs: string): boolean => {
      if (!b.subjects.some((s) => this.appliesTo(s, user, bindingNs))) return false;
      const role =
        b.roleRef.kind === 'ClusterRole'
          ? this.roles.find((r) => r.kind === 'ClusterRole' && r.name === b.roleRef.name)
          : this.roles.find((r) => r.kind === 'Role' && r.name === b.roleRef.name && (r.namespace ?? bindingNs) === bindingNs);
      if (!role) {
        errs.push(
          `${b.roleRef.kind === 'ClusterRole' ? 'clusterrole' : 'role'}.rbac.authorization.k8s.io ${JSON.stringify(b.roleRef.name)} not found`,
        );
        return false;
      }
      return role.rules.some((rule) => ruleAllows(attrs, rule));
    };
    for (const b of this.bindings) if (b.kind === 'ClusterRoleBinding' && visit(b, '')) return { allowed: true, reason: '' };
    if (attrs.namespace)
      for (const b of this.bindings)
        if (b.kind === 'RoleBinding' && (b.namespace ?? attrs.namespace) === attrs.namespace && visit(b, attrs.namespace))
          return { allowed: true, reason: '' };
    // utilerrors.NewAggregate: one error as itself, more as [a, b]
    return { allowed: false, reason: errs.length === 0 ? '' : `RBAC: ${errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`}` };
  }
}
