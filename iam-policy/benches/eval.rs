//! Evaluations per second of a typical 10-statement identity policy (S3, SQS, `DynamoDB`,
//! KMS, `CloudWatch` Logs; conditions on `aws:SourceIp`, `aws:SecureTransport`,
//! `s3:prefix`, `kms:ViaService`; two `Deny`s) over eight requests of mixed outcome. Run
//! with `cargo bench -p iam-policy --bench eval`; `bench/differential/bench.mjs` times
//! `@cloud-copilot/iam-simulate` on the same policy and requests (`eval_policy.json`).
#![allow(missing_docs, reason = "a benchmark binary")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark binary"
)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use iam_policy::eval::{Decision, PolicySet, Request, compile_json};

const DATA: &str = include_str!("eval_policy.json");

fn setup() -> (PolicySet, Vec<Request>) {
    let data: serde_json::Value = serde_json::from_str(DATA).unwrap();
    let policy = compile_json("bench", &data["policy"].to_string()).unwrap();
    assert!(policy.findings().is_empty());
    // The key policy is not the subject here: `kms:Decrypt` is asked on `*`.
    let set = PolicySet::new().identity(policy);
    let requests = data["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let mut req = Request::new(
                r["action"].as_str().unwrap(),
                r["resource"].as_str().unwrap(),
            )
            .principal("arn:aws:sts::111122223333:assumed-role/app/task");
            for (k, v) in r["context"].as_object().unwrap() {
                req = req.context(k.as_str(), v.as_str().unwrap());
            }
            req
        })
        .collect();
    (set, requests)
}

fn eval(c: &mut Criterion) {
    let (set, requests) = setup();
    let decisions: Vec<Decision> = requests.iter().map(|r| set.decide(r)).collect();
    eprintln!("decisions: {decisions:?}");
    // The requests have mixed outcomes (checked, so the benchmark measures real work).
    assert!(decisions.contains(&Decision::Allow));
    assert!(decisions.contains(&Decision::ExplicitDeny));
    assert!(decisions.contains(&Decision::ImplicitDeny));
    let mut group = c.benchmark_group("eval");
    group.throughput(Throughput::Elements(requests.len() as u64));
    group.bench_function("decide, 10 statements, 8 requests", |b| {
        b.iter(|| {
            for r in &requests {
                black_box(set.decide(black_box(r)));
            }
        });
    });
    group.bench_function("evaluate with trace, 10 statements, 8 requests", |b| {
        b.iter(|| {
            for r in &requests {
                black_box(set.evaluate(black_box(r)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, eval);
criterion_main!(benches);
