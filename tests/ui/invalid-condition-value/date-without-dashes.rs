// Date conditions take W3C ISO 8601 dates (`2026-12-31T23:59:59Z`) or epoch seconds.
use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/*",
            "Condition": {
                "DateLessThan": { "aws:CurrentTime": "31/12/2026" }
            }
        }]
    });
}
