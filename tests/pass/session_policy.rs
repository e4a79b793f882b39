//! A session policy passed to `AssumeRole`: the session may only read one prefix.

use iam_policy::{PolicyKind, policy};

fn main() {
    let session = policy!(session {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::reports/${aws:PrincipalTag/team}/*"
        }]
    });
    assert_eq!(session.kind(), PolicyKind::Session);
}
