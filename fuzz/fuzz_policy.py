"""Fuzz the policy loader: any bytes give a Policy or a PolicyError, nothing else.

    .venv/bin/python fuzz/fuzz_policy.py -max_total_time=60 [CORPUS_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _harness import main  # noqa: E402

with atheris.instrument_imports():
    from sandboxes.errors import PolicyError
    from sandboxes.policy import Policy, parse_policy

import yaml  # noqa: E402  (not instrumented: it is not ours)

SEED = (Path(__file__).resolve().parents[1] / "policy.yaml").read_bytes()


def target(data: bytes) -> None:
    # Half the inputs are mutations of the shipped policy, so the fuzzer reaches the schema checks.
    if data[:1] == b"\x00":
        cut = int.from_bytes(data[1:3] or b"\0", "little") % (len(SEED) + 1)
        data = SEED[:cut] + data[3:] + SEED[cut:]
    try:
        pol = parse_policy(data, "fuzz.yaml")
    except PolicyError:
        return
    assert isinstance(pol, Policy)
    assert pol.python.limits.timeout_s is None or pol.python.limits.timeout_s > 0


if __name__ == "__main__":
    _ = yaml
    main(target)
