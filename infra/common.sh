# Shared checks for deploy.sh, invoke.sh and destroy.sh (sourced, not run).
need() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is missing. $2" >&2; exit 1; }
}
need_credentials() {
  need aws "Install the AWS CLI v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html"
  aws sts get-caller-identity >/dev/null 2>&1 || {
    echo "error: the AWS CLI has no working credentials (aws sts get-caller-identity failed)." >&2
    echo "       Configure them (aws configure, AWS_PROFILE, or SSO: aws sso login) and retry." >&2
    exit 1
  }
}
# The CDK CLI, pinned (checked against aws-cdk-lib 2.263.0 of infra/pom.xml); override with SYSRISK_CDK_CLI_VERSION.
CDK_CLI_VERSION="${SYSRISK_CDK_CLI_VERSION:-2.1148.1}"
cdk_cmd() {
  npx --yes "aws-cdk@$CDK_CLI_VERSION" "$@"
}

# The stage (SYSRISK_STAGE, default none) suffixes the stack and function names; each stage has its own outputs file.
STAGE="${SYSRISK_STAGE:-}"
stack_name() { if [ -n "$STAGE" ]; then echo "Sysrisk-$STAGE"; else echo "Sysrisk"; fi; }
outputs_file() { echo "$here/cdk-outputs${STAGE:+-$STAGE}.json"; }
