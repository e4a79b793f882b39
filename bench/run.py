#!/usr/bin/env python3
"""Benchmarks of iam-policy against the alternatives, measured as ratios in one run.

    python3 bench/run.py            # everything; results in BENCHMARKS.md and bench/throughput.svg
    python3 bench/run.py --quick    # fewer repetitions

Everything it generates lives under target/bench/. It installs parliament 1.6.4 into a
virtual environment there (from PyPI) and needs the corpus of AWS managed policies at
$IAM_POLICY_CORPUS/aws-managed-policies (default ../shared/corpus beside the checkout).
Not part of CI: it takes several minutes and measures wall time.
"""

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "bench"
CORPUS = Path(os.environ.get("IAM_POLICY_CORPUS", ROOT.parent / "shared" / "corpus")) / "aws-managed-policies"
QUICK = "--quick" in sys.argv
REPEAT = 3 if QUICK else 5


def run(cmd, cwd=None, env=None, capture=True):
    merged = dict(os.environ, **(env or {}))
    return subprocess.run(cmd, cwd=cwd, env=merged, check=True,
                          stdout=subprocess.PIPE if capture else None,
                          stderr=subprocess.PIPE if capture else None, text=True)


def timed(cmd, cwd=None, env=None):
    start = time.perf_counter()
    run(cmd, cwd=cwd, env=env)
    return time.perf_counter() - start


def median_time(cmd, cwd=None, env=None, before=None, repeat=REPEAT):
    times = []
    for _ in range(repeat):
        if before:
            before()
        times.append(timed(cmd, cwd=cwd, env=env))
    return statistics.median(times)


def peak_rss_mb(cmd, cwd=None):
    out = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr)
    return int(match.group(1)) / 1024 if match else float("nan")


def cargo_toml(name, deps):
    return f"""[package]
name = "{name}"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
{deps}

[workspace]
"""


# --- the corpus policies the macro accepts -------------------------------------------------

def clean_policies(limit):
    """Corpus policies without errors under the customer quota, as (name, text)."""
    binary = ROOT / "target" / "release" / "iam-policy"
    out = subprocess.run([str(binary), "check", "--format", "json", str(CORPUS)],
                         stdout=subprocess.PIPE, text=True).stdout
    clean = []
    for f in json.loads(out)["files"]:
        if f.get("error") or any(d["severity"] == "error" for d in f["diagnostics"]):
            continue
        text = Path(f["path"]).read_text()
        clean.append((Path(f["path"]).stem, text))
    clean.sort()
    return clean[:limit]


def rust_string_safe(text):
    # Policies are pasted as Rust tokens: `{name}` would be an insertion, and the macro
    # rejects JSON escapes Rust lacks. Skip the few that use them.
    body = json.dumps(json.loads(text), indent=2)
    if re.search(r"(?<!\$)\{[A-Za-z_]", body) or "\\/" in body or "\\u" in body:
        return None
    return body


# --- 1. compile time: 500 policy! vs 500 json! ---------------------------------------------

def bench_compile(policies):
    results = {}
    for flavour in ("policy", "json"):
        crate = WORK / f"compile-{flavour}"
        (crate / "src").mkdir(parents=True, exist_ok=True)
        deps = (f'iam-policy = {{ path = "{ROOT / "iam-policy"}" }}' if flavour == "policy"
                else 'serde_json = "1"')
        (crate / "Cargo.toml").write_text(cargo_toml(f"compile-{flavour}", deps))
        # `json!` recurses per token: large policies need a higher limit (set for both crates).
        lines = ["#![recursion_limit = \"4096\"]", "#![allow(clippy::all, deprecated)]", "fn main() {", "    let mut n = 0usize;"]
        for i, (_, body) in enumerate(policies):
            macro = "iam_policy::policy!" if flavour == "policy" else "serde_json::json!"
            expr = f"{macro}({body})"
            use = ".to_json().len()" if flavour == "policy" else ".to_string().len()"
            lines.append(f"    let p{i} = {expr};\n    n += p{i}{use};")
        lines += ['    println!("{n}");', "}"]
        (crate / "src" / "main.rs").write_text("\n".join(lines) + "\n")
        target = WORK / "target-compile"
        env = {"CARGO_TARGET_DIR": str(target)}
        run(["cargo", "build", "--quiet"], cwd=crate, env=env)  # dependencies, once
        touch = lambda: os.utime(crate / "src" / "main.rs")
        results[f"{flavour}_check"] = median_time(["cargo", "check", "--quiet"], cwd=crate, env=env, before=touch)
        results[f"{flavour}_build"] = median_time(["cargo", "build", "--quiet"], cwd=crate, env=env, before=touch)
    return results


# --- 2 and 3 (in-process): the engine in a debug and a release binary -----------------------

