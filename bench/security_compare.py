#!/usr/bin/env python3
"""Security findings of iam-policy and cloudsplaining 0.9.1, side by side, on the AWS
managed policies.

Run from the workspace root (after `bench/cloudsplaining-setup.sh`):

    cargo build --release -p iam-policy-cli
    target/cloudsplaining-venv/bin/python bench/security_compare.py [CORPUS_DIR]

CORPUS_DIR defaults to `$IAM_POLICY_CORPUS/aws-managed-policies`. cloudsplaining runs
through its Python API (`scan_policy`, the function behind `scan-policy-file`) with its
default exclusions, on each document in one process; iam-policy runs as one process over
all files (`check --format json`). Both are timed as they run here. Prints a Markdown
report: per category, the policies each tool flags, and every difference with the
reason it was classified under.
"""

import collections
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

CATEGORIES = [
    ("PrivilegeEscalation", "privilege-escalation"),
    ("DataExfiltration", "data-exfiltration"),
    ("ResourceExposure", "resource-exposure"),
    ("CredentialsExposure", "credentials-exposure"),
]


def corpus_dir():
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    root = os.environ.get("IAM_POLICY_CORPUS", "../shared/corpus")
    return Path(root) / "aws-managed-policies"


def run_ours(files):
    binary = Path("target/release/iam-policy")
    if not binary.exists():
        sys.exit("build it first: cargo build --release -p iam-policy-cli")
    start = time.perf_counter()
    out = subprocess.run(
        [str(binary), "check", "--format", "json", *map(str, files)],
        capture_output=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    report = json.loads(out.stdout)
    ours = {}
    for entry in report["files"]:
        name = Path(entry["path"]).stem
        per = collections.defaultdict(set)
        for d in entry["diagnostics"]:
            code = d["code"]
            message = d["message"]
            if code == "privilege-escalation":
                # Method names: `Name (source: ...)` and the plain names after "more:".
                names = re.findall(r"([A-Za-z0-9]+) \((?:Rhino|pathfinding)", message)
                tail = message.split(" more: ", 1)
                if len(tail) == 2:
                    names += [n.strip() for n in tail[1].split(",")]
                per[code].update(names)
            elif code == "resource-exposure":
                count = re.match(r"(\d+) permissions-management actions", message)
                listed = re.findall(r"`([^`]+)`", message)
                if count:
                    per[code].update(f"#{d['pointer']}#{i}" for i in range(int(count.group(1))))
                else:
                    per[code].update(listed)
            else:
                per[code].update(re.findall(r"`([^`]+:[^`]+)`", message))
        ours[name] = per
    return ours, elapsed


def run_theirs(files):
    from cloudsplaining.command.scan_policy_file import scan_policy
    from cloudsplaining.shared.constants import DEFAULT_EXCLUSIONS_CONFIG

    theirs = {}
    start = time.perf_counter()
    for path in files:
        policy = json.loads(path.read_text())
        results = scan_policy(policy, DEFAULT_EXCLUSIONS_CONFIG)
        per = collections.defaultdict(set)
        for category, _ in CATEGORIES:
            found = results.get(category) or []
            if isinstance(found, dict):
                found = found.get("findings", [])
            for item in found:
                if isinstance(item, dict):
                    per[category].add(item.get("type", json.dumps(item, sort_keys=True)))
                else:
                    per[category].add(item)
        theirs[path.stem] = per
    return theirs, time.perf_counter() - start


def main():
    files = sorted(corpus_dir().glob("*.json"))
    ours, ours_time = run_ours(files)
    theirs, theirs_time = run_theirs(files)
    print(f"# {len(files)} policies\n")
    print(f"- iam-policy (release, one process, every check): {ours_time:.2f} s")
    print(f"- cloudsplaining 0.9.1 (`scan_policy` per document, one process, import excluded): {theirs_time:.2f} s")
    print()
    print("| category | iam-policy | cloudsplaining | both | only iam-policy | only cloudsplaining | findings iam-policy | findings cloudsplaining |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    diffs = {}
    for category, code in CATEGORIES:
        a = {n for n, per in ours.items() if per.get(code)}
        b = {n for n, per in theirs.items() if per.get(category)}
        na = sum(len(per.get(code, ())) for per in ours.values())
        nb = sum(len(per.get(category, ())) for per in theirs.values())
        print(f"| {code} | {len(a)} | {len(b)} | {len(a & b)} | {len(a - b)} | {len(b - a)} | {na} | {nb} |")
        diffs[code] = (sorted(a - b), sorted(b - a), category)
    print("\n(findings: escalation methods, or actions, summed over policies)\n")
    for code, (only_ours, only_theirs, category) in diffs.items():
        print(f"## {code}\n")
        print(f"only iam-policy ({len(only_ours)}):")
        for name in only_ours:
            print(f"- {name}: {', '.join(sorted(ours[name][code]))[:300]}")
        print(f"\nonly cloudsplaining ({len(only_theirs)}):")
        for name in only_theirs:
            print(f"- {name}: {', '.join(sorted(theirs[name][category]))[:300]}")
        print()
        # Policies both flag, with different items.
        both = [
            n
            for n in sorted(set(ours) & set(theirs))
            if ours[n].get(code) and theirs[n].get(category) and code != "resource-exposure"
        ]
        differing = []
        for n in both:
            mine = {x.lower() for x in ours[n][code]}
            other = {x.lower() for x in theirs[n][category]}
            if mine != other:
                differing.append((n, sorted(mine - other), sorted(other - mine)))
        print(f"flagged by both, items differ ({len(differing)}):")
        for n, extra, missing in differing:
            print(f"- {n}: +{', '.join(extra)[:200]} / -{', '.join(missing)[:200]}")
        print()


if __name__ == "__main__":
    main()
