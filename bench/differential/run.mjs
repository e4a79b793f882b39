#!/usr/bin/env node
// Differential test of `iam-policy simulate` against @cloud-copilot/iam-simulate.
//
//     cargo build --release -p iam-policy-cli
//     bench/differential/install.sh
//     node bench/differential/run.mjs [--cases 3000] [--seed 1]
//
// Random policy sets and requests are generated from the catalog (the actions and ARN
// formats come from `iam-policy expand` and `iam-policy explain --format json`), each
// case is decided by both evaluators, and the disagreements are written to
// target/bench/differential/disagreements.jsonl with both answers, grouped by a
// signature on standard output. Cases iam-simulate rejects as invalid are counted apart.
// Not part of `cargo test` or CI.

import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const CLI = join(ROOT, 'target', 'release', 'iam-policy')
const OUT = join(ROOT, 'target', 'bench', 'differential')
const require = createRequire(join(ROOT, 'target', 'bench', 'iam-simulate', 'package.json'))
const { runSimulation } = require('@cloud-copilot/iam-simulate')

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const CASES = arg('--cases', 3000)
let seed = arg('--seed', 1)

// mulberry32: a small seeded generator, so a run can be repeated.
function random() {
  seed |= 0
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (xs) => xs[Math.floor(random() * xs.length)]
const chance = (p) => random() < p

// ---- the catalog, through the CLI --------------------------------------------------
const SERVICES = ['s3', 'sqs', 'sns', 'dynamodb', 'kms', 'lambda', 'secretsmanager', 'iam', 'ec2', 'logs']
const catalog = {}
for (const service of SERVICES) {
  const names = execFileSync(CLI, ['expand', `${service}:*`], { encoding: 'utf8' }).trim().split('\n')
  // A sample of each service's actions, explained.
  const sample = []
  for (let i = 0; i < 12 && names.length; i++) sample.push(names.splice(Math.floor(random() * names.length), 1)[0])
  catalog[service] = sample.map((action) => {
    const e = JSON.parse(execFileSync(CLI, ['explain', '--format', 'json', action], { encoding: 'utf8' }))
    return { action, formats: e.resource_types.flatMap((r) => r.arn_formats) }
  })
}
const ACTIONS = Object.values(catalog).flat()

const ACCOUNTS = ['111111111111', '222222222222']
const NAMES = ['a', 'b', 'ana']
const USERS = ['ana', 'bob']

function fill(format, account, name) {
  return format.replace(/\$\{([^}]+)\}/g, (_, p) =>
    p === 'Partition' ? 'aws' : p === 'Region' ? 'us-east-1' : p === 'Account' || p === 'AccountId' ? account : name
  )
}

function resourceFor(entry, account) {
  if (!entry.formats.length) return '*'
  return fill(pick(entry.formats), account, pick(NAMES))
}

// ---- random policies ---------------------------------------------------------------
function actionPattern(entry) {
  const [svc, name] = entry.action.split(':')
  return pick([entry.action, entry.action, `${svc}:*`, `${svc}:${name.slice(0, 3)}*`, `${svc}:${name.slice(0, -1)}?`, '*', entry.action.toLowerCase()])
}

function resourcePattern(entry, account) {
  if (!entry.formats.length || chance(0.2)) return '*'
  const arn = resourceFor(entry, account)
  return pick([
    arn,
    arn,
    arn.replace(/[^:/]+$/, '*'),
    arn.replace(/:(\d{12}):/, ':*:'),
    arn.replace(/ana/, '${aws:username}'),
    arn.slice(0, Math.max(arn.length - 2, 4)) + '*',
  ])
}