ENGINE_MAIN = r'''
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        texts.push(std::fs::read_to_string(path).unwrap());
    }
    // First use of the catalog in this process.
    let t = Instant::now();
    let first = iam_policy::catalog::action("s3:GetObject").is_some();
    let first_use = t.elapsed();
    // Statements: each corpus statement as its own one-statement policy.
    let mut statements = Vec::new();
    for text in &texts {
        let doc: serde_json::Value = serde_json::from_str(text).unwrap();
        let list = match &doc["Statement"] { serde_json::Value::Array(a) => a.clone(), s => vec![s.clone()] };
        for s in list {
            statements.push(serde_json::json!({"Version": "2012-10-17", "Statement": [s]}).to_string());
        }
    }
    let mut per_statement: Vec<f64> = Vec::new();
    for s in &statements {
        let t = Instant::now();
        let n = iam_policy::validate(s, iam_policy::PolicyKind::Identity).len();
        per_statement.push(t.elapsed().as_secs_f64() * 1e6);
        std::hint::black_box(n);
    }
    per_statement.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let t = Instant::now();
    let mut findings = 0;
    for text in &texts {
        findings += iam_policy::validate(text, iam_policy::PolicyKind::Identity).len();
    }
    let all = t.elapsed();
    println!("{}", serde_json::json!({
        "first_lookup_us": first_use.as_secs_f64() * 1e6, "found": first,
        "statements": statements.len(),
        "statement_median_us": per_statement[per_statement.len() / 2],
        "statement_p90_us": per_statement[per_statement.len() * 9 / 10],
        "statement_mean_us": per_statement.iter().sum::<f64>() / per_statement.len() as f64,
        "corpus_s": all.as_secs_f64(), "files": texts.len(), "findings": findings,
    }));
}
'''


def bench_engine():
    crate = WORK / "engine"
    (crate / "src").mkdir(parents=True, exist_ok=True)
    (crate / "Cargo.toml").write_text(cargo_toml("engine", f'iam-policy = {{ path = "{ROOT / "iam-policy"}" }}\nserde_json = "1"'))
    (crate / "src" / "main.rs").write_text(ENGINE_MAIN)
    env = {"CARGO_TARGET_DIR": str(WORK / "target-engine")}
    out = {}
    for profile, flag in (("debug", []), ("release", ["--release"])):
        run(["cargo", "build", "--quiet"] + flag, cwd=crate, env=env)
        binary = WORK / "target-engine" / profile / "engine"
        runs = [json.loads(run([str(binary), str(CORPUS)]).stdout) for _ in range(REPEAT)]
        out[profile] = {k: statistics.median([r[k] for r in runs]) for k in runs[0] if isinstance(runs[0][k], (int, float))}
    return out


PARLIAMENT_INPROCESS = r'''
import json, sys, time, pathlib
from parliament import analyze_policy_string
files = sorted(pathlib.Path(sys.argv[1]).glob("*.json"))
texts = [f.read_text() for f in files]
t = time.perf_counter(); findings = 0; crashes = 0
for text in texts:
    try:
        findings += len(analyze_policy_string(text).findings)
    except Exception:
        crashes += 1
print(json.dumps({"seconds": time.perf_counter() - t, "findings": findings, "crashes": crashes}))
'''


