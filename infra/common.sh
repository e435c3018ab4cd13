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
# The CDK CLI, pinned by infra/cdk-cli/package-lock.json (checked against aws-cdk-lib 2.263.0 of infra/pom.xml) and
# installed from it with `npm ci`. SYSRISK_CDK_CLI_VERSION picks another release instead: a version number only
# (never a URL, path or tag that npx would run), fetched by npx without the lockfile's integrity pin.
CDK_CLI_VERSION="${SYSRISK_CDK_CLI_VERSION:-}"
if [ -n "$CDK_CLI_VERSION" ] && ! [[ "$CDK_CLI_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "error: SYSRISK_CDK_CLI_VERSION must be a version number such as 2.1148.1, got '$CDK_CLI_VERSION'" >&2
  exit 2
fi
cdk_cmd() {
  if [ -n "$CDK_CLI_VERSION" ]; then
    npx --yes "aws-cdk@$CDK_CLI_VERSION" "$@"
  else
    [ -x "$here/cdk-cli/node_modules/.bin/cdk" ] || npm ci --prefix "$here/cdk-cli" --no-audit --no-fund >&2
    "$here/cdk-cli/node_modules/.bin/cdk" "$@"
  fi
}

# The region, resolved once as the AWS CLI and the CDK would (AWS_REGION, then AWS_DEFAULT_REGION, then the
# profile's), and exported under both names so that every call of every tool (bootstrap check, deploy, signing,
# invoke, delete) uses the same one.
resolve_region() {
  REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region 2>/dev/null || true)}}"
  [ -n "$REGION" ] || { echo "error: no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION), or run aws configure" >&2; exit 1; }
  export AWS_REGION="$REGION" AWS_DEFAULT_REGION="$REGION"
}

# Lambda keeps at least 100 of an account's concurrency unreserved: reserving R needs UnreservedConcurrentExecutions
# - R >= 100 (accounts with a quota of 10, new ones among them, cannot reserve any). Checked before deploying.
check_reserved_concurrency() {
  local reserved="$1" unreserved
  [ "$reserved" -gt 0 ] || return 0
  unreserved=$(aws lambda get-account-settings --region "$REGION" --query 'AccountLimit.UnreservedConcurrentExecutions' --output text)
  if ! [[ "$unreserved" =~ ^[0-9]+$ ]] || [ $((unreserved - reserved)) -lt 100 ]; then
    echo "error: cannot reserve $reserved concurrent executions: the account has ${unreserved:-?} unreserved in $REGION" >&2
    echo "       and Lambda keeps 100 unreserved. Deploy with -c sysrisk:reservedConcurrency=0 (no reservation) or" >&2
    echo "       a smaller number, or ask AWS for a higher concurrency quota." >&2
    exit 1
  fi
}

# The stage (SYSRISK_STAGE, default none) suffixes the stack and function names; each stage has its own outputs file.
# Only SYSRISK_-prefixed variables choose the stack: a generic STACK_NAME, common in CI jobs, is never read.
STAGE="${SYSRISK_STAGE:-}"
stack_name() { if [ -n "$STAGE" ]; then echo "Sysrisk-$STAGE"; else echo "Sysrisk"; fi; }
outputs_file() { echo "$here/cdk-outputs${STAGE:+-$STAGE}.json"; }
