# Attack: read the host's environment (a planted canary variable) through os.environ, os.getenv,
# posix.environ, a library module's `os` global, time/locale functions that echo env vars, or the
# worker's inherited environment.
# Published: pyjail write-ups ("__import__('os').environ['FLAG']"); smolagents CVE-2025-9959
# (env read via modules imported by allowed modules); this project's brief (canary env var).
import pytest

PAYLOADS = [
    "import os\nprint(os.environ)",
    "print(__import__('os').getenv('SANDBOXES_ATTACK_CANARY'))",
    "import posix\nprint(posix.environ)",
    "import random\nprint(random._os.environ)",
    "import json\nprint(getattr(json, 'codecs'))",
    "import sys\nprint(sys.flags, sys.argv, sys.platform, sys.version)",
    "import time\nprint(time.tzname if hasattr(time, 'tzname') else '', time.strftime('%Z'))",
    "import string\nprint(string.Template('$SANDBOXES_ATTACK_CANARY').safe_substitute())",
]


@pytest.mark.parametrize("code", PAYLOADS)
def test_environment_is_unreachable(guest, canary, code):
    r = guest.run(code)
    guest.contained(r, {"violation", "error", "ok"}, forbidden=[canary.env_secret, "environ("])
    if "os" in code or "json" in code:
        assert str(r.status) in {"violation", "error"}