def bench_throughput():
    venv = WORK / "venv"
    if not (venv / "bin" / "parliament").exists():
        run([sys.executable, "-m", "venv", str(venv)])
        run([str(venv / "bin" / "pip"), "install", "--quiet", "parliament==1.6.4"])
    ours = [str(ROOT / "target" / "release" / "iam-policy"), "check", "--format", "json", "--allow", "policy-too-large", str(CORPUS)]
    theirs_cmd = [str(venv / "bin" / "parliament"), "--directory", str(CORPUS), "--json"]
    # Both exit non-zero when they find something: time them without checking the status.
    def once(cmd):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start
    wall_ours = statistics.median([once(ours) for _ in range(REPEAT)])
    wall_theirs = statistics.median([once(theirs_cmd) for _ in range(max(1, REPEAT // 2))])
    script = WORK / "parliament_inprocess.py"
    script.write_text(PARLIAMENT_INPROCESS)
    inproc = json.loads(run([str(venv / "bin" / "python"), str(script), str(CORPUS)]).stdout)
    return {
        "wall_ours_s": wall_ours, "wall_parliament_s": wall_theirs,
        "rss_ours_mb": peak_rss_mb(ours), "rss_parliament_mb": peak_rss_mb(theirs_cmd),
        "inprocess_parliament_s": inproc["seconds"], "parliament_findings": inproc["findings"],
        "parliament_crashes": inproc["crashes"],
    }


# --- 4. to_json: criterion --------------------------------------------------------------------

def bench_to_json():
    out = run(["cargo", "bench", "-p", "iam-policy", "--bench", "to_json", "--", "--noplot"], cwd=ROOT).stdout
    times = {}
    for name in ("policy_to_json", "serde_json_to_string"):
        m = re.search(name + r"\s+time:\s+\[\S+ \S+ (\S+) (\S+)", out)
        if m:
            value, unit = float(m.group(1)), m.group(2)
            times[name] = value * {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1}[unit]
    return times


# --- 5. clean build of a minimal user crate -------------------------------------------------

def bench_clean_build():
    results = {}
    variants = {
        "iam-policy": (f'iam-policy = {{ path = "{ROOT / "iam-policy"}" }}',
                       'fn main() { let p = iam_policy::policy!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]}); println!("{}", p.to_json()); }'),
        "serde": ('serde = { version = "1", features = ["derive"] }\nserde_json = "1"',
                  '#[derive(serde::Serialize)] struct S { a: u32 }\nfn main() { println!("{}", serde_json::to_string(&S { a: 1 }).unwrap()); }'),
    }
    for name, (deps, main) in variants.items():
        crate = WORK / f"clean-{name}"
        (crate / "src").mkdir(parents=True, exist_ok=True)
        (crate / "Cargo.toml").write_text(cargo_toml(f"clean-{name.replace('-', '_')}", deps))
        (crate / "src" / "main.rs").write_text(main + "\n")
        target = WORK / f"target-clean-{name}"
        env = {"CARGO_TARGET_DIR": str(target)}
        run(["cargo", "fetch", "--quiet"], cwd=crate, env=env)
        results[name] = median_time(["cargo", "build", "--quiet", "--offline"], cwd=crate, env=env,
                                    before=lambda t=target: shutil.rmtree(t, ignore_errors=True),
                                    repeat=3)
    return results


# --- report -----------------------------------------------------------------------------------

def svg_chart(rows, path):
    width, bar_h, gap, left = 720, 34, 16, 250
    height = 60 + len(rows) * (bar_h + gap)
    top = max(v for _, v in rows)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="14">',
             f'<text x="10" y="24" font-size="16" font-weight="bold">Checking the 1,452 AWS managed policies (wall time, seconds; shorter is better)</text>']
    for i, (label, value) in enumerate(rows):
        y = 44 + i * (bar_h + gap)
        w = max(2, (width - left - 90) * value / top)
        color = "#2b6cb0" if label.startswith("iam-policy") else "#c05621"
        parts.append(f'<text x="10" y="{y + bar_h * 0.65}">{label}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{color}"/>')
        parts.append(f'<text x="{left + w + 8:.1f}" y="{y + bar_h * 0.65}">{value:.3f} s</text>')
    parts.append("</svg>")
    path.write_text("\n".join(parts) + "\n")


def machine():
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = run(["free", "-h"]).stdout.splitlines()[1].split()[1]
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "rustc": run(["rustc", "--version"]).stdout.strip(),
            "python": platform.python_version(), "load": os.getloadavg()[0]}


def main():
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS} (set IAM_POLICY_CORPUS)")
    WORK.mkdir(parents=True, exist_ok=True)
    print("building the CLI (release)…", flush=True)
    run(["cargo", "build", "--release", "--quiet", "-p", "iam-policy-cli"], cwd=ROOT)

    policies = [(n, b) for n, b in ((n, rust_string_safe(t)) for n, t in clean_policies(2000)) if b]
    # 500 invocations, reusing the clean policies in order.
    picked = [policies[i % len(policies)] for i in range(500)]
    statements = sum(len(json.loads(b)["Statement"]) if isinstance(json.loads(b)["Statement"], list) else 1 for _, b in picked)

    print("1/5 compile time (500 policy! vs 500 json!)…", flush=True)
    compile_ = bench_compile(picked)
    print("2/5 engine timings (debug and release)…", flush=True)
    engine = bench_engine()
    print("3/5 throughput vs parliament…", flush=True)
    through = bench_throughput()
    through["inprocess_ours_s"] = engine["release"]["corpus_s"]
    print("4/5 to_json vs serde_json…", flush=True)
    to_json = bench_to_json()
    print("5/5 clean build of a minimal crate…", flush=True)
    clean = bench_clean_build()

    m = machine()
    rows = []
    def row(what, ours, theirs, ratio, bar, ok):
        rows.append(f"| {what} | {ours} | {theirs} | {ratio} | {bar} | {'pass' if ok else '**miss**'} |")

    r = compile_["policy_check"] / compile_["json_check"]
    row("`cargo check`, 500 invocations (crate only)", f"{compile_['policy_check']:.2f} s (`policy!`)", f"{compile_['json_check']:.2f} s (`json!`)", f"{r:.2f}×", "≤ 1×", r <= 1.0)
    r = compile_["policy_build"] / compile_["json_build"]
    row("`cargo build`, 500 invocations (crate only)", f"{compile_['policy_build']:.2f} s", f"{compile_['json_build']:.2f} s", f"{r:.2f}×", "≤ 1×", r <= 1.0)
    d = engine["debug"]
    row("catalog first use, debug (as in the macro)", f"{d['first_lookup_us']:.0f} µs", "—", "—", "≤ 10 ms", d["first_lookup_us"] <= 10_000)
    row("per statement, debug, median (p90)", f"{d['statement_median_us']:.1f} µs ({d['statement_p90_us']:.1f} µs)", "—", "—", "≤ 50 µs", d["statement_median_us"] <= 50)
    r = through["wall_parliament_s"] / through["wall_ours_s"]
    row("check 1,452 policies, whole process", f"{through['wall_ours_s']:.3f} s", f"{through['wall_parliament_s']:.1f} s (parliament)", f"{r:.0f}× faster", "≥ 100×", r >= 100)
    r2 = through["inprocess_parliament_s"] / through["inprocess_ours_s"]
    row("check 1,452 policies, in process", f"{through['inprocess_ours_s']:.3f} s", f"{through['inprocess_parliament_s']:.1f} s (parliament)", f"{r2:.0f}× faster", "≥ 100×", r2 >= 100)
    row("peak memory, whole process", f"{through['rss_ours_mb']:.1f} MB", f"{through['rss_parliament_mb']:.1f} MB", "—", "≤ 50 MB", through["rss_ours_mb"] <= 50)
    if "policy_to_json" in to_json and "serde_json_to_string" in to_json:
        r = to_json["serde_json_to_string"] / to_json["policy_to_json"]
        row("`to_json()` of a static policy", f"{to_json['policy_to_json'] * 1e9:.0f} ns", f"{to_json['serde_json_to_string'] * 1e9:.0f} ns (`json!` + `to_string`)", f"{r:.1f}× faster", "≥ 5×", r >= 5)
    r = clean["iam-policy"] / clean["serde"]
    row("clean debug build of a minimal crate", f"{clean['iam-policy']:.1f} s", f"{clean['serde']:.1f} s (serde + serde_json, derive)", f"{r:.2f}×", "≤ 1.5×", r <= 1.5)

    svg_chart([("iam-policy check", through["wall_ours_s"]), ("parliament 1.6.4", through["wall_parliament_s"])], ROOT / "bench" / "throughput.svg")

    report = f"""# Benchmarks

Measured by `python3 bench/run.py` (one run measures everything; medians of {REPEAT} runs
unless noted). The script generates its crates under `target/bench/`, installs
parliament 1.6.4 from PyPI into a virtual environment there, and rewrites this file and
`bench/throughput.svg`. It is not part of CI.

## Machine

{m['cores']} cores ({m['cpu']}), {m['memory']} memory, {m['rustc']}, Python {m['python']};
load average {m['load']:.2f} when the run started.

## Results

| what | iam-policy | alternative | ratio | bar | |
| --- | --- | --- | --- | --- | --- |
{chr(10).join(rows)}

![throughput](bench/throughput.svg)

## Method

1. **Compile time.** Two generated crates with the same {len(picked)} policies
   ({statements} statements) from the AWS managed corpus — those the engine accepts
   without errors and that paste as Rust tokens — one written with `iam_policy::policy!`,
   one with `serde_json::json!`. Dependencies are built first; each measurement touches
   `src/main.rs` and times `cargo check` / `cargo build` (debug) of the crate alone.
2. **Macro expansion.** The macro runs the catalog and engine unoptimized inside rustc.
   The same code is timed in a debug binary: the first catalog lookup of the process,
   then `iam_policy::validate` of each of the corpus's {d['statements']:.0f} statements as
   a one-statement policy (JSON reading included, which the macro does not do).
3. **Throughput.** `iam-policy check --format json DIR` (release) against
   `parliament --directory DIR --json`, whole-process wall time and peak resident memory
   (`/usr/bin/time -v`); and in process: `iam_policy::validate` over the files (release)
   against parliament's `analyze_policy_string` in a Python loop (parliament found
   {through['parliament_findings']} findings and raised on {through['parliament_crashes']} files).
4. **Serialization.** criterion (`iam-policy/benches/to_json.rs`): `Policy::to_json()` of a
   static `policy!` against `serde_json::to_string` of the same document built with `json!`.
5. **Clean build.** A minimal crate using `policy!` against one using `serde` with derive
   and `serde_json`; fresh target directory each time, `cargo build` debug, medians of 3.
"""
    # The analysis of missed bars is written by hand; keep it across runs.
    previous = ROOT / "BENCHMARKS.md"
    marker = "## Where a bar is missed"
    if previous.exists() and marker in previous.read_text():
        report += "\n" + marker + previous.read_text().split(marker, 1)[1]
    (ROOT / "BENCHMARKS.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
