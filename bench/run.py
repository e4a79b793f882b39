#!/usr/bin/env python3
"""Benchmarks of iam-policy against the alternatives, measured as ratios in one run.

    python3 bench/run.py            # everything; rewrites BENCHMARKS.md and bench/throughput.svg
    python3 bench/run.py --quick    # 3 repetitions instead of 5, shorter criterion runs

Everything it generates lives under target/bench/. It installs parliament 1.6.4 into a
virtual environment there (from PyPI, with pip) and needs the corpus of AWS managed
policies at $IAM_POLICY_CORPUS/aws-managed-policies (default: ../shared/corpus beside the
checkout). Not part of CI: it takes about ten minutes and measures wall time.
"""

import datetime
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
INVOCATIONS = 500
CLI = ROOT / "target" / "release" / "iam-policy"


def run(cmd, cwd=None, env=None):
    merged = dict(os.environ, **(env or {}))
    done = subprocess.run(cmd, cwd=cwd, env=merged, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(map(str, cmd))}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done


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


def wall(cmd, ok=(0, 1)):
    """Wall time of a command that exits 1 when it finds something (both checkers do)."""
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in ok or "Traceback" in done.stderr:
        sys.exit(f"failed ({done.returncode}): {' '.join(map(str, cmd))}\n{done.stderr[-3000:]}")
    return elapsed, done.stdout


def peak_rss_mb(cmd):
    out = subprocess.run(["/usr/bin/time", "-v"] + [str(c) for c in cmd], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr)
    return int(match.group(1)) / 1024 if match else float("nan")


def new_crate(name, deps, main):
    """A one-file binary crate of its own workspace, locked to the workspace's versions."""
    crate = WORK / name
    (crate / "src").mkdir(parents=True, exist_ok=True)
    (crate / "Cargo.toml").write_text(f"""[package]
name = "{name}"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
{deps}

[workspace]
""")
    # Same dependency versions as the workspace: cargo keeps the entries it needs.
    shutil.copyfile(ROOT / "Cargo.lock", crate / "Cargo.lock")
    (crate / "src" / "main.rs").write_text(main)
    return crate


IAM_POLICY_DEP = f'iam-policy = {{ path = "{ROOT / "iam-policy"}" }}'


# --- the corpus policies the macro accepts -------------------------------------------------

def corpus_report():
    out = subprocess.run([str(CLI), "check", "--format", "json", str(CORPUS)],
                         stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out)["files"]


def rust_tokens(text):
    """The policy as Rust tokens that both `policy!` and `json!` read as the same JSON.

    `{name}` inside a string is an insertion for `policy!`, and Rust lacks JSON's `\\/`,
    `\\b`, `\\f` and `\\uXXXX` escapes: the few policies that need them are skipped."""
    body = json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    if re.search(r"(?<!\$)\{[A-Za-z_]", body) or re.search(r"\\[/bfu]", body):
        return None
    return body


def statement_count(body):
    statement = json.loads(body)["Statement"]
    return len(statement) if isinstance(statement, list) else 1


def pick_policies(files):
    """INVOCATIONS distinct corpus policies without any finding, spread over the corpus."""
    clean = sorted((Path(f["path"]).stem, Path(f["path"]).read_text())
                   for f in files if not f.get("error") and not f["diagnostics"])
    usable = [(n, b) for n, b in ((n, rust_tokens(t)) for n, t in clean) if b]
    if len(usable) < INVOCATIONS:
        sys.exit(f"only {len(usable)} clean policies paste as Rust tokens; need {INVOCATIONS}")
    step = len(usable) / INVOCATIONS
    return [usable[int(i * step)] for i in range(INVOCATIONS)], len(clean), len(usable)


# --- 1. compile time: 500 policy! vs 500 json! ---------------------------------------------

SKIP_MACRO = """// The same tokens, read by a `macro_rules!` that discards them and gives the value the
// `policy!` expansion gives: everything rustc does for a `policy!` except running the macro.
macro_rules! skip {
    ($json:literal, $($body:tt)*) => {
        iam_policy::__private::from_static(iam_policy::__private::PolicyKind::Identity, $json)
    };
}
"""


