// `allow-with-not` is a warning: `#![deny(deprecated)]` turns the macro's warnings into
// errors here, so this case shows the warning's text as rustc prints it.
#![deny(deprecated)]

use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "NotAction": ["iam:*", "organizations:*"],
            "Resource": "*",
            "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}
        }]
    });
}
