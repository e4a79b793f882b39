// `minimize` writes `Prefix*` patterns: a warning, which `-D warnings` makes an error.
#![deny(deprecated)]

fn main() {
    let _ = iam_policy::generate!({
        "minimize": true,
        "read": ["arn:aws:s3:::reports/*"]
    });
}
