#!/usr/bin/env python3
"""(Re)generate the `expect` of fixture scenarios from the reference runner (real Node).

usage: crate/tests/regenerate-expect.py [--triage] FILE.json...

Each FILE gets `expect` = the result the oracle prints (status, outputFields,
error, logs, requests; the run's timings are left out), written back in place.
With --triage the playground then runs the file (`run --json`) and the two
results are compared with the oracle's compare.py: a file that does not match
is moved to crate/tests/fixtures-pending/ and its mismatch printed, so it can be
described in fixtures-pending/GAPS.md.

Needs /work/shared/oracle (real Node with the real libraries) and a release
build of the playground in target/release.
"""
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ORACLE = os.environ.get("ORACLE_DIR", "/work/shared/oracle")
PLAYGROUND = os.path.join(ROOT, "target", "release", "action-playground")
PENDING = os.path.join(ROOT, "crate", "tests", "fixtures-pending")
KEPT = ("status", "outputFields", "error", "logs", "requests")


def oracle_result(path):
    out = subprocess.run([os.path.join(ORACLE, "reference-result"), path], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def write_expect(path):
    with open(path, encoding="utf-8") as f:
        scenario = json.load(f)
    result = oracle_result(path)
    scenario["expect"] = {k: result[k] for k in KEPT if k in result}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(scenario, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return scenario["expect"]


def triage(path, expected):
    run = subprocess.run([PLAYGROUND, "run", path, "--json"], capture_output=True, text=True)
    tmp_exp, tmp_act = "/tmp/regen-expected.json", "/tmp/regen-actual.json"
    with open(tmp_exp, "w") as f:
        json.dump(expected, f)
    with open(tmp_act, "w") as f:
        f.write(run.stdout)
    cmp = subprocess.run(["python3", os.path.join(ORACLE, "compare.py"), tmp_exp, tmp_act], capture_output=True, text=True)
    if cmp.returncode == 0:
        print(f"MATCH   {os.path.basename(path)}")
        return
    os.makedirs(PENDING, exist_ok=True)
    shutil.move(path, os.path.join(PENDING, os.path.basename(path)))
    print(f"PENDING {os.path.basename(path)}\n{cmp.stdout}")


def main(args):
    do_triage = "--triage" in args
    for path in [a for a in args if a != "--triage"]:
        expected = write_expect(path)
        if do_triage:
            triage(path, expected)


if __name__ == "__main__":
    main(sys.argv[1:])
