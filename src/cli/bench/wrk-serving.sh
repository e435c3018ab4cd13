#!/usr/bin/env bash
# Warm REST throughput with wrk, as issue 19 measures it: each runner jar started with -Xmx512m -XX:+UseSerialGC,
# 10 s of warm-up, then 15 s of POST /score with the committed 320-day sample over 8 connections (2 wrk threads),
# jars interleaved round by round so drift hits all alike. One line per jar and round.
#
#   src/cli/bench/wrk-serving.sh [--rounds N] LABEL=PATH/TO/runner.jar[@VERSION] [LABEL=...]
#
# @VERSION serves that committed model version (-Dsysrisk.model.version), e.g. any-index-horizons; default the
# jar's default (any-index).
# A runner jar needs its lib/ folder beside it (copy both to keep a baseline build: cp -r target/*-runner.jar
# target/lib /tmp/base/). Needs wrk (Debian: apt-get install wrk) and a free port 8080.
set -euo pipefail
here="$(cd "$(dirname "$0")/../../.." && pwd)"
rounds=3
if [[ "${1:-}" == "--rounds" ]]; then rounds="$2"; shift 2; fi
(( $# > 0 )) || { echo "usage: $0 [--rounds N] LABEL=runner.jar ..." >&2; exit 2; }
command -v wrk > /dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
lua="$(mktemp)"
trap 'rm -f "$lua"' EXIT
cat > "$lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$here/infra/sample-request.json", "r")
wrk.body = f:read("*a")
f:close()
LUA
for ((r = 1; r <= rounds; r++)); do
  for spec in "$@"; do
    label="${spec%%=*}"; jar="${spec#*=}"; version=()
    if [[ "$jar" == *@* ]]; then version=("-Dsysrisk.model.version=${jar##*@}"); jar="${jar%@*}"; fi
    java -Xmx512m -XX:+UseSerialGC "${version[@]}" -jar "$jar" > /dev/null 2>&1 &
    pid=$!
    for _ in $(seq 60); do curl -s -o /dev/null localhost:8080/q/health 2>/dev/null && break; sleep 0.5; done
    wrk -t2 -c8 -d10s -s "$lua" http://localhost:8080/score > /dev/null
    out="$(wrk -t2 -c8 -d15s -s "$lua" --latency http://localhost:8080/score)"
    rps="$(awk '/Requests\/sec/ {print $2}' <<< "$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<< "$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<< "$out")"
    non2xx="$(awk '/Non-2xx/ {print $NF}' <<< "$out")"
    echo "{\"bench\":\"wrk-serving\",\"round\":$r,\"jar\":\"$label\",\"req_per_s\":$rps,\"p50\":\"$p50\",\"p99\":\"$p99\",\"non_2xx\":${non2xx:-0}}"
    kill "$pid"; wait "$pid" 2> /dev/null || true
  done
done