def compile_main(policies, flavour):
    # `json!` recurses per token: large policies need a higher limit (set for all crates).
    lines = ['#![recursion_limit = "4096"]'] + ([SKIP_MACRO] if flavour == "tokens" else [])
    lines += ["fn main() {", "    let mut n = 0usize;"]
    for i, (_, body) in enumerate(policies):
        if flavour == "policy":
            lines.append(f"    let p{i} = iam_policy::policy!({body});\n    n += p{i}.to_json().len();")
        elif flavour == "tokens":
            minified = json.dumps(json.loads(body), separators=(",", ":"), ensure_ascii=False)
            assert '"##' not in minified
            lines.append(f'    let p{i} = skip!(r##"{minified}"##, {body});\n    n += p{i}.to_json().len();')
        else:
            lines.append(f"    let p{i} = serde_json::json!({body});\n    n += p{i}.to_string().len();")
    lines += ['    println!("{n}");', "}"]
    return "\n".join(lines) + "\n"


def bench_compile(policies):
    results = {}
    env = {"CARGO_TARGET_DIR": str(WORK / "target-compile")}
    crates = {
        "policy": new_crate("compile-policy", IAM_POLICY_DEP, compile_main(policies, "policy")),
        "json": new_crate("compile-json", 'serde_json = "1"', compile_main(policies, "json")),
        "tokens": new_crate("compile-tokens", IAM_POLICY_DEP, compile_main(policies, "tokens")),
        "policy1": new_crate("compile-policy1", IAM_POLICY_DEP, compile_main(policies[:1], "policy")),
        "tokens1": new_crate("compile-tokens1", IAM_POLICY_DEP, compile_main(policies[:1], "tokens")),
    }
    for flavour, crate in crates.items():
        first = run(["cargo", "build"], cwd=crate, env=env)  # dependencies, once
        results[f"{flavour}_warnings"] = first.stderr.count("warning:")
    touch = lambda c: os.utime(c / "src" / "main.rs")
    check = ["cargo", "check", "--quiet"]
    for flavour in ("policy", "json", "tokens"):
        crate = crates[flavour]
        results[f"{flavour}_check"] = median_time(check, cwd=crate, env=env, before=lambda: touch(crate))
        if flavour != "tokens":
            results[f"{flavour}_build"] = median_time(["cargo", "build", "--quiet"], cwd=crate, env=env,
                                                      before=lambda: touch(crate))
    # The first `policy!` of a crate inside rustc: one invocation against the same crate
    # without the macro, alternated so that both see the same machine.
    differences = []
    for _ in range(4 * REPEAT + 1):
        pair = []
        for flavour in ("policy1", "tokens1"):
            touch(crates[flavour])
            pair.append(timed(check, cwd=crates[flavour], env=env))
        differences.append(pair[0] - pair[1])
    results["first_in_rustc_s"] = statistics.median(differences)
    return results


# --- 2 and 3 (in-process): the engine in a debug and a release binary -----------------------

