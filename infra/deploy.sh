#!/usr/bin/env bash
# Builds the function and deploys it with the CDK.
#   infra/deploy.sh            lean zip package (no DJL, no libtorch) on the java25 managed runtime (no Docker)
#   infra/deploy.sh image      container image with libtorch pre-unpacked (needs Docker)
# Extra arguments go to `cdk deploy`, e.g. -c sysrisk:memoryMb=3008 -c sysrisk:urlAuth=NONE
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"
packaging="zip"
if [ "${1:-}" = "image" ] || [ "${1:-}" = "zip" ]; then packaging="$1"; shift; fi

need java "Install a JDK 17 or newer."
need node "Install Node.js 18+ (the CDK CLI and jsii run on it)."
need npx "Install npm (it comes with Node.js)."
need_credentials
if [ "$packaging" = "image" ]; then
  need docker "Install Docker (or use the zip packaging: infra/deploy.sh)."
  docker info >/dev/null 2>&1 || { echo "error: Docker is installed but its engine is not running." >&2; exit 1; }
fi

echo "== building the function (tests skipped; run ./mvnw -B verify first)"
if [ "$packaging" = "zip" ]; then
  # The lean function: no DJL, no libtorch (the pure-Java engine), about 24 MB.
  (cd "$here/.." && ./mvnw -B -q package -Plean-function)
else
  (cd "$here/.." && ./mvnw -B -q package -DskipTests)
fi
if [ "$packaging" = "image" ]; then
  echo "== preparing the image build context"
  "$here/image/prepare.sh" "$here/../target/function.zip"
fi

echo "== cdk deploy ($packaging)"
cd "$here"
account=$(aws sts get-caller-identity --query Account --output text)
region=${AWS_REGION:-$(aws configure get region || true)}
[ -n "$region" ] || { echo "error: no AWS region: set AWS_REGION or run aws configure" >&2; exit 1; }
cdk_cmd bootstrap "aws://$account/$region" >/dev/null
cdk_cmd deploy Sysrisk -c sysrisk:packaging="$packaging" --require-approval never --outputs-file cdk-outputs.json "$@"
echo "== deployed; outputs in infra/cdk-outputs.json. Try: infra/invoke.sh"
