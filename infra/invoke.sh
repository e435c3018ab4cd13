#!/usr/bin/env bash
# Scores the sample request on the deployed function (SYSRISK_STAGE picks the stage).
#   infra/invoke.sh [request.json]          direct invocation (aws lambda invoke)
#   infra/invoke.sh --url [request.json]    SigV4-signed HTTPS call to the Function URL (curl --aws-sigv4)
# Credentials never appear on a command line: curl reads them from a config file only this user can read, deleted
# on exit; nothing is eval'ed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"
mode="invoke"
if [ "${1:-}" = "--url" ]; then mode="url"; shift; fi
request="${1:-$here/sample-request.json}"
[ -f "$request" ] || { echo "error: request file $request not found" >&2; exit 1; }
need python3 "It reads the CDK outputs and the exported credentials."
need_credentials
resolve_region
outputs=$(outputs_file)
[ -f "$outputs" ] || { echo "error: $outputs not found: deploy first (infra/deploy.sh)" >&2; exit 1; }
output() { python3 - "$outputs" "$(stack_name)" "$1" <<'PY'
import json, sys
print(json.load(open(sys.argv[1]))[sys.argv[2]][sys.argv[3]])
PY
}

if [ "$mode" = "invoke" ]; then
  out=$(mktemp)
  trap 'rm -f "$out"' EXIT
  aws lambda invoke --region "$REGION" --function-name "$(output FunctionName)" --qualifier "$(output FunctionQualifier)" \
    --cli-binary-format raw-in-base64-out --payload "fileb://$request" "$out" >/dev/null
  cat "$out"; echo
else
  need curl "curl 7.75+ signs requests with --aws-sigv4."
  region="$REGION"
  config=$(umask 077 && mktemp)
  trap 'rm -f "$config"' EXIT
  # The CLI's credentials as JSON, turned into curl config lines (user, session-token header) in that file.
  aws configure export-credentials --format process | python3 -c '
import json, sys
c = json.load(sys.stdin)
q = lambda s: s.replace("\\", "\\\\").replace("\"", "\\\"")
print("user = \"%s:%s\"" % (q(c["AccessKeyId"]), q(c["SecretAccessKey"])))
if c.get("SessionToken"):
    print("header = \"x-amz-security-token: %s\"" % q(c["SessionToken"]))
' > "$config"
  curl -sS --fail-with-body -K "$config" --aws-sigv4 "aws:amz:$region:lambda" \
    -H 'content-type: application/json' --data-binary "@$request" "$(output FunctionUrl)"
  echo
fi
