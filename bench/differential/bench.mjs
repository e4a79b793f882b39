#!/usr/bin/env node
// Times @cloud-copilot/iam-simulate on the policy and requests of
// iam-policy/benches/eval_policy.json, the same as `cargo bench -p iam-policy --bench eval`.
//
//     bench/differential/install.sh
//     node bench/differential/bench.mjs
//
// Prints evaluations per second (the median of 5 rounds of a fixed number of
// evaluations, after a warm-up) and checks the decisions against iam-policy's.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const require = createRequire(join(ROOT, 'target', 'bench', 'iam-simulate', 'package.json'))
const { runSimulation } = require('@cloud-copilot/iam-simulate')
const data = JSON.parse(readFileSync(join(ROOT, 'iam-policy', 'benches', 'eval_policy.json'), 'utf8'))

const simulations = data.requests.map((r) => ({
  request: {
    principal: 'arn:aws:sts::111122223333:assumed-role/app/task',
    action: r.action,
    resource: { resource: r.resource, accountId: '111122223333' },
    contextVariables: r.context,
  },
  identityPolicies: [{ name: 'bench', policy: data.policy }],
  serviceControlPolicies: [],
  resourceControlPolicies: [],
}))

const decisions = []
for (const s of simulations) decisions.push((await runSimulation(s, {})).overallResult)
console.log('decisions:', decisions.join(', '))

const ROUNDS = 5
const PER_ROUND = 400 // evaluations of each request per round
for (let i = 0; i < 200; i++) for (const s of simulations) await runSimulation(s, {})
const rates = []
for (let round = 0; round < ROUNDS; round++) {
  const start = process.hrtime.bigint()
  for (let i = 0; i < PER_ROUND; i++) for (const s of simulations) await runSimulation(s, {})
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  rates.push((PER_ROUND * simulations.length) / seconds)
}
rates.sort((a, b) => a - b)
console.log(JSON.stringify({ evaluations_per_second_median: Math.round(rates[2]), rounds: rates.map(Math.round) }))
