#!/usr/bin/env bash
# Scores the sample request on the deployed function.
#   infra/invoke.sh [request.json]          direct invocation (aws lambda invoke)
#   infra/invoke.sh --url [request.json]    SigV4-signed HTTPS call to the Function URL (curl --aws-sigv4)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"
mode="invoke"
if [ "${1:-}" = "--url" ]; then mode="url"; shift; fi
request="${1:-$here/sample-request.json}"
[ -f "$request" ] || { echo "error: request file $request not found" >&2; exit 1; }
need_credentials
[ -f "$here/cdk-outputs.json" ] || { echo "error: infra/cdk-outputs.json not found: deploy first (infra/deploy.sh)" >&2; exit 1; }
output() { python3 -c "import json,sys; print(json.load(open('$here/cdk-outputs.json'))['Sysrisk']['$1'])"; }
need python3 "It reads infra/cdk-outputs.json."

if [ "$mode" = "invoke" ]; then
  out=$(mktemp)
  aws lambda invoke --function-name "$(output FunctionName)" --qualifier "$(output FunctionQualifier)" \
    --cli-binary-format raw-in-base64-out \
    --payload "fileb://$request" "$out" >/dev/null
  cat "$out"; echo; rm -f "$out"
else
  need curl "curl 7.75+ signs requests with --aws-sigv4."
  region=${AWS_REGION:-$(aws configure get region)}
  creds=$(aws configure export-credentials --format env-no-export)
  eval "$creds"
  curl -sS --fail-with-body --aws-sigv4 "aws:amz:$region:lambda" \
    --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" ${AWS_SESSION_TOKEN:+-H "x-amz-security-token: $AWS_SESSION_TOKEN"} \
    -H 'content-type: application/json' --data-binary "@$request" "$(output FunctionUrl)"
  echo
fi
