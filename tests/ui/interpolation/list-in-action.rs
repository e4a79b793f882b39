// A whole `(expr)` list in `Action` takes checked values (`Literal`), not `&str`.
use iam_policy::policy;

fn main() {
    let actions = vec!["s3:GetObject", "s3:*"];
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": (actions),
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
