"""The native reference: test262 sources in a bare ``py_mini_racer.MiniRacer()``, no prelude.

Run as a child process by suite.py (V8 stays out of the test process, and the reference runs on
the second core while the sandbox runs). Reads one JSON object on stdin
(``{"root", "probes": {feature: expr}, "timeout_s": s, "jobs": [{"path", "mode"}]}``), assembles
each job's source with suite.assemble (the same bytes the sandbox gets), and writes one JSON line
per answer: first ``{"probes": {feature: bool}}``, then ``{"i", "passed", "detail"}`` per job, in
order. Each job gets a fresh MiniRacer (a fresh isolate and realm), as each sandbox run does.

``native.py --eval`` instead evaluates the script on stdin in one fresh MiniRacer and writes its
completion value (a string) to stdout.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

if __package__:
    from . import suite
else:  # run as a script by suite.run_native
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import suite


def judge(negative: dict[str, str] | None, error: BaseException | None) -> tuple[bool, str]:
    from py_mini_racer import JSParseException

    if negative:
        if error is None:
            return False, f"expected {negative['phase']} {negative['type']}, completed normally"
        phase_ok = isinstance(error, JSParseException) == (negative.get("phase") == "parse")
        head = str(error).split("\n", 1)[0]
        ok = phase_ok and re.search(rf"\b{re.escape(negative['type'])}\b", head) is not None
        got = f"{type(error).__name__}: {head[:300]}"
        return ok, "" if ok else f"expected {negative['phase']} {negative['type']}, got {got}"
    if error is None:
        return True, ""
    return False, f"{type(error).__name__}: {str(error).split(chr(10), 1)[0][:300]}"


def evaluate() -> None:
    from py_mini_racer import MiniRacer

    mr = MiniRacer()
    try:
        value = mr.eval(sys.stdin.read(), timeout_sec=30)
    finally:
        mr.close()
    sys.stdout.write(str(value))


def main() -> None:
    from py_mini_racer import MiniRacer
    from py_mini_racer._exc import MiniRacerBaseException

    if sys.argv[1:] == ["--eval"]:
        evaluate()
        return
    request = json.load(sys.stdin)
    timeout = float(request["timeout_s"])
    mr = MiniRacer()  # the first context of the process, alone (V8 initialisation)
    probes = {f: bool(mr.eval(expr)) for f, expr in request["probes"].items()}
    mr.close()
    print(json.dumps({"probes": probes}), flush=True)
    root = Path(request["root"])
    cache: dict[str, str] = {}
    for i, job in enumerate(request["jobs"]):
        case = suite.load_case(root, job["path"], job["mode"])
        source = suite.assemble(root, case, cache)
        mr = MiniRacer()
        error: BaseException | None = None
        try:
            mr.eval(source, timeout_sec=timeout)
        except MiniRacerBaseException as e:
            error = e
        finally:
            mr.close()
        passed, detail = judge(case.negative, error)
        print(json.dumps({"i": i, "passed": passed, "detail": detail}), flush=True)


if __name__ == "__main__":
    main()
