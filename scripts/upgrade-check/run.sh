#!/usr/bin/env bash
# Upgrades every Node.js 20 scenario (crate/tests/fixtures, web/samples) with
# `action-playground upgrade` and checks, through the reference runner (real
# Node), that the upgraded code on nodejs24 does what the original does:
#   1. oracle(upgraded) is identical (compare.py) to oracle(original);
#   2. the engine's run of the upgraded code is identical to oracle(upgraded).
# The reference runner runs Node 20 even for nodejs24 but honours the return
# style, so a difference that comes from the runtime itself (Object.groupBy)
# shows only in our Node 24 run, never here. Run by hand; prints one line per file.
# usage: scripts/upgrade-check/run.sh [ORACLE_DIR]   (default /work/shared/oracle)
set -uo pipefail
cd "$(dirname "$0")/../.."
oracle="${1:-/work/shared/oracle}"
bin=target/release/action-playground
tmp="$(mktemp -d)"
same=0; total=0
for f in crate/tests/fixtures/*.json web/samples/*.json; do
  grep -q '"runtime": *"nodejs24"' "$f" && continue
  total=$((total + 1))
  name="$(basename "$f" .json)"
  "$bin" upgrade "$f" --write "$tmp/$name.up.json" > /dev/null 2>&1
  if [ ! -f "$tmp/$name.up.json" ]; then echo "NOT UPGRADED  $f"; continue; fi
  "$oracle/reference-result" "$f" > "$tmp/$name.before.json" 2>/dev/null
  "$oracle/reference-result" "$tmp/$name.up.json" > "$tmp/$name.after.json" 2>/dev/null
  "$bin" run "$tmp/$name.up.json" --json > "$tmp/$name.engine.json" 2>/dev/null
  if why=$(python3 "$oracle/compare.py" "$tmp/$name.before.json" "$tmp/$name.after.json" 2>&1); then
    if ours=$(python3 "$oracle/compare.py" "$tmp/$name.after.json" "$tmp/$name.engine.json" 2>&1); then
      same=$((same + 1)); echo "same          $f"
    else
      echo "ENGINE DIFFERS $f: $(echo "$ours" | head -3 | tr '\n' ' ')"
    fi
  else
    echo "DIFFERS       $f: $(echo "$why" | head -3 | tr '\n' ' ')"
  fi
done
echo "$same of $total Node.js 20 scenarios: upgraded code identical on the reference runner and in the engine"
rm -rf "$tmp"
