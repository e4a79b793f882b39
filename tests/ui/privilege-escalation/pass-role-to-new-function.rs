// `privilege-escalation` is a warning; `#![deny(privilege-escalation)]` inside `policy!`
// makes it an error, as a CI build that forbids escalation paths would.
use iam_policy::policy;

fn main() {
    // Passing any role to a new function and invoking it runs code as that role.
    let _ = policy!(#![deny(privilege-escalation)] {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
            "Resource": "*",
            "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}
        }, {
            "Effect": "Allow",
            "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
            "Resource": "*"
        }]
    });
}
