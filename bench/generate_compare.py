#!/usr/bin/env python3
"""`iam-policy generate` side by side with policy_sentry 0.15.2 on the same templates.

    python3 bench/generate_compare.py          # prints the report; writes target/bench/generate/

Installs policy_sentry 0.15.2 into target/bench/policy-sentry-venv (pip, from PyPI), builds
the CLI, and runs both generators on

- policy_sentry's own example templates (bench/generate/policy_sentry/, copied from its
  repository, MIT), and
- 40 templates generated from a fixed seed over representative ARN shapes (S3 buckets and
  objects, ECR repositories with paths, IAM roles with paths, SQS, SNS, DynamoDB, KMS,
  SSM, Secrets Manager, Lambda, CloudWatch Logs, RDS),

then compares the action sets of the two policies per template and explains each action
only one side grants, by asking both catalogs about it:

- `newer-data`: policy_sentry's database does not know the action (our catalog's data is
  of a later date);
- `gone`: our catalog does not know the action (removed or renamed by AWS since);
- `level`: the two catalogs give the action different access levels (policy_sentry's
  access-level overrides, or a reclassification by AWS);
- `dependent`: policy_sentry adds the dependent actions of the actions it grants (we
  note them instead);
- `resource-types`: the two catalogs list different resource types for the action (the
  statement's resource type is missing from the other catalog's entry for it);
- `arn-match` (the last resort): the catalogs agree on the action and its resource
  type, and the two ARN matchers disagree on whether the template's ARN is that
  resource type. bench/GENERATE.md explains each case by hand.

Not part of `cargo test`: it needs Python and the network for pip.
"""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "bench" / "generate"
VENV = ROOT / "target" / "bench" / "policy-sentry-venv"
TEMPLATES = ROOT / "bench" / "generate" / "policy_sentry"
CLI = ROOT / "target" / "debug" / "iam-policy"
SEED = 20260926
GENERATED = 40

ARNS = [
    "arn:aws:s3:::example-bucket",
    "arn:aws:s3:::example-bucket/*",
    "arn:aws:s3:::example-bucket/reports/2026/*",
    "arn:aws:ecr:us-east-1:123456789012:repository/foo/bar",
    "arn:aws:ecr:us-east-1:123456789012:repository/app",
    "arn:aws:iam::123456789012:role/path/deployer",
    "arn:aws:iam::123456789012:role/deployer",
    "arn:aws:iam::123456789012:user/alice",
    "arn:aws:sqs:us-east-1:123456789012:jobs",
    "arn:aws:sns:us-east-1:123456789012:alerts",
    "arn:aws:dynamodb:us-east-1:123456789012:table/Orders",
    "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "arn:aws:ssm:us-east-1:123456789012:parameter/app/db/password",
    "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
    "arn:aws:lambda:us-east-1:123456789012:function:orders-handler",
    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/orders-handler",
    "arn:aws:rds:us-east-1:123456789012:db:orders",
]
LEVELS = ["read", "write", "list", "tagging", "permissions-management"]
PS_LEVEL = {"Read": "read", "Write": "write", "List": "list", "Tagging": "tagging",
            "PermissionsManagement": "permissions-management", "Permissions management": "permissions-management"}

HELPER = r"""
import json, sys, yaml
from policy_sentry.command.write_policy import write_policy_with_template
out = {}
for path in sys.argv[1:]:
    with open(path) as f:
        cfg = yaml.safe_load(f)
    try:
        out[path] = {"policy": write_policy_with_template(cfg)}
    except Exception as e:
        out[path] = {"error": repr(e)}
print(json.dumps(out))
"""

INFO = r"""
import json, sys
from policy_sentry.querying.actions import get_action_data
out = {}
for name in json.load(sys.stdin):
    service, action = name.split(":", 1)
    try:
        rows = get_action_data(service, action)
    except Exception:
        rows = {}
    rows = rows.get(service, []) if isinstance(rows, dict) else []
    out[name] = {
        "known": bool(rows),
        "levels": sorted({r["access_level"] for r in rows}),
        "formats": sorted({r["resource_arn_format"] for r in rows}),
        "dependent_actions": sorted({d.lower() for r in rows for d in (r.get("dependent_actions") or [])}),
    }
print(json.dumps(out))
"""