ENGINE_MAIN = r'''//! Times the engine as the macro runs it (debug) and as the CLI runs it (release).
use std::time::Instant;

const ONE: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}"#;

fn texts(dir: &str) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let kind = iam_policy::PolicyKind::Identity;
    match args[1].as_str() {
        // The first catalog lookup of the process.
        "first-lookup" => {
            let t = Instant::now();
            let found = iam_policy::catalog::action("s3:GetObject").is_some();
            let us = t.elapsed().as_secs_f64() * 1e6;
            assert!(found);
            println!("{}", serde_json::json!({ "us": us }));
        }
        // The first check of the process: what the first `policy!` of a crate pays.
        "first-check" => {
            let t = Instant::now();
            let n = iam_policy::validate(ONE, kind).len();
            let us = t.elapsed().as_secs_f64() * 1e6;
            assert_eq!(n, 0);
            println!("{}", serde_json::json!({ "us": us }));
        }
        // Each corpus statement as its own one-statement policy, after a warm-up check.
        "statements" => {
            let mut statements = Vec::new();
            for text in texts(&args[2]) {
                let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
                let list = match &doc["Statement"] {
                    serde_json::Value::Array(a) => a.clone(),
                    s => vec![s.clone()],
                };
                for s in list {
                    statements.push(serde_json::json!({"Version": "2012-10-17", "Statement": [s]}).to_string());
                }
            }
            std::hint::black_box(iam_policy::validate(ONE, kind));
            // Per statement, the best of three runs (its own cost, without the machine's
            // other work): the engine alone on a tree read beforehand (what the macro runs
            // after its syn parse), and `validate` with the JSON reading.
            let best = |f: &dyn Fn() -> usize| {
                let (mut us, mut n) = (f64::MAX, 0);
                for _ in 0..3 {
                    let t = Instant::now();
                    n = std::hint::black_box(f());
                    us = us.min(t.elapsed().as_secs_f64() * 1e6);
                }
                (us, n)
            };
            // (engine µs, validate µs, findings, statement)
            let mut timed: Vec<(f64, f64, usize, &String)> = Vec::new();
            for s in &statements {
                let view = iam_policy::catalog::PolicyView::new(iam_policy::json::read(s).unwrap());
                let (engine, n) = best(&|| iam_policy::catalog::check(&view, kind).len());
                let (validate, _) = best(&|| iam_policy::validate(s, kind).len());
                timed.push((engine, validate, n, s));
            }
            let stats = |with_findings: bool, pick: fn(&(f64, f64, usize, &String)) -> f64| {
                let mut us: Vec<f64> = timed.iter().filter(|t| (t.2 > 0) == with_findings).map(pick).collect();
                us.sort_by(f64::total_cmp);
                let total: f64 = us.iter().sum();
                let tail: f64 = us[us.len() * 9 / 10..].iter().sum();
                serde_json::json!({
                    "statements": us.len(), "median_us": us[us.len() / 2],
                    "p90_us": us[us.len() * 9 / 10], "mean_us": total / us.len() as f64,
                    "max_us": us[us.len() - 1], "slowest_tenth_share": tail / total,
                })
            };
            let summary = serde_json::json!({
                "engine_clean": stats(false, |t| t.0), "engine_with_findings": stats(true, |t| t.0),
                "validate_clean": stats(false, |t| t.1), "validate_with_findings": stats(true, |t| t.1),
            });
            timed.sort_by(|a, b| b.0.total_cmp(&a.0));
            let slowest: Vec<_> = timed.iter().filter(|t| t.2 == 0).take(5).map(|(us, _, _, s)| {
                let v: serde_json::Value = serde_json::from_str(s).unwrap();
                let st = &v["Statement"][0];
                let count = |k: &str| match &st[k] { serde_json::Value::Array(a) => a.len(), serde_json::Value::Null => 0, _ => 1 };
                let first = |k: &str| match &st[k] { serde_json::Value::Array(a) => a.first().cloned().unwrap_or_default(), a => a.clone() };
                serde_json::json!({ "us": us, "actions": count("Action") + count("NotAction"),
                    "resources": count("Resource") + count("NotResource"), "bytes": s.len(),
                    "first_action": first("Action"), "first_resource": first("Resource") })
            }).collect();
            println!("{}", serde_json::json!({
                "statements": timed.len(), "summary": summary, "slowest_clean": slowest,
            }));
        }
        // The whole corpus, file texts already in memory.
        "corpus" => {
            let texts = texts(&args[2]);
            let t = Instant::now();
            let findings: usize = texts.iter().map(|text| iam_policy::validate(text, kind).len()).sum();
            let s = t.elapsed().as_secs_f64();
            println!("{}", serde_json::json!({ "s": s, "files": texts.len(), "findings": findings }));
        }
        other => panic!("unknown mode {other}"),
    }
}
'''


def median_of(results):
    """The median of each number in a list of same-shaped JSON objects (other values: the first)."""
    first = results[0]
    if isinstance(first, dict):
        return {k: median_of([r[k] for r in results]) for k in first}
    if isinstance(first, (int, float)) and not isinstance(first, bool):
        return statistics.median(results)
    return first


def bench_engine():
    crate = new_crate("engine", f'{IAM_POLICY_DEP}\nserde_json = "1"', ENGINE_MAIN)
    env = {"CARGO_TARGET_DIR": str(WORK / "target-engine")}

    def runs(profile, *args, repeat=REPEAT):
        binary = WORK / "target-engine" / profile / "engine"
        return median_of([json.loads(run([str(binary), *map(str, args)]).stdout) for _ in range(repeat)])

    out = {}
    run(["cargo", "build", "--quiet"], cwd=crate, env=env)
    out["first_lookup_us"] = runs("debug", "first-lookup", repeat=2 * REPEAT + 1)["us"]
    out["first_check_us"] = runs("debug", "first-check", repeat=2 * REPEAT + 1)["us"]
    out["statements"] = runs("debug", "statements", CORPUS)
    run(["cargo", "build", "--quiet", "--release"], cwd=crate, env=env)
    out["corpus_release"] = runs("release", "corpus", CORPUS)
    out["corpus_debug"] = runs("debug", "corpus", CORPUS, repeat=1)
    return out


