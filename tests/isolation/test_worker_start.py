"""An engine worker confines itself while it is still single-threaded (issue 11, the V8 note).

Landlock binds only the calling thread, and unshare(CLONE_NEWUSER) refuses a threaded process:
a thread an engine started before confinement would run unconfined. The JavaScript worker calls
``prepare_process`` (which initialises V8 once, ``ensure_v8``) before any thread exists, and the
worker refuses to go on if that left a thread behind.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _last_json(script: str) -> object:
    p = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    return json.loads(p.stdout.strip().splitlines()[-1])


def test_javascript_prepare_process_initialises_v8_and_leaves_one_thread():
    threads, ready = _last_json("""
        import json, os
        from sandboxes.javascript import _engine
        from sandboxes.javascript._runtime import JavaScriptRuntime
        JavaScriptRuntime.prepare_process()
        print(json.dumps([len(os.listdir("/proc/self/task")), _engine._v8_ready]))
    """)
    assert (threads, ready) == (1, True)


def test_a_worker_whose_engine_started_a_thread_refuses_before_confinement():
    outcome = _last_json("""
        import base64, json, os, pickle, threading, time
        from sandboxes.isolation import _server
        from sandboxes.javascript._runtime import JavaScriptRuntime
        from sandboxes.policy import default_policy

        def early():  # an engine that starts a thread while loading
            threading.Thread(target=time.sleep, args=(30,), daemon=True).start()

        JavaScriptRuntime.prepare_process = staticmethod(early)
        cfg = {"lang": "javascript", "host_pid": os.getppid(),
               "policy": base64.b64encode(pickle.dumps(default_policy())).decode()}
        try:
            _server._serve_worker(None, -1, cfg)
            outcome = "confined anyway"
        except RuntimeError as e:
            outcome = str(e)
        with open("/proc/self/status") as f:  # still unconfined: it stopped before any layer
            seccomp = [line.split()[1] for line in f if line.startswith("Seccomp:")]
        print(json.dumps([outcome, seccomp]))
    """)
    assert outcome == ["the javascript engine started 1 thread(s) before confinement", ["0"]]
