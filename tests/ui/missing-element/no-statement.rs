// A policy needs a `Statement`: a document with only a `Version` and an `Id` grants
// nothing. (A misspelled `"Statements"` is reported once, as `unknown-element`.)
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Id": "reports-read-only"
    });
}