# --- 3. throughput against parliament -------------------------------------------------------

PARLIAMENT_INPROCESS = r'''
import json, sys, time, pathlib
from parliament import analyze_policy_string
files = sorted(pathlib.Path(sys.argv[1]).glob("*.json"))
texts = [(f.name, f.read_text()) for f in files]
t = time.perf_counter(); findings = 0; crashed = []
for name, text in texts:
    try:
        findings += len(analyze_policy_string(text).findings)
    except Exception as e:
        crashed.append([name, f"{type(e).__name__}: {e}"])
print(json.dumps({"seconds": time.perf_counter() - t, "files": len(texts), "findings": findings, "crashed": crashed}))
'''


def bench_throughput():
    venv = WORK / "venv"
    if not (venv / "bin" / "parliament").exists():
        run([sys.executable, "-m", "venv", str(venv)])
        run([str(venv / "bin" / "pip"), "install", "--quiet", "parliament==1.6.4"])
    version = run([str(venv / "bin" / "python"), "-c",
                   "import importlib.metadata as m; print(m.version('parliament'))"]).stdout.strip()
    script = WORK / "parliament_inprocess.py"
    script.write_text(PARLIAMENT_INPROCESS)
    inproc = json.loads(run([str(venv / "bin" / "python"), str(script), str(CORPUS)]).stdout)

    # `parliament --directory` stops at the first policy it raises on, so the whole-process
    # comparison runs both tools on a directory of the files parliament gets through.
    crashed = {name for name, _ in inproc["crashed"]}
    subset = WORK / "corpus-parliament-completes"
    shutil.rmtree(subset, ignore_errors=True)
    subset.mkdir(parents=True)
    for f in sorted(CORPUS.glob("*.json")):
        if f.name not in crashed:
            (subset / f.name).symlink_to(f)
    ours = lambda d: [str(CLI), "check", "--format", "json", str(d)]
    theirs = [str(venv / "bin" / "parliament"), "--directory", str(subset), "--json"]

    # Both print their findings; check they went through every file once.
    _, text = wall(ours(subset))
    checked = len(json.loads(text)["files"])
    _, text = wall(theirs)
    reported = {json.loads(line)["location"]["filepath"] for line in text.splitlines() if line.strip()}

    wall_ours = statistics.median(wall(ours(subset))[0] for _ in range(REPEAT))
    wall_ours_all = statistics.median(wall(ours(CORPUS))[0] for _ in range(REPEAT))
    wall_theirs = statistics.median(wall(theirs)[0] for _ in range(3))
    return {
        "parliament_version": version, "subset_files": len(list(subset.iterdir())),
        "ours_checked": checked, "parliament_files_with_findings": len(reported),
        "wall_ours_s": wall_ours, "wall_ours_all_s": wall_ours_all, "wall_parliament_s": wall_theirs,
        "rss_ours_mb": peak_rss_mb(ours(CORPUS)), "rss_parliament_mb": peak_rss_mb(theirs),
        "inprocess_parliament_s": inproc["seconds"], "parliament_findings": inproc["findings"],
        "parliament_crashed": inproc["crashed"], "corpus_files": inproc["files"],
    }


# --- 4. to_json: criterion --------------------------------------------------------------------

