# Tries: learn the host's time zone and locale (its TZ / LANG / LC_ALL environment, i.e. where
# and for whom the host runs) without any host API: Intl.DateTimeFormat().resolvedOptions(),
# Date.prototype.getTimezoneOffset / toString, Temporal.Now.timeZoneId(), toLocaleString.
# ICU reads them from the embedding process's environment.
# Published: MITRE ATT&CK T1614.001 "System Location Discovery: System Language Discovery" and
# T1124 "System Time Discovery"; browser fingerprinting via Intl resolvedOptions (Firefox's
# privacy.resistFingerprinting / Tor Browser report the time zone as UTC and the locale as en-US).
# The Go runtime's counterpart (time.Local is UTC) is asserted in tests/attacks/go/test_go_host_recon.py.
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PROBE = r'''
import dataclasses, json, sys
from sandboxes import Sandbox, default_policy
p = default_policy()
p = dataclasses.replace(p, javascript=dataclasses.replace(p.javascript, isolation=sys.argv[1]))
with Sandbox(p) as sb:
    r = sb.run("js", """
    const o = Intl.DateTimeFormat().resolvedOptions();
    console.log([o.timeZone, o.locale, new Date(0).getTimezoneOffset(), Temporal.Now.timeZoneId(),
                 new Date(0).toString(), (1234.5).toLocaleString()].join('|'));
    """)
    print(json.dumps([r.status, r.stdout, r.stderr]))
'''


# Worker only (the default): in-process, ICU reads TZ/LANG of the host process itself; documented in
# ARCHITECTURE.md as an in-process non-goal.
@pytest.mark.parametrize("mode", ["worker"])
def test_guest_does_not_see_the_host_time_zone_or_locale(mode):
    env = {**os.environ, "TZ": "Asia/Kathmandu", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"}
    p = subprocess.run([sys.executable, "-c", PROBE, mode], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 0, p.stderr[-2000:]
    status, out, err = __import__("json").loads(p.stdout.strip().splitlines()[-1])
    assert status == "ok", err
    fields = out.strip().split("|")
    assert "Kathmandu" not in out and "Katmandu" not in out and "Nepal" not in out, out
    assert fields[2] == "0", out  # UTC offset, whatever the host's zone
    assert not fields[1].startswith("de"), out
