// Athena has no resource-based policies: nothing can attach this policy to a workgroup.
use iam_policy::policy;

fn main() {
    let _ = policy!(resource {
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "AnalystsRunQueries",
            "Effect": "Allow",
            "Principal": { "AWS": "arn:aws:iam::123456789012:role/analyst" },
            "Action": ["athena:StartQueryExecution", "athena:GetQueryResults"],
            "Resource": "arn:aws:athena:us-east-1:123456789012:workgroup/analytics"
        }]
    });
}
