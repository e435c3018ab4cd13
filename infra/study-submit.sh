#!/usr/bin/env bash
# Runs the default's evidence study (report --spark submit) on the EMR Serverless application of the SysriskStudy
# stack, one one-task executor per study unit, and copies its report to the stack's bucket.
#
#   infra/study-submit.sh [--quick] [--executors N] [--version V]
#
# --executors caps the executors (default 7: the full study has 7 units, six outer folds and the served selection,
# so more would idle).
# Deploy the stack first: (cd infra && ../mvnw -q compile && cdk deploy SysriskStudy) -- see docs/deploying.md.
# It builds the study's jar (./mvnw package -Pstudy-jar -pl src/cli -am), uploads it (jars/, named by its SHA-256)
# and the version's model store (runs/<run>/), starts the job run and prints its id and where the report will be.
# Untested against AWS (no account here); StudySubmitScriptTest checks what it sends with a stand-in `aws`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=common.sh
. "$here/common.sh"

quick="" executors=7 version="any-index"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --executors) executors="${2:-}"; shift ;;
    --version) version="${2:-}"; shift ;;
    *) echo "usage: $0 [--quick] [--executors N] [--version V]" >&2; exit 2 ;;
  esac
  shift
done
[[ "$executors" =~ ^[0-9]+$ ]] && [ "$executors" -ge 1 ] || { echo "error: --executors must be a number >= 1" >&2; exit 2; }
[[ "$version" =~ ^[a-z0-9][a-z0-9._-]*$ ]] || { echo "error: --version must be a model version name" >&2; exit 2; }
[ -f "$root/model-store/$version/model.json" ] || { echo "error: no model version $version in model-store/" >&2; exit 2; }

need_credentials
resolve_region
need zip "Install zip (apt-get install zip)."
stack="SysriskStudy${STAGE:+-$STAGE}"
output() {
  aws cloudformation describe-stacks --stack-name "$stack" --region "$REGION" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
app=$(output ApplicationId); role=$(output JobRoleArn); bucket=$(output BucketName)
[ -n "$app" ] && [ "$app" != "None" ] || { echo "error: stack $stack has no ApplicationId output: deploy it first" >&2; exit 1; }

jar="$root/src/cli/target/sysrisk-study.jar"
if [ -z "${SYSRISK_STUDY_JAR:-}" ]; then
  echo "== building the study's jar"
  (cd "$root" && ./mvnw -q -B package -Pstudy-jar -pl src/cli -am -DskipTests)
else
  jar="$SYSRISK_STUDY_JAR"
fi
[ -f "$jar" ] || { echo "error: $jar was not built" >&2; exit 1; }
sha=$(sha256sum "$jar" | cut -c1-16)
run="$(date -u +%Y%m%dT%H%M%SZ)-$version"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
(cd "$root/model-store" && zip -qr "$work/model-store.zip" "$version" -x "$version/report/*")

echo "== uploading to s3://$bucket"
aws s3 cp --only-show-errors "$jar" "s3://$bucket/jars/sysrisk-study-$sha.jar"
aws s3 cp --only-show-errors "$work/model-store.zip" "s3://$bucket/runs/$run/model-store.zip"

# One task per executor JVM (libtorch's random generator is one per process) and libtorch on one thread.
params="--class io.sysrisk.cli.SysriskCli --archives s3://$bucket/runs/$run/model-store.zip#model-store"
params+=" --conf spark.executor.cores=1 --conf spark.task.cpus=1 --conf spark.executor.memory=4g"
params+=" --conf spark.dynamicAllocation.maxExecutors=$executors"
args="[\"report\",\"--version\",\"$version\",\"--spark\",\"submit\",\"--out\",\"/tmp/sysrisk-report\",\"--upload\",\"s3://$bucket/reports/$run\"${quick:+,\"--quick\",\"--no-positive-control\"}]"
driver="{\"sparkSubmit\":{\"entryPoint\":\"s3://$bucket/jars/sysrisk-study-$sha.jar\",\"entryPointArguments\":$args,\"sparkSubmitParameters\":\"$params\"}}"

echo "== starting the job run $run"
id=$(aws emr-serverless start-job-run --region "$REGION" --application-id "$app" --execution-role-arn "$role" \
  --name "sysrisk-study-$run" --job-driver "$driver" --query jobRunId --output text)
echo "job run $id; its report will be at s3://$bucket/reports/$run/"
echo "watch it: aws emr-serverless get-job-run --application-id $app --job-run-id $id --region $REGION"