const CONDITIONS = [
  () => ({ StringEquals: { 'aws:username': pick(USERS) } }),
  () => ({ StringNotEquals: { 'aws:username': pick(USERS) } }),
  () => ({ StringLike: { 'aws:PrincipalTag/team': pick(['red*', 'blu?', '*']) } }),
  () => ({ StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': pick(['RED', 'blue']) } }),
  () => ({ StringEqualsIfExists: { 'aws:PrincipalTag/team': 'red' } }),
  () => ({ Bool: { 'aws:SecureTransport': pick(['true', 'false']) } }),
  () => ({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }),
  () => ({ IpAddress: { 'aws:SourceIp': pick(['10.0.0.0/8', ['192.0.2.0/24', '203.0.113.0/24'], '2001:db8::/32']) } }),
  () => ({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }),
  () => ({ NumericLessThan: { 'aws:MultiFactorAuthAge': pick(['3600', '60']) } }),
  () => ({ NumericGreaterThanEquals: { 'aws:MultiFactorAuthAge': '60' } }),
  () => ({ DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }),
  () => ({ DateLessThan: { 'aws:CurrentTime': pick(['2021-01-01T00:00:00Z', '1609459200']) } }),
  () => ({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env', 'team'] } }),
  () => ({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } }),
  () => ({ 'ForAllValues:StringLike': { 'aws:TagKeys': 'te*' } }),
  () => ({ Null: { 'aws:PrincipalTag/team': pick(['true', 'false']) } }),
  () => ({ ArnLike: { 'aws:PrincipalArn': pick(['arn:aws:iam::*:user/*', 'arn:aws:iam::111111111111:role/*']) } }),
  () => ({ ArnNotEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:user/ana' } }),
  () => ({ StringEquals: { 'aws:PrincipalTag/team': '${aws:username}' } }),
  () => ({ StringEquals: { 'aws:RequestedRegion': pick(['us-east-1', 'eu-west-1']), 'aws:username': pick(USERS) } }),
]

function statement({ deny, principal, entry, account }) {
  const s = { Effect: deny ? 'Deny' : 'Allow' }
  if (principal) s.Principal = principal()
  const e = entry ?? pick(ACTIONS)
  if (chance(0.1)) s.NotAction = actionPattern(pick(ACTIONS))
  else s.Action = chance(0.2) ? [actionPattern(e), actionPattern(pick(ACTIONS))] : actionPattern(e)
  if (chance(0.08)) s.NotResource = resourcePattern(pick(ACTIONS), account)
  else s.Resource = resourcePattern(e, account)
  if (chance(0.45)) {
    s.Condition = {}
    for (let i = 0; i < (chance(0.3) ? 2 : 1); i++) Object.assign(s.Condition, pick(CONDITIONS)())
  }
  return s
}

function policy(opts, count = 1 + Math.floor(random() * 3)) {
  const Statement = []
  for (let i = 0; i < count; i++) Statement.push(statement({ ...opts, deny: opts.deny ?? chance(0.2) }))
  return { Version: '2012-10-17', Statement }
}

const principalEntry = () =>
  pick([
    '*',
    { AWS: '*' },
    { AWS: pick(ACCOUNTS) },
    { AWS: `arn:aws:iam::${pick(ACCOUNTS)}:root` },
    { AWS: `arn:aws:iam::111111111111:user/${pick(USERS)}` },
    { AWS: 'arn:aws:iam::111111111111:role/app' },
    { AWS: 'arn:aws:sts::111111111111:assumed-role/app/s1' },
  ])

function makeCase() {
  const entry = pick(ACTIONS)
  const resourceAccount = chance(0.7) ? '111111111111' : '222222222222'
  const principal = pick([
    'arn:aws:iam::111111111111:user/ana',
    'arn:aws:iam::111111111111:user/bob',
    'arn:aws:sts::111111111111:assumed-role/app/s1',
  ])
  const bias = (p) => (chance(p) ? entry : undefined)
  const c = {
    action: entry.action,
    resource: resourceFor(entry, resourceAccount),
    resourceAccount,
    principal,
    identity: [],
    scps: [],
    rcps: [],
    context: {},
  }
  const identities = Math.floor(random() * 3)
  for (let i = 0; i < identities; i++) c.identity.push(policy({ entry: bias(0.7), account: resourceAccount }))
  if (chance(0.4)) c.resourcePolicy = policy({ entry: bias(0.7), account: resourceAccount, principal: principalEntry })
  if (chance(0.2)) c.boundary = policy({ entry: bias(0.6), account: resourceAccount })
  if (chance(0.15) && principal.includes('assumed-role')) c.session = policy({ entry: bias(0.6), account: resourceAccount })
  const levels = Math.floor(random() * 3)
  for (let l = 0; l < levels; l++) {
    const n = 1 + Math.floor(random() * 2)
    const level = []
    for (let i = 0; i < n; i++)
      level.push(chance(0.6) ? { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } : policy({ entry: bias(0.5), account: resourceAccount }))
    c.scps.push(level)
  }
  if (chance(0.2)) c.rcps.push([policy({ entry: bias(0.6), account: resourceAccount, principal: () => '*', deny: true })])
  // The request context: a random subset of the keys the conditions use.
  const put = (k, v) => (c.context[k] = v)
  if (chance(0.6)) put('aws:username', principal.includes(':user/') ? principal.split('/').pop() : pick(USERS))
  if (chance(0.5)) put('aws:PrincipalTag/team', pick(['red', 'blue', 'RED', 'redder']))
  if (chance(0.5)) put('aws:SecureTransport', pick(['true', 'false']))
  if (chance(0.3)) put('aws:MultiFactorAuthPresent', pick(['true', 'false']))
  if (chance(0.5)) put('aws:SourceIp', pick(['10.1.2.3', '192.0.2.9', '198.51.100.1', '2001:db8::1']))
  if (chance(0.4)) put('aws:MultiFactorAuthAge', pick(['30', '600', '7200']))
  if (chance(0.4)) put('aws:CurrentTime', pick(['2020-06-01T00:00:00Z', '2022-01-01T00:00:00Z']))
  if (chance(0.4)) put('aws:TagKeys', pick([[], ['env'], ['env', 'team'], ['cost'], ['team', 'cost']]))
  if (chance(0.4)) put('aws:PrincipalArn', principal.includes('assumed-role') ? 'arn:aws:iam::111111111111:role/app' : principal)
  if (chance(0.4)) put('aws:RequestedRegion', pick(['us-east-1', 'eu-west-1']))
  return c
}

// ---- both evaluators ---------------------------------------------------------------
function ours(c, dir) {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const file = (name, p) => (writeFileSync(join(dir, name), JSON.stringify(p)), join(dir, name))
  const args = ['simulate', '--format', 'json', '--action', c.action, '--resource', c.resource, '--principal', c.principal, '--resource-account', c.resourceAccount]
  c.identity.forEach((p, i) => args.push('--identity', file(`identity${i}.json`, p)))
  if (c.resourcePolicy) args.push('--resource-policy', file('resource.json', c.resourcePolicy))
  if (c.boundary) args.push('--boundary', file('boundary.json', c.boundary))
  if (c.session) args.push('--session', file('session.json', c.session))
  c.scps.forEach((level, l) => args.push('--scp', level.map((p, i) => file(`scp${l}-${i}.json`, p)).join(',')))
  c.rcps.forEach((level, l) => args.push('--rcp', level.map((p, i) => file(`rcp${l}-${i}.json`, p)).join(',')))
  for (const [k, v] of Object.entries(c.context)) {
    if (Array.isArray(v)) {
      if (v.length === 0) args.push('--context', `${k}=`)
      for (const x of v) args.push('--context', `${k}=${x}`)
    } else args.push('--context', `${k}=${v}`)
  }
  const run = spawnSync(CLI, args, { encoding: 'utf8' })
  if (run.status === 2) return { decision: 'usage-error', stderr: run.stderr }
  return JSON.parse(run.stdout)
}

async function theirs(c) {
  const org = (levels, kind) =>
    levels.map((level, l) => ({ orgIdentifier: `${kind}-${l}`, policies: level.map((policy, i) => ({ name: `${kind}${l}-${i}`, policy })) }))
  const sim = {
    request: { principal: c.principal, action: c.action, resource: { resource: c.resource, accountId: c.resourceAccount }, contextVariables: c.context },
    identityPolicies: c.identity.map((policy, i) => ({ name: `identity${i}`, policy })),
    serviceControlPolicies: org(c.scps, 'scp'),
    resourceControlPolicies: org(c.rcps, 'rcp'),
  }
  if (c.resourcePolicy) sim.resourcePolicy = c.resourcePolicy
  if (c.boundary) sim.permissionBoundaryPolicies = [{ name: 'boundary', policy: c.boundary }]
  if (c.session) sim.sessionPolicy = c.session
  const r = await runSimulation(sim, {})
  if (r.resultType === 'error') return { decision: 'error', errors: r.errors }
  return { decision: { Allowed: 'allow', ExplicitlyDenied: 'explicit-deny', ImplicitlyDenied: 'implicit-deny' }[r.overallResult] ?? r.overallResult }
}

// ---- known, documented differences ------------------------------------------------
// Each disagreement is re-run with one known difference removed from the case; when both
// evaluators then agree, the disagreement is put down to that difference. Each entry
// names the AWS documentation that decides it (see also the crate docs of iam-catalog's
// `eval`).
const RCP_SERVICES = ['s3', 'sts', 'kms', 'sqs', 'secretsmanager', 'cognito-identity', 'logs', 'dynamodb', 'ecr', 'aoss']
const clone = (x) => JSON.parse(JSON.stringify(x))
const mapStrings = (x, f) =>
  typeof x === 'string' ? f(x) : Array.isArray(x) ? x.map((v) => mapStrings(v, f)) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, mapStrings(v, f)])) : x
const policiesOf = (c) => ['identity', 'resourcePolicy', 'boundary', 'session', 'scps', 'rcps']
const KNOWN = [
  {
    name: 'rcp-unsupported-service',
    doc: 'AWS Organizations User Guide, "Resource control policies (RCPs)": RCPs apply only to the services listed there; iam-simulate applies them to every service',
    fix: (c) => (RCP_SERVICES.includes(c.action.split(':')[0]) || !c.rcps.length ? null : { ...c, rcps: [] }),
  },
  {
    name: 'epoch-date-in-policy',
    doc: 'IAM User Guide, "Condition operators", Date condition operators: values are ISO 8601 dates or epoch (UNIX) time; iam-simulate does not compare an epoch policy value with an ISO 8601 request value',
    fix: (c) => {
      const f = (v) => (/^\d{9,10}$/.test(v) ? new Date(Number(v) * 1000).toISOString().replace('.000Z', 'Z') : v)
      const d = clone(c)
      for (const k of policiesOf(c)) if (d[k]) d[k] = mapStrings(d[k], f)
      return JSON.stringify(d) === JSON.stringify(c) ? null : d
    },
  },
  {
    name: 'star-ending-an-arn-segment',
    doc: 'IAM User Guide, "IAM JSON policy elements: Resource": "If the wildcard (*) is the last character of a resource ARN segment, it can expand to match beyond colon boundaries"; iam-simulate keeps it within the segment',
    fix: (c) => {
      const f = (v) => {
        if (!v.startsWith('arn:')) return v
        const w = v.replace(/(\d{12}|us-east-1)\*/, '$1:*')
        const colons = w.split(':').length - 1
        return colons < 5 && w.endsWith('*') ? w + ':*'.repeat(5 - colons) : w
      }
      const d = clone(c)
      for (const k of policiesOf(c)) if (d[k]) d[k] = mapStrings(d[k], f)
      return JSON.stringify(d) === JSON.stringify(c) ? null : d
    },
  },
  {
    name: 'context-key-dropped-by-iam-simulate',
    doc: 'iam-policy uses the request context exactly as given (DESIGN); iam-simulate drops keys it judges absent for the principal, such as aws:username for a role session (IAM User Guide, "AWS global condition context keys", aws:username)',
    fix: (c) => (c.principal.includes('assumed-role') && 'aws:username' in c.context ? { ...c, context: Object.fromEntries(Object.entries(c.context).filter(([k]) => k !== 'aws:username')) } : null),
  },
  {
    name: 'variable-as-a-whole-resource-id',
    doc: 'IAM User Guide, "IAM policy elements: Variables and tags": a variable is replaced in the resource part of the ARN; iam-simulate matches nothing where `${aws:username}` is the whole resource ID after the last colon (arn:aws:sqs:REGION:ACCOUNT:${aws:username})',
    fix: (c) => {
      const user = c.context['aws:username']
      if (typeof user !== 'string') return null
      const f = (v) => (v.startsWith('arn:') ? v.replaceAll('${aws:username}', user) : v)
      const d = clone(c)
      for (const k of policiesOf(c)) if (d[k]) d[k] = mapStrings(d[k], f)
      return JSON.stringify(d) === JSON.stringify(c) ? null : d
    },
  },
  {
    name: 'same-account-role-or-session-grant',
    doc: 'IAM User Guide, "Permissions boundaries for IAM entities": a same-account resource-based policy naming the role ARN is limited only by the boundary and session policies, one naming the role session "not limited by an implicit deny in an identity-based policy, a permissions boundary, or session policy"; iam-simulate asks for an identity-based allow',
    fix: (c) => {
      if (!c.resourcePolicy || c.resourceAccount !== '111111111111' || !c.principal.includes('assumed-role')) return null
      const d = clone(c)
      d.resourcePolicy.Statement = d.resourcePolicy.Statement.filter((s) => !/role\/app|assumed-role/.test(JSON.stringify(s.Principal ?? '')))
      return d
    },
  },
]

async function attribute(c, o, t) {
  const agree = async (d) => {
    const t2 = await theirs(d)
    return t2.decision !== 'error' && ours(d, join(OUT, 'case')).decision === t2.decision
  }
  for (const k of KNOWN) {
    const d = k.fix(c)
    if (d && (await agree(d))) return k.name
  }
  // Several known differences in one case: remove them all.
  let d = c
  const applied = []
  for (const k of KNOWN) {
    const next = k.fix(d)
    if (next) {
      d = next
      applied.push(k.name)
    }
  }
  if (applied.length > 1 && (await agree(d))) return 'several: ' + applied.join(' + ')
  return 'unexplained'
}

// ---- the run -----------------------------------------------------------------------
mkdirSync(OUT, { recursive: true })
const disagreements = []
const counts = { cases: 0, compared: 0, agree: 0, rejected: 0, ours_usage: 0, by_decision: {} }
const signatures = {}
const causes = {}
for (let i = 0; i < CASES; i++) {
  const c = makeCase()
  const t = await theirs(c)
  counts.cases++
  if (t.decision === 'error') {
    counts.rejected++
    continue
  }
  const o = ours(c, join(OUT, 'case'))
  if (o.decision === 'usage-error') {
    counts.ours_usage++
    disagreements.push({ case: c, ours: o, theirs: t })
    continue
  }
  counts.compared++
  counts.by_decision[t.decision] = (counts.by_decision[t.decision] ?? 0) + 1
  if (o.decision === t.decision) counts.agree++
  else {
    const sig = `ours=${o.decision} theirs=${t.decision}`
    signatures[sig] = (signatures[sig] ?? 0) + 1
    const cause = await attribute(c, o, t)
    causes[cause] = (causes[cause] ?? 0) + 1
    disagreements.push({ cause, case: c, ours: o, theirs: t })
  }
}
writeFileSync(join(OUT, 'disagreements.jsonl'), disagreements.map((d) => JSON.stringify(d)).join('\n') + '\n')
const rate = counts.compared ? ((100 * counts.agree) / counts.compared).toFixed(2) : 'n/a'
console.log(
  JSON.stringify(
    { ...counts, agreement_percent: rate, disagreements_by_signature: signatures, disagreements_by_cause: causes, causes: Object.fromEntries(KNOWN.map((k) => [k.name, k.doc])) },
    null,
    2
  )
)
