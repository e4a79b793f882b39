// `Action` has no escape for `*` and `?`: a `&str` from a request could be `*` and grant
// every action of the service, so only checked types are taken there.
use iam_policy::policy;

fn main() {
    let action = String::from("GetObject");
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:{action}",
            "Resource": "arn:aws:s3:::reports/*"
        }]
    });
}
