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
import fnmatch
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
                per[code].update(listed)
                if count:
                    # Only the first names are listed; count the rest.
                    extra = int(count.group(1)) - len(listed)
                    per[code].update(f"#{d['pointer']}#{i}" for i in range(extra))
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


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def action_matches(pattern, action):
    return fnmatch.fnmatchcase(action.lower(), pattern.lower())


def granting_statements(doc, action):
    """The unconditioned Allow statements of a policy that grant `action`."""
    out = []
    for st in as_list(doc.get("Statement")):
        if st.get("Effect") != "Allow" or st.get("Condition"):
            continue
        if "NotAction" in st:
            if any(action_matches(p, action) for p in as_list(st["NotAction"])):
                continue
        elif not any(action_matches(p, action) for p in as_list(st.get("Action"))):
            continue
        out.append(st)
    return out


def statement_reason(doc, action):
    """Why iam-policy sees `action` unconstrained where cloudsplaining does not."""
    for st in as_list(doc.get("Statement")):
        if st.get("Effect") == "Deny" and "Action" in st and any(
            action_matches(p, action) for p in as_list(st["Action"])
        ):
            if st.get("Condition") or "*" not in as_list(st.get("Resource")):
                return "ours right: cloudsplaining takes back every action a `Deny` names, whatever its resources and conditions"
    statements = granting_statements(doc, action)
    if any("NotResource" in st for st in statements):
        return "ours right: `NotResource` grants every other resource; cloudsplaining skips `NotResource` statements"
    if statements and not any("*" in as_list(st.get("Resource")) for st in statements):
        return "ours right: an ARN pattern of the statement names every resource of the action's required types (`arn:aws:s3:::*`, `...:role/*`); cloudsplaining counts only `\"*\"`"
    return None


def sentry_info(action):
    from policy_sentry.querying.actions import get_privilege_info

    prefix, name = action.split(":", 1)
    try:
        info = get_privilege_info(prefix, name)
    except Exception:  # noqa: BLE001 - unknown action
        try:
            from policy_sentry.querying.actions import get_actions_for_service

            match = [a for a in get_actions_for_service(prefix) if a.lower() == action.lower()]
            if not match:
                return None
            info = get_privilege_info(prefix, match[0].split(":", 1)[1])
        except Exception:  # noqa: BLE001
            return None
    return info


OVERRIDES = None


def overridden(action):
    """Whether policy_sentry's access-level-overrides.yml changes the action's level."""
    global OVERRIDES
    if OVERRIDES is None:
        import policy_sentry
        import yaml

        path = Path(policy_sentry.__file__).parent / "shared/data/access-level-overrides.yml"
        OVERRIDES = {}
        for prefix, levels in (yaml.safe_load(path.read_text()) or {}).items():
            for level, names in (levels or {}).items():
                for name in names or []:
                    OVERRIDES[f"{prefix}:{name}".lower()] = level
    return OVERRIDES.get(action.lower())


def ours_access_level(action):
    out = subprocess.run(
        ["target/release/iam-policy", "explain", "--format", "json", action],
        capture_output=True,
        check=False,
    )
    try:
        return json.loads(out.stdout).get("access_level")
    except json.JSONDecodeError:
        return None


LEVELS = {}

# catalog/src/check/security/lists.rs, NOT_EXPOSING_PREFIXES.
READ_PREFIXES = ("Access", "BatchGet", "Describe", "Get", "GET", "Invoke", "List", "POST", "Search", "View")


def reads(action):
    return action.split(":", 1)[1].startswith(READ_PREFIXES)


