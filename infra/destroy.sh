#!/usr/bin/env bash
# Deletes the deployed stack (function, URL, role, log group). The CDK bootstrap stack (CDKToolkit) and its
# asset bucket stay; delete them yourself if nothing else of yours uses them.
#
#   infra/destroy.sh          shows the account, region and stack, and asks before deleting
#   infra/destroy.sh --yes    deletes without asking (scripts); still prints what it deletes
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"
yes=false
for arg in "$@"; do
  case "$arg" in
    --yes) yes=true ;;
    *) echo "error: unknown option '$arg' (use --yes to delete without asking)" >&2; exit 2 ;;
  esac
done
need_credentials
stack=${STACK_NAME:-$(stack_name)}
account=$(aws sts get-caller-identity --query Account --output text)
region=${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region || true)}}
aws cloudformation describe-stacks --stack-name "$stack" >/dev/null 2>&1 || {
  echo "nothing to delete: no stack named $stack in account $account, region ${region:-?}" >&2; exit 0; }
echo "== about to delete stack '$stack' in account $account, region ${region:-?}"
if [ "$yes" != true ]; then
  if [ ! -t 0 ]; then
    echo "error: not a terminal, so nothing was deleted; run with --yes to delete without asking" >&2
    exit 2
  fi
  read -r -p "Type the stack name to delete it: " answer
  [ "$answer" = "$stack" ] || { echo "not deleted" >&2; exit 1; }
fi
aws cloudformation delete-stack --stack-name "$stack"
aws cloudformation wait stack-delete-complete --stack-name "$stack"
rm -f "$(outputs_file)"
echo "== deleted"