def bench_to_json():
    args = ["--noplot"] + (["--warm-up-time", "1", "--measurement-time", "2"] if QUICK else [])
    out = run(["cargo", "bench", "-p", "iam-policy", "--bench", "to_json", "--"] + args, cwd=ROOT).stdout
    times = {}
    units = {"ps": 1e-12, "ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1}
    for name in ("policy_to_json", "serde_json_to_string", "serde_json_build_and_to_string"):
        m = re.search(re.escape(name) + r"\s+time:\s+\[\S+ \S+ (\S+) (\S+)", out)
        if m:
            times[name] = float(m.group(1)) * units[m.group(2)]
    return times


# --- 5. clean build of a minimal user crate -------------------------------------------------

def timings_top(target, count=6):
    """The slowest units of the last `cargo build --timings` in this target directory."""
    html = (target / "cargo-timings" / "cargo-timing.html").read_text()
    m = re.search(r"const UNIT_DATA = (\[.*?\n\]);", html, re.S)
    if not m:
        return []
    units = [u for u in json.loads(m.group(1)) if "run-custom-build" not in u["mode"]]
    units.sort(key=lambda u: -u["duration"])
    return [(u["name"] + (" (build script)" if u["target"].strip() == "build-script" else ""), u["duration"])
            for u in units[:count]]


def bench_clean_build():
    results = {}
    variants = {
        "iam-policy": (IAM_POLICY_DEP,
                       'fn main() {\n    let p = iam_policy::policy!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}]});\n    println!("{}", p.to_json());\n}\n'),
        "serde": ('serde = { version = "1", features = ["derive"] }\nserde_json = "1"',
                  '#[derive(serde::Serialize)]\nstruct S {\n    a: u32,\n}\n\nfn main() {\n    println!("{}", serde_json::to_string(&S { a: 1 }).unwrap());\n}\n'),
    }
    for name, (deps, main) in variants.items():
        crate = new_crate(f"clean-{name}", deps, main)
        target = WORK / f"target-clean-{name}"
        # The minimal crate names iam-policy by path; cargo compiles path dependencies
        # incrementally but crates.io ones not. A user's build of the published crates is
        # not incremental, so neither build here is (the serde crate's are all crates.io).
        env = {"CARGO_TARGET_DIR": str(target), "CARGO_INCREMENTAL": "0"}
        run(["cargo", "fetch", "--quiet"], cwd=crate, env=env)
        fresh = lambda t=target: shutil.rmtree(t, ignore_errors=True)
        results[name] = median_time(["cargo", "build", "--quiet", "--offline"], cwd=crate, env=env,
                                    before=fresh, repeat=3)
        fresh()
        run(["cargo", "build", "--quiet", "--offline", "--timings"], cwd=crate, env=env)
        results[f"{name}_top"] = timings_top(target)
    return results


# --- report -----------------------------------------------------------------------------------

def svg_chart(groups, path, bar=100):
    """Horizontal bars, one group per comparison (ours first); seconds, shorter is better.
    A dashed line marks where the alternative would have to be for the `bar`× target."""
    width, bar_h, left, right = 780, 26, 290, 110
    longest = max(max(v for _, v in bars + [("", bars[0][1] * bar)]) for _, bars in groups)
    scale = (width - left - right) / longest
    y = 58
    parts = []
    for title, bars in groups:
        parts.append(f'<text x="10" y="{y + 14}" font-weight="bold">{title}</text>')
        y += 24
        top = y
        for label, value in bars:
            w = max(2.0, value * scale)
            color = "#2b6cb0" if label.startswith("iam-policy") else "#c05621"
            parts.append(f'<text x="20" y="{y + bar_h * 0.7:.0f}">{label}</text>')
            parts.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{color}"/>')
            shown = f"{value * 1e3:.0f} ms" if value < 1 else f"{value:.2f} s"
            parts.append(f'<text x="{left + w + 8:.1f}" y="{y + bar_h * 0.7:.0f}">{shown}</text>')
            y += bar_h + 6
        target = left + bars[0][1] * bar * scale
        parts.append(f'<line x1="{target:.1f}" y1="{top - 4}" x2="{target:.1f}" y2="{y}" stroke="#444" stroke-dasharray="4 3"/>')
        parts.append(f'<text x="{target - 4:.1f}" y="{y + 14}" text-anchor="end" font-size="12" fill="#444">bar: {bar}×</text>')
        ratio = bars[1][1] / bars[0][1]
        parts.append(f'<text x="{left}" y="{y + 14}" font-style="italic">iam-policy {ratio:.0f}× faster</text>')
        y += 34
    head = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y}" viewBox="0 0 {width} {y}" font-family="sans-serif" font-size="14">',
            f'<rect width="{width}" height="{y}" fill="white"/>',
            '<text x="10" y="26" font-size="16" font-weight="bold">Checking the AWS managed policies: time, shorter is better</text>']
    path.write_text("\n".join(head + parts + ["</svg>"]) + "\n")


def machine():
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = run(["free", "-h"]).stdout.splitlines()[1].split()[1]
    return {"cpu": cpu, "cores": run(["nproc"]).stdout.strip(), "memory": mem,
            "rustc": run(["rustc", "--version"]).stdout.strip(), "python": platform.python_version(),
            "commit": run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT).stdout.strip()}