def run(cmd, stdin=None, ok=(0,)):
    done = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode not in ok:
        sys.exit(f"failed ({done.returncode}): {' '.join(map(str, cmd))}\n{done.stderr[-3000:]}")
    return done


def setup():
    WORK.mkdir(parents=True, exist_ok=True)
    python = VENV / "bin" / "python"
    if not python.exists():
        run([sys.executable, "-m", "venv", str(VENV)])
        run([str(python), "-m", "pip", "install", "-q", "policy-sentry==0.15.2"])
    run(["cargo", "build", "-q", "-p", "iam-policy-cli"])
    return python


def generated_templates():
    rng = random.Random(SEED)
    out = []
    for n in range(GENERATED):
        template = {"mode": "crud"}
        for arn in rng.sample(ARNS, rng.randint(1, 3)):
            for level in rng.sample(LEVELS, rng.randint(1, 2)):
                template.setdefault(level, []).append(arn)
        path = WORK / f"generated-{n:02}.yml"
        lines = ["mode: crud"]
        for level in LEVELS:
            if level in template:
                lines.append(f"{level}:")
                lines.extend(f"  - '{arn}'" for arn in template[level])
        path.write_text("\n".join(lines) + "\n")
        out.append(path)
    return out


def actions_of(policy):
    """Lowercased `prefix:name` → the Sid of the statement granting it."""
    out = {}
    statements = policy.get("Statement", [])
    if isinstance(statements, dict):
        statements = [statements]
    for statement in statements:
        actions = statement.get("Action", [])
        if isinstance(actions, str):
            actions = [actions]
        for action in actions:
            out[action.lower()] = statement.get("Sid", "")
    return out


def ours(path):
    done = run([str(CLI), "generate", "--format", "json", str(path)], ok=(0, 1))
    if done.returncode != 0:
        return {"error": done.stderr.strip()}
    value = json.loads(done.stdout)
    documents = value if isinstance(value, list) else [value]
    merged = {}
    for document in documents:
        merged.update(actions_of(document))
    return {"actions": merged, "documents": len(documents)}


