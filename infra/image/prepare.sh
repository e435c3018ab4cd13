#!/usr/bin/env bash
# Prepares the container image's build context from the Quarkus function.zip (see Dockerfile):
#   image/prepare.sh [path/to/function.zip]
# Needs: unzip. Writes infra/image/build/ (ignored by git).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
zip="${1:-$here/../../target/function.zip}"
command -v unzip >/dev/null || { echo "prepare.sh: 'unzip' is missing (apt-get install unzip / dnf install unzip)" >&2; exit 1; }
[ -f "$zip" ] || { echo "prepare.sh: $zip not found; build it first: ./mvnw -B package -DskipTests" >&2; exit 1; }

build="$here/build"
rm -rf "$build"
mkdir -p "$build/task" "$build/libtorch"
unzip -q "$zip" -d "$build/task"

native=$(ls "$build"/task/lib/ai.djl.pytorch.pytorch-native-cpu-*-linux-x86_64.jar)
jni=$(ls "$build"/task/lib/ai.djl.pytorch.pytorch-jni-*.jar)
djl_version=$(basename "$jni" .jar | sed 's/.*-\([0-9.]*\)$/\1/')
torch_version=$(basename "$native" | sed 's/.*pytorch-native-cpu-\([0-9.]*\)-linux.*/\1/')

# libtorch, flat, as PYTORCH_LIBRARY_PATH expects it; then the jar leaves the package.
unzip -q -j "$native" 'pytorch/cpu/linux-x86_64/*' -d "$build/libtorch"
rm "$native"

# DJL's JNI bridge, where DJL looks for it: $DJL_CACHE_DIR/pytorch/<version>-<flavor>-<classifier>/<djl>-libdjl_torch.so
cache="$build/djl-cache/pytorch/${torch_version}-cpu-linux-x86_64"
mkdir -p "$cache"
unzip -q -p "$jni" jnilib/linux-x86_64/cpu/libdjl_torch.so > "$cache/${djl_version}-libdjl_torch.so"

echo "prepared $build: libtorch $torch_version ($(du -sh "$build/libtorch" | cut -f1)), DJL $djl_version JNI, task root $(du -sh "$build/task" | cut -f1)"
