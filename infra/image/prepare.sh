#!/usr/bin/env bash
# Prepares the container image's build context from the lean function.zip (see Dockerfile):
#   image/prepare.sh [path/to/function.zip]
# Needs: unzip, zip. Writes infra/image/build/ (ignored by git).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
zip="${1:-$here/../../src/function/target/function.zip}"
for tool in unzip zip; do
  command -v "$tool" >/dev/null || { echo "prepare.sh: '$tool' is missing (apt-get install $tool / dnf install $tool)" >&2; exit 1; }
done
[ -f "$zip" ] || { echo "prepare.sh: $zip not found; build it first: ./mvnw -B package -Plean-function" >&2; exit 1; }

build="$here/build"
rm -rf "$build"
mkdir -p "$build/task" "$build/app"
unzip -q "$zip" -d "$build/task"
# Every class in a jar: the task root's own files become app.jar, lib/ stays as it is.
(cd "$build/task" && zip -q -r -X "$build/app/app.jar" . -x 'lib/*')
mv "$build/task/lib" "$build/app/lib"
rm -rf "$build/task"
cp "$here/../sample-request.json" "$build/sample-request.json"

echo "prepared $build: app.jar $(du -h "$build/app/app.jar" | cut -f1), $(ls "$build/app/lib" | wc -l) library jars"
