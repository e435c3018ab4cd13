#!/usr/bin/env bash
# Deletes the deployed stack (function, URL, role, log group). The CDK bootstrap stack (CDKToolkit) and its
# asset bucket stay; delete them yourself if nothing else of yours uses them.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"
need_credentials
stack=${STACK_NAME:-Sysrisk}
aws cloudformation describe-stacks --stack-name "$stack" >/dev/null 2>&1 || {
  echo "nothing to delete: no stack named $stack in this account and region" >&2; exit 0; }
echo "== deleting stack $stack"
aws cloudformation delete-stack --stack-name "$stack"
aws cloudformation wait stack-delete-complete --stack-name "$stack"
rm -f "$here/cdk-outputs.json"
echo "== deleted"