def fmt_s(seconds):
    return f"{seconds * 1e3:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main():
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS} (set IAM_POLICY_CORPUS)")
    WORK.mkdir(parents=True, exist_ok=True)
    started, load_start = time.perf_counter(), os.getloadavg()
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print("building the CLI (release)…", flush=True)
    run(["cargo", "build", "--release", "--quiet", "-p", "iam-policy-cli"], cwd=ROOT)

    picked, clean_count, usable_count = pick_policies(corpus_report())
    statements = sum(statement_count(b) for _, b in picked)

    print(f"1/5 compile time ({INVOCATIONS} policy! vs {INVOCATIONS} json!)…", flush=True)
    compile_ = bench_compile(picked)
    print("2/5 engine timings (debug and release)…", flush=True)
    engine = bench_engine()
    print("3/5 throughput vs parliament…", flush=True)
    through = bench_throughput()
    print("4/5 to_json vs serde_json (criterion)…", flush=True)
    to_json = bench_to_json()
    print("5/5 clean build of a minimal crate…", flush=True)
    clean = bench_clean_build()
    load_end, minutes = os.getloadavg(), (time.perf_counter() - started) / 60

    m = machine()
    rows, misses = [], []

    def row(what, ours, theirs, ratio, bar, ok):
        verdict = "—" if ok is None else "pass" if ok else "**miss**"
        rows.append(f"| {what} | {ours} | {theirs} | {ratio} | {bar} | {verdict} |")
        if ok is False:
            misses.append(what)

    c = compile_
    r = c["policy_check"] / c["json_check"]
    row(f"`cargo check`, {INVOCATIONS} invocations (crate only)", f"{c['policy_check']:.2f} s (`policy!`)", f"{c['json_check']:.2f} s (`json!`)", f"{r:.2f}×", "≤ 1×", r <= 1.0)
    r = c["policy_build"] / c["json_build"]
    row(f"`cargo build`, {INVOCATIONS} invocations (crate only)", f"{c['policy_build']:.2f} s", f"{c['json_build']:.2f} s", f"{r:.2f}×", "≤ 1×", r <= 1.0)
    e = engine
    row("first catalog lookup of a process, debug", f"{e['first_lookup_us']:.0f} µs", "—", "—", "≤ 10 ms", e["first_lookup_us"] <= 10_000)
    row("first check of a process, debug (the first `policy!`)", f"{e['first_check_us']:.0f} µs", "—", "—", "≤ 10 ms", e["first_check_us"] <= 10_000)
    first_rustc = c["first_in_rustc_s"] * 1e3
    row("first `policy!` of a crate inside rustc (1 invocation minus no macro)", f"{first_rustc:.1f} ms", "—", "—", "(≤ 10 ms)", None)
    st = e["statements"]["summary"]
    ec, vc, ef = st["engine_clean"], st["validate_clean"], st["engine_with_findings"]
    row(f"per statement, debug, engine: p90 (median, mean) of {ec['statements']:,} clean statements",
        f"{ec['p90_us']:.0f} µs ({ec['median_us']:.0f} µs, {ec['mean_us']:.1f} µs)", "—", "—", "p90 ≤ 50 µs", ec["p90_us"] <= 50)
    row("per statement, debug, with the JSON reading: mean (median)", f"{vc['mean_us']:.1f} µs ({vc['median_us']:.0f} µs)", "—", "—", "(≤ 50 µs)", None)
    row(f"per statement, debug, engine, {ef['statements']:,} statements with findings: mean (median)", f"{ef['mean_us']:.0f} µs ({ef['median_us']:.0f} µs)", "—", "—", "(≤ 50 µs)", None)
    slope = (c["policy_check"] - c["tokens_check"]) / statements
    row(f"per statement inside rustc: `cargo check` of {INVOCATIONS} `policy!` minus the same tokens without the macro", f"{slope * 1e6:.0f} µs", "—", "—", "(≤ 50 µs)", None)
    t = through
    r = t["wall_parliament_s"] / t["wall_ours_s"]
    row(f"check {t['subset_files']:,} policies, whole process", fmt_s(t["wall_ours_s"]), f"{t['wall_parliament_s']:.2f} s (parliament)", f"{r:.0f}× faster", "≥ 100×", r >= 100)
    ours_in = e["corpus_release"]["s"]
    r2 = t["inprocess_parliament_s"] / ours_in
    row(f"check {t['corpus_files']:,} policies, in process", fmt_s(ours_in), f"{t['inprocess_parliament_s']:.2f} s (parliament)", f"{r2:.0f}× faster", "(≥ 100×)", None)
    row(f"peak memory, whole process ({t['corpus_files']:,} files)", f"{t['rss_ours_mb']:.1f} MB", f"{t['rss_parliament_mb']:.1f} MB", "—", "≤ 20 MB", t["rss_ours_mb"] <= 20)
    tj = to_json
    if "policy_to_json" in tj and "serde_json_to_string" in tj:
        r = tj["serde_json_to_string"] / tj["policy_to_json"]
        row("`to_json()` of a static policy", f"{tj['policy_to_json'] * 1e9:.1f} ns", f"{tj['serde_json_to_string'] * 1e9:.0f} ns (`to_string` of a built `json!`)", f"{r:.1f}× faster", "≥ 5×", r >= 5)
    else:
        row("`to_json()` of a static policy", "no result", "no result", "—", "≥ 5×", False)
    r = clean["iam-policy"] / clean["serde"]
    row("clean debug build of a minimal crate", f"{clean['iam-policy']:.1f} s", f"{clean['serde']:.1f} s (serde derive + serde_json)", f"{r:.2f}×", "≤ 1.5×", r <= 1.5)

    svg_chart([
        (f"Whole process, {t['subset_files']:,} files (CLI, release)",
         [("iam-policy check", t["wall_ours_s"]), (f"parliament {t['parliament_version']}", t["wall_parliament_s"])]),
        (f"In process, {t['corpus_files']:,} files (library calls)",
         [("iam-policy validate", ours_in), ("parliament (analyze_policy_string)", t["inprocess_parliament_s"])]),
    ], ROOT / "bench" / "throughput.svg")

    crashed = "; ".join(f"`{n}` ({msg})" for n, msg in t["parliament_crashed"]) or "none"
    top = lambda k: ", ".join(f"{n} {d:.1f} s" for n, d in clean[k])
    extra = ""
    if "serde_json_build_and_to_string" in tj:
        extra = (f" Building the `json!` value inside the loop as well takes "
                 f"{tj['serde_json_build_and_to_string'] * 1e9:.0f} ns.")
    report = f"""# Benchmarks

`iam-policy` against the alternatives, measured as ratios in one run of

```sh
python3 bench/run.py
```

(`--quick` for 3 repetitions instead of 5). The script generates its crates under
`target/bench/`, installs parliament {t['parliament_version']} with pip into a virtual environment
there, reads the AWS managed policies from `$IAM_POLICY_CORPUS/aws-managed-policies`
(default `../shared/corpus/`), and rewrites this file and `bench/throughput.svg`. It is
**not part of CI**: it takes about ten minutes and measures wall time, which a shared CI
machine makes meaningless. The section "How the bars are met" is written by hand and kept
across runs.

## Machine and conditions

{m['cores']} cores ({m['cpu']}), {m['memory']} memory, {m['rustc']}, Python {m['python']}.
Run of {when} at commit `{m['commit']}`, {minutes:.1f} minutes; load average (1, 5, 15 min)
{load_start[0]:.2f} / {load_start[1]:.2f} / {load_start[2]:.2f} at the start and
{load_end[0]:.2f} / {load_end[1]:.2f} / {load_end[2]:.2f} at the end (the script itself keeps one
core busy: anything above ~1 means other work shared the machine).

## Results

Medians of {REPEAT} runs unless noted.

| what | iam-policy | alternative | ratio | bar | |
| --- | --- | --- | --- | --- | --- |
{chr(10).join(rows)}

![Checking the AWS managed policies: iam-policy against parliament](bench/throughput.svg)

## Method

1. **Compile time.** Two generated crates with the same {INVOCATIONS} distinct policies
   ({statements:,} statements) from the AWS managed corpus, one written with
   `iam_policy::policy!`, one with `serde_json::json!`. The policies are spread evenly
   over the {usable_count:,} corpus files that have no finding at all and paste as Rust
   tokens ({clean_count:,} have no finding; the others hold a `{{name}}` that `policy!` would
   read as an insertion, or a JSON escape Rust lacks), so no crate needs an `#[allow]`
   (the `policy!` crate built with {c['policy_warnings']} warnings). All crates set
   `#![recursion_limit = "4096"]`, which `json!` needs for the larger policies. Each crate
   has its own workspace, locked to the workspace's `Cargo.lock`; dependencies are built
   first, then each measurement touches `src/main.rs` and times `cargo check` /
   `cargo build` (debug) of the crate alone.
2. **Macro expansion.** The macro runs the catalog and the engine unoptimized inside
   rustc, and reads no file, so the bars are measured on the same code in a debug binary
   (`opt-level = 0`, as Cargo builds proc macros): a fresh process's first catalog lookup
   and a fresh process's first `iam_policy::validate` of a one-statement policy
   ({2 * REPEAT + 1} processes each); then each of the corpus's {e['statements']['statements']:,} statements as a
   one-statement policy, best of three runs each: `iam_policy::catalog::check` on the
   tree read beforehand (the engine and the catalog, what the macro runs after its syn
   parse), and `iam_policy::validate` with the JSON reading. The bar is judged on the
   90th percentile over the statements without findings (a crate that compiles); statements with
   findings also pay for the did-you-mean search over the catalog, on a build that fails
   anyway. The slowest clean statements are those with many resources for an action with
   many resource types (`apigateway:GET` with {e['statements']['slowest_clean'][0]['resources']} resources:
   {e['statements']['slowest_clean'][0]['us'] / 1e3:.1f} ms). Two rows measure inside rustc, for information: `cargo check`
   of the {INVOCATIONS}-`policy!` crate minus a crate with the same tokens passed to a
   `macro_rules!` that discards them and gives the same `from_static` value (everything
   but running the macro: token conversion, syn parse, lowering, engine, expansion),
   divided by its {statements:,} statements; and the same difference for a one-invocation
   crate (median of {4 * REPEAT + 1} alternated pairs): the first `policy!` of a crate.
3. **Throughput.** In process: `iam_policy::validate` over the {t['corpus_files']:,} file texts (release
   build, texts already in memory; {e['corpus_release']['findings']:,} findings) against parliament's
   `analyze_policy_string` over the same texts in a Python loop ({t['parliament_findings']:,} findings;
   it raises on {len(t['parliament_crashed'])}: {crashed}); one thread, for information.
   Whole process, the bar (both tools as a user runs them, on the same files): `iam-policy check --format json DIR` (release) against
   `parliament --directory DIR --json`. `parliament --directory` stops at the first policy
   it raises on, so DIR holds the {t['subset_files']:,} files it gets through (links under
   `target/bench/`); the script checks that our output lists all {t['ours_checked']:,} and that
   parliament ran to the end (it reported findings in {t['parliament_files_with_findings']:,} files).
   On all {t['corpus_files']:,} files `iam-policy check` takes {fmt_s(t['wall_ours_all_s'])}. Peak resident memory
   is `/usr/bin/time -v`'s maximum resident set size.
4. **Serialization.** criterion (`iam-policy/benches/to_json.rs`, `cargo bench -p
   iam-policy --bench to_json`): `Policy::to_json()` of a static `policy!` (two statements,
   a condition) against `serde_json::to_string` of the same document built once with
   `json!`.{extra}
5. **Clean build.** A minimal binary using one `policy!` against one using
   `#[derive(serde::Serialize)]` and `serde_json::to_string`; a fresh target directory
   each time, `cargo build` (debug, offline from the local registry cache, `CARGO_INCREMENTAL=0`
   for both: cargo builds a path dependency incrementally and a crates.io one not, and a
   user's build of the published crates is the latter), medians of 3.
   Slowest units by `cargo build --timings`: iam-policy crate — {top('iam-policy_top')};
   serde crate — {top('serde_top')}.
"""
    # The analysis of the bars is written by hand; keep it across runs.
    previous = ROOT / "BENCHMARKS.md"
    marker = "## How the bars are met"
    if previous.exists() and marker in previous.read_text():
        report += "\n" + marker + previous.read_text().split(marker, 1)[1]
    if misses:
        report += f"\n## Missed in this run\n\nTo be analysed: {', '.join(misses)}.\n"
    (ROOT / "BENCHMARKS.md").write_text(report)
    (WORK / "results.json").write_text(json.dumps({"compile": compile_, "engine": engine, "throughput": through,
                                                   "to_json": to_json, "clean": clean, "machine": m}, indent=2))
    print(report)


if __name__ == "__main__":
    main()
