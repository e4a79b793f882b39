// Resource control policies only deny (AWS Organizations attaches `RCPFullAWSAccess`
// itself): a customer RCP with `"Effect": "Allow"` is rejected.
use iam_policy::policy;

fn main() {
    let _ = policy!(rcp {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "AllowOrgOnly",
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:*",
            "Resource": "*",
            "Condition": {
                "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" }
            }
        }]
    });
}
