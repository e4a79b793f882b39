// `discontinued-service` is a warning: IAM accepts the policy, but AWS Mobile Hub is gone
// and no request carries `mobilehub:` any more. The macro reports warnings through rustc's
// deprecation lint, so `#![deny(deprecated)]` turns it into an error here and this
// compile-fail case shows the warning's text.
#![deny(deprecated)]

use iam_policy::policy;

fn main() {
    let _ = policy!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["mobilehub:CreateProject", "amplify:CreateApp"],
            "Resource": "*"
        }]
    });
}
