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
resolve_region
stack=$(stack_name)
account=$(aws sts get-caller-identity --query Account --output text)
# Only "does not exist" means there is nothing to delete; any other error (throttling, permissions, a wrong
# region) stops here, saying so.
if ! description=$(aws cloudformation describe-stacks --stack-name "$stack" --region "$REGION" \
    --query 'Stacks[0].Description' --output text 2>"${TMPDIR:-/tmp}/sysrisk-describe.$$"); then
  err=$(cat "${TMPDIR:-/tmp}/sysrisk-describe.$$"); rm -f "${TMPDIR:-/tmp}/sysrisk-describe.$$"
  case "$err" in
    *"does not exist"*) echo "nothing to delete: no stack named $stack in account $account, region $REGION" >&2; exit 0 ;;
    *) echo "error: cannot describe stack $stack in region $REGION: $err" >&2; exit 1 ;;
  esac
fi
rm -f "${TMPDIR:-/tmp}/sysrisk-describe.$$"
# Never another project's stack: sysrisk's stacks say so in their description (SysriskApp).
case "$description" in
  sysrisk:*) ;;
  *) echo "error: stack $stack in region $REGION is not sysrisk's (its description: '$description'); nothing deleted" >&2
     exit 1 ;;
esac
echo "== about to delete stack '$stack' in account $account, region $REGION"
if [ "$yes" != true ]; then
  if [ ! -t 0 ]; then
    echo "error: not a terminal, so nothing was deleted; run with --yes to delete without asking" >&2
    exit 2
  fi
  read -r -p "Type the stack name to delete it: " answer
  [ "$answer" = "$stack" ] || { echo "not deleted" >&2; exit 1; }
fi
aws cloudformation delete-stack --stack-name "$stack" --region "$REGION"
aws cloudformation wait stack-delete-complete --stack-name "$stack" --region "$REGION"
rm -f "$(outputs_file)"
echo "== deleted"
