"""Write the shipped attack corpus of one language into a directory, as seeds for a harness.

    .venv/bin/python fuzz/seed.py go /tmp/seeds-go
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sandboxes.attacks import load_corpus, load_probe  # noqa: E402

lang, out = sys.argv[1], Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for a in load_corpus([lang]):
    (out / a.id).write_text(a.code)
(out / "_probe").write_text(load_probe(lang))
print(f"{len(list(out.iterdir()))} seeds in {out}")
