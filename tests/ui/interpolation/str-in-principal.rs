// `Principal` has no escape: `"*"` is everyone. The account must be a checked `AccountId`.
use iam_policy::policy;

fn main() {
    let account = "111122223333";
    let _ = policy!(trust {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "AWS": "{account}" },
            "Action": "sts:AssumeRole"
        }]
    });
}