def explain(name):
    done = subprocess.run([str(CLI), "explain", "--format", "json", name], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        return None
    return json.loads(done.stdout)


def split_sid(sid):
    """`RdsPermissionsmanagementDb` → (`permissions-management`, `db`), policy_sentry's and
    our `{Service}{Level}{ResourceType}` Sids, compared case-insensitively."""
    low = sid.lower()
    for word, level in sorted(PS_LEVEL.items(), key=lambda kv: -len(kv[0])):
        word = word.replace(" ", "").lower()
        at = low.find(word)
        if at > 0:
            return level, low[at + len(word):]
    return None, None


def classify(action, side, ps_info, sid, theirs_actions):
    ours_info = explain(action)
    theirs = ps_info.get(action, {})
    if side == "ours" and not theirs.get("known"):
        return "newer-data"
    if side == "policy_sentry" and ours_info is None:
        return "gone"
    if side == "policy_sentry" and any(action in ps_info.get(a, {}).get("dependent_actions", [])
                                       for a in theirs_actions if a != action):
        return "dependent"
    our_level = (ours_info or {}).get("access_level", "").lower().replace(" ", "-")
    their_levels = {PS_LEVEL.get(l, l) for l in theirs.get("levels", [])}
    granted, type_name = split_sid(sid)
    if side == "policy_sentry":
        if granted and our_level != granted:
            return "level"
    elif our_level and their_levels and our_level not in their_levels:
        return "level"
    # Does the other catalog list the resource type the statement is about?
    our_types = {t["name"].lower().replace("-", "").replace("_", ""): t["arn_formats"]
                 for t in (ours_info or {}).get("resource_types", [])}
    if type_name is not None:
        if side == "policy_sentry" and type_name not in our_types:
            return "resource-types"
        if side == "ours" and not set(our_types.get(type_name, [])) & set(theirs.get("formats", [])):
            return "resource-types"
    return "arn-match"


def main():
    python = setup()
    templates = sorted(TEMPLATES.glob("*.yml")) + generated_templates()
    helper = WORK / "helper.py"
    helper.write_text(HELPER)
    theirs_all = json.loads(run([str(python), str(helper)] + [str(p) for p in templates]).stdout)
    rows = []
    differing = {}
    for path in templates:
        mine = ours(path)
        theirs = theirs_all[str(path)]
        row = {"template": path.name, "source": "policy_sentry" if path.parent == TEMPLATES else "generated"}
        if "error" in mine or "error" in theirs:
            row["ours_error"] = mine.get("error")
            row["theirs_error"] = theirs.get("error")
            if "actions" in mine:
                row["ours"] = len(mine["actions"])
            if "policy" in theirs:
                row["theirs"] = len(actions_of(theirs["policy"]))
            rows.append(row)
            continue
        a = mine["actions"]
        b = actions_of(theirs["policy"])
        row.update(ours=len(a), theirs=len(b), same=len(set(a) & set(b)),
                   only_ours=sorted(set(a) - set(b)), only_theirs=sorted(set(b) - set(a)),
                   documents=mine["documents"], theirs_actions=sorted(b))
        row["sids"] = {**{x: a[x] for x in row["only_ours"]}, **{x: b[x] for x in row["only_theirs"]}}
        differing.update((x, True) for x in row["only_ours"] + row["only_theirs"])
        rows.append(row)
    info_script = WORK / "info.py"
    info_script.write_text(INFO)
    everything = set(differing)
    for row in rows:
        everything.update(row.get("theirs_actions", []))
    ps_info = json.loads(run([str(python), str(info_script)], stdin=json.dumps(sorted(everything))).stdout)
    reasons = {}
    for row in rows:
        row["reasons"] = {}
        for side, key in (("ours", "only_ours"), ("policy_sentry", "only_theirs")):
            for action in row.get(key, []):
                sid = row["sids"][action]
                reason = classify(action, side, ps_info, sid, row["theirs_actions"])
                row["reasons"].setdefault(f"{side}:{reason}", []).append(action)
                reasons.setdefault(f"{side}:{reason}", set()).add(action)
    (WORK / "results.json").write_text(json.dumps({"rows": rows, "ps_info": ps_info}, indent=1, default=list))
    report(rows, reasons)


def report(rows, reasons):
    same = [r for r in rows if "ours" in r and "theirs" in r and not r.get("only_ours") and not r.get("only_theirs") and not r.get("ours_error")]
    print(f"templates: {len(rows)} ({sum(r['source'] == 'policy_sentry' for r in rows)} policy_sentry examples, "
          f"{sum(r['source'] == 'generated' for r in rows)} generated)")
    print(f"identical action sets: {len(same)}")
    print(f"errors (ours): {sum(1 for r in rows if r.get('ours_error'))}; errors (policy_sentry): {sum(1 for r in rows if r.get('theirs_error'))}")
    total_ours = sum(r.get("ours", 0) for r in rows if not r.get("ours_error"))
    total_theirs = sum(r.get("theirs", 0) for r in rows if not r.get("ours_error"))
    total_same = sum(r.get("same", 0) for r in rows)
    print(f"actions granted, summed over templates both generated: ours {total_ours}, policy_sentry {total_theirs}, both {total_same}")
    print()
    print("| template | ours | policy_sentry | both | only ours | only policy_sentry |")
    print("| --- | ---: | ---: | ---: | --- | --- |")
    for r in rows:
        if r.get("ours_error") or r.get("theirs_error"):
            err = (r.get("ours_error") or "").splitlines()[0].removeprefix("error: ") if r.get("ours_error") else ""
            print(f"| {r['template']} | error: {err} | {r.get('theirs', 'error')} | | | |")
            continue
        def fmt(side):
            return "; ".join(f"{k.split(':')[1]} {len(v)}" for k, v in sorted(r["reasons"].items()) if k.startswith(side))
        print(f"| {r['template']} | {r['ours']} | {r['theirs']} | {r['same']} | {fmt('ours')} | {fmt('policy_sentry')} |")
    print()
    for key, actions in sorted(reasons.items()):
        print(f"{key}: {len(actions)} distinct actions: {', '.join(sorted(actions)[:25])}{' ...' if len(actions) > 25 else ''}")


if __name__ == "__main__":
    main()
