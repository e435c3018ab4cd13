#!/usr/bin/env bash
# Tests, builds and deploys the function with the CDK.
#   infra/deploy.sh              lean zip (pure-Java scoring, ~12 MB) on the java25 managed runtime (no Docker)
#   infra/deploy.sh image        Java 25 container image with a JDK 25 AOT cache (needs Docker)
#   infra/deploy.sh --skip-tests ...   skips ./mvnw verify (say why: e.g. the same commit just passed CI)
# Extra arguments go to `cdk deploy`, e.g. -c sysrisk:memoryMb=3008 -c sysrisk:snapStart=true
# SYSRISK_STAGE=prod infra/deploy.sh deploys the stage "prod" (stack Sysrisk-prod, function sysrisk-score-prod).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/common.sh"
packaging="zip"
skip_tests=false
while [ $# -gt 0 ]; do
  case "$1" in
    image|zip) packaging="$1"; shift ;;
    --skip-tests) skip_tests=true; shift ;;
    *) break ;;
  esac
done

need java "Install a JDK 17 or newer."
need node "Install Node.js 18+ (the CDK CLI and jsii run on it)."
need npx "Install npm (it comes with Node.js)."
need_credentials
resolve_region
if [ "$packaging" = "image" ]; then
  need docker "Install Docker (or use the zip packaging: infra/deploy.sh)."
  docker info >/dev/null 2>&1 || { echo "error: Docker is installed but its engine is not running." >&2; exit 1; }
  # The base image by a digest someone reviewed and committed (infra/image/base-image.digest), never resolved from
  # a floating tag at deploy time; checked before anything is built.
  digest=$(grep -v '^#' "$here/image/base-image.digest" | tr -d '[:space:]' || true)
  [[ "$digest" =~ ^[^@[:space:]]+@sha256:[0-9a-f]{64}$ ]] || {
    echo "error: infra/image/base-image.digest holds no reviewed base image (NAME@sha256:<64 hex digits>); see the" >&2
    echo "       comment in it, review a digest of public.ecr.aws/lambda/java:25 and commit it" >&2; exit 1; }
fi

cd "$here/.."
if [ "$skip_tests" = true ]; then
  echo "== WARNING: tests skipped (--skip-tests); deploying a build that was not tested here"
else
  echo "== testing (./mvnw -B verify; --skip-tests skips it)"
  ./mvnw -B -q verify
fi
echo "== building the lean function (src/function/target/function.zip)"
./mvnw -B -q package -Plean-function -pl src/function -am -DskipTests
zip="$here/../src/function/target/function.zip"
pin=()
if [ "$packaging" = "image" ]; then
  echo "== preparing the image build context"
  "$here/image/prepare.sh" "$zip"
  echo "== base image $digest"
  pin=(-c "sysrisk:baseImage=$digest")
fi

cd "$here"
account=$(aws sts get-caller-identity --query Account --output text)
region="$REGION"
reserved=10
for ((i = 1; i <= $#; i++)); do
  [[ "${!i}" == sysrisk:reservedConcurrency=* ]] && reserved="${!i#sysrisk:reservedConcurrency=}"
done
check_reserved_concurrency "$reserved"
# Bootstrap only an environment that has never been bootstrapped (the CDKToolkit stack is missing).
if ! aws cloudformation describe-stacks --stack-name CDKToolkit --region "$region" >/dev/null 2>&1; then
  echo "== bootstrapping aws://$account/$region (no CDKToolkit stack yet)"
  cdk_cmd bootstrap "aws://$account/$region"
fi

stack=$(stack_name)
echo "== cdk deploy ($packaging) of stack $stack to account $account, region $region"
cdk_cmd deploy "$stack" -c sysrisk:packaging="$packaging" -c sysrisk:functionZip="$zip" -c sysrisk:stage="$STAGE" \
  "${pin[@]}" --outputs-file "$(outputs_file)" "$@"

echo "== smoke test: the deployed function scores infra/sample-request.json"
answer=$("$here/invoke.sh")
case "$answer" in
  *'"probability"'*) echo "$answer" | head -c 300; echo; echo "== deployed and answering; outputs in $(outputs_file)" ;;
  *) echo "error: the deployed function did not score the sample request: $answer" >&2; exit 1 ;;
esac