def in_truncated(doc, items, action):
    """Whether a resource-exposure finding of ours that lists only its first actions (its
    placeholders `#POINTER#i`) covers `action`: the pattern at POINTER matches it (or, for a
    `NotAction` key, does not exclude it) and the catalog says Permissions management."""
    pointers = {x[1:].rsplit("#", 1)[0] for x in items if x.startswith("#")}
    if not pointers:
        return False
    if action not in LEVELS:
        LEVELS[action] = ours_access_level(action)
    if LEVELS[action] != "Permissions management" or reads(action):
        return False
    for pointer in pointers:
        parts = pointer.split("#")[0].strip("/").split("/")
        node = doc
        for part in parts:
            node = node[int(part)] if isinstance(node, list) else node.get(part)
        if parts[-1] == "NotAction":
            if not any(action_matches(p, action) for p in as_list(node)):
                return True
            continue
        if any(action_matches(p, action) for p in as_list(node)):
            return True
    return False


def why_only_ours(code, doc, item):
    """The class of a finding item (an action, or an escalation method) only we report."""
    if code == "privilege-escalation":
        from cloudsplaining.shared.constants import PRIVILEGE_ESCALATION_METHODS

        actions = PRIVILEGE_ESCALATION_METHODS.get(item, [])
        for action in actions:
            reason = statement_reason(doc, action)
            if reason:
                return reason
        return "unexplained"
    if code == "data-exfiltration" and item.lower().startswith("rds:"):
        return "definition: the RDS snapshot actions of cloudsplaining's risk text and default `include-actions`, not of its `DataExfiltration` list"
    if code == "credentials-exposure" and item.lower().startswith("gamelift:getcompute"):
        return "ours right: cloudsplaining's list misspells it `gamelist:`"
    info = sentry_info(item)
    if info is None:
        return "ours right (newer data): the action is not in policy_sentry 0.15.2's database"
    if code == "resource-exposure":
        level = info.get("access_level")
        if level != "Permissions management":
            note = " (an access-level override of policy_sentry)" if overridden(item) else ""
            return f"data: the catalog says Permissions management, policy_sentry says {level}{note}"
        types = [t for t in info.get("resource_types", {}) if t]
        if not types:
            return "definition: cloudsplaining counts only actions with resource types (ours also wildcard-only ones)"
    reason = statement_reason(doc, item)
    return reason or "unexplained"


def why_only_theirs(code, item):
    if code == "resource-exposure":
        level = ours_access_level(item)
        if level is None:
            return "data: not in the catalog (policy_sentry keeps an action AWS no longer lists)"
        if level != "Permissions management":
            note = " (an access-level override of policy_sentry)" if overridden(item) else ""
            return f"data: the catalog (Service Authorization Reference) says {level}, policy_sentry says Permissions management{note}"
        if reads(item):
            return "definition: the reference files it under Permissions management, but it reads or calls (`Get*`, `List*`, `Describe*`, ...); ours leaves such actions out"
    return "unexplained"


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
    docs = {p.stem: json.loads(p.read_text()) for p in files}
    for code, (only_ours, only_theirs, category) in diffs.items():
        print(f"## {code}\n")
        classes = collections.Counter()
        lines = []
        for name in sorted(set(ours) & set(theirs)):
            mine = {x.lower(): x for x in ours[name].get(code, ()) if not x.startswith("#")}
            other = {x.lower(): x for x in theirs[name].get(category, ())}
            for key in sorted(set(mine) - set(other)):
                why = why_only_ours(code, docs[name], mine[key])
                classes["only iam-policy: " + why] += 1
                lines.append(f"- {name}: + `{mine[key]}` — {why}")
            for key in sorted(set(other) - set(mine)):
                if code == "resource-exposure" and in_truncated(docs[name], ours[name].get(code, ()), other[key]):
                    continue  # named by a finding of ours that lists only its first actions
                why = why_only_theirs(code, other[key])
                classes["only cloudsplaining: " + why] += 1
                lines.append(f"- {name}: − `{other[key]}` — {why}")
        print("| class | items |\n| --- | ---: |")
        for why, n in classes.most_common():
            print(f"| {why} | {n} |")
        print("\n<details><summary>every item</summary>\n")
        print("\n".join(lines))
        print("\n</details>\n")


if __name__ == "__main__":
    main()
