// `temporary-credentials-unsupported` is a warning: it does not fail a build on its own.
// The macro reports warnings through rustc's deprecation lint, so `#![deny(deprecated)]`
// turns it into an error here and this compile-fail case shows the warning's text.
#![deny(deprecated)]

use iam_policy::policy;

fn main() {
    // A session policy is passed with temporary credentials, which Route 53 Domains does
    // not accept (AWS services that work with IAM: "Temporary credentials: No").
    let _ = policy!(session {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["route53domains:ListDomains", "route53domains:GetDomainDetail"],
            "Resource": "*"
        }]
    });
}
