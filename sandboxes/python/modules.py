"""Read-only module facades handed out by the import hook.

Each module is an allowlist of names (``ALLOWED``): a facade exposes those and
nothing else, never another module object. Every name was vetted for four
dangers: it reaches another module, it opens or reads files, it evaluates a
string as code, or it reads attributes without going through the guards.
What was left out, and why, is written next to each list.

Modules with per-run state (``random``, ``sys``, ``time``, ``decimal``,
``itertools``) are built per run, so a run cannot change what the next sees.
"""

from __future__ import annotations

import codecs
import _strptime  # noqa: F401 - imported for time.strptime/datetime.strptime (see _C_IMPORTS)
import importlib
import itertools
import math
import operator
import sys
import time
import types
from typing import Any, Callable

from . import safe_stdlib
from .guards import Facade, Guards, GuestExit, RunState, TimeoutStop, _guest_line, make_iterate, note_host_classes

# ``module: names``. A module missing here cannot be imported even if a policy lists it.
ALLOWED: dict[str, str] = {
    "math": """acos acosh asin asinh atan atan2 atanh cbrt ceil comb copysign cos cosh degrees dist e erf erfc exp
        exp2 expm1 fabs factorial floor fmod frexp fsum gamma gcd hypot inf isclose isfinite isinf isnan isqrt lcm
        ldexp lgamma log log10 log1p log2 modf nan nextafter perm pi pow prod radians remainder sin sinh sqrt tan tanh
        tau trunc ulp""",
    "cmath": """acos acosh asin asinh atan atanh cos cosh e exp inf infj isclose isfinite isinf isnan log log10 nan nanj
        phase pi polar rect sin sinh sqrt tan tanh tau""",
    "string": """ascii_letters ascii_lowercase ascii_uppercase capwords digits hexdigits octdigits printable punctuation
        whitespace Template""",
    # string.Formatter: resolves attributes in C without the guards.
    "re": """compile search match fullmatch split findall finditer sub subn escape purge error Pattern Match
        RegexFlag A ASCII I IGNORECASE L LOCALE M MULTILINE S DOTALL U UNICODE X VERBOSE NOFLAG""",
    # re.template / re.sre_compile...: internals and other modules.
    "json": "dumps loads JSONDecodeError JSONDecoder JSONEncoder",
    # json.dump / json.load: the library's call the file object's read/write unguarded: replaced per run
    # (safe_stdlib.replacements); json.decoder/encoder/scanner: modules.
    "itertools": """accumulate chain combinations combinations_with_replacement compress count cycle dropwhile
        filterfalse groupby islice pairwise permutations product repeat starmap takewhile tee zip_longest""",
    "functools": """cache cached_property cmp_to_key lru_cache partial partialmethod reduce total_ordering
        update_wrapper wraps singledispatch singledispatchmethod WRAPPER_ASSIGNMENTS WRAPPER_UPDATES""",
    "collections": "ChainMap Counter OrderedDict UserDict UserList UserString defaultdict deque namedtuple abc",
    # defaultdict: the sandbox's subclass (safe_stdlib), whose default_factory the program may assign.
    "collections.abc": """AsyncGenerator AsyncIterable AsyncIterator Awaitable ByteString Callable Collection
        Container Coroutine Generator Hashable ItemsView Iterable Iterator KeysView Mapping MappingView MutableMapping
        MutableSequence MutableSet Reversible Sequence Set Sized ValuesView""",
    "heapq": "heapify heappop heappush heappushpop heapreplace merge nlargest nsmallest",
    "bisect": "bisect bisect_left bisect_right insort insort_left insort_right",
    "copy": "copy deepcopy Error",
    "statistics": """NormalDist StatisticsError correlation covariance fmean geometric_mean harmonic_mean
        linear_regression mean median median_grouped median_high median_low mode multimode pstdev pvariance quantiles
        stdev variance""",
    "fractions": "Fraction",
    "decimal": """Clamped Context ConversionSyntax Decimal DecimalException DivisionByZero DivisionImpossible
        DivisionUndefined FloatOperation Inexact InvalidContext InvalidOperation MAX_EMAX MAX_PREC MIN_EMIN MIN_ETINY
        Overflow ROUND_05UP ROUND_CEILING ROUND_DOWN ROUND_FLOOR ROUND_HALF_DOWN ROUND_HALF_EVEN ROUND_HALF_UP
        ROUND_UP Rounded Subnormal Underflow getcontext localcontext setcontext""",
    # DefaultContext / BasicContext / ExtendedContext: shared mutable objects (templates of every new context).
    "datetime": "MAXYEAR MINYEAR date datetime time timedelta timezone tzinfo",
    "time": """gmtime localtime mktime monotonic monotonic_ns perf_counter perf_counter_ns process_time
        process_time_ns sleep strftime strptime struct_time time time_ns asctime ctime""",
    # strptime: the library's _strptime (regexes and the C locale's names), imported before a worker forks.
    "typing": """Annotated Any AnyStr Callable ClassVar Collection Container Counter DefaultDict Deque Dict Final
        FrozenSet Generator Generic Hashable ItemsView Iterable Iterator KeysView List Literal LiteralString Mapping
        MappingView MutableMapping MutableSequence MutableSet NamedTuple Never NewType NoReturn Optional OrderedDict
        ParamSpec Protocol Reversible Required NotRequired Self Sequence Set Sized SupportsAbs SupportsFloat
        SupportsIndex SupportsInt SupportsRound Text Tuple Type TypeAlias TypeGuard TypeVar TypedDict Union
        ValuesView TYPE_CHECKING cast final overload runtime_checkable no_type_check assert_never reveal_type""",
    # get_type_hints / ForwardRef / get_origin...: evaluate annotation strings with eval().
    "dataclasses": """FrozenInstanceError InitVar KW_ONLY MISSING asdict astuple dataclass field fields
        is_dataclass replace""",
    # make_dataclass: accepts a namespace of arbitrary (dunder) attributes.
    "enum": "Enum Flag IntEnum IntFlag StrEnum auto unique verify",
    # EnumMeta / EnumType: metaclasses; calling one builds a class from any namespace.
    "operator": """abs add and_ concat contains countOf eq floordiv ge getitem gt iadd iand iconcat ifloordiv ilshift
        imatmul imod imul index indexOf inv invert ior ipow irshift is_ is_not isub itemgetter itruediv ixor le
        length_hint lshift lt matmul mod mul ne neg not_ or_ pos pow rshift sub truediv truth xor""",
    # attrgetter / methodcaller: read attributes by name in C, without the guards. setitem/delitem: fine but unneeded.
    "textwrap": "TextWrapper dedent fill indent shorten wrap",
    "unicodedata": """bidirectional category combining decimal decomposition digit east_asian_width is_normalized
        lookup mirrored name normalize numeric unidata_version""",
    "hashlib": """blake2b blake2s md5 sha1 sha224 sha256 sha384 sha3_224 sha3_256 sha3_384 sha3_512 sha512 shake_128
        shake_256 algorithms_guaranteed""",
    # file_digest: reads a file object; pbkdf2_hmac / scrypt: unbounded CPU in C; new(): any OpenSSL name.
    "base64": """a85decode a85encode b16decode b16encode b32decode b32encode b32hexdecode b32hexencode b64decode
        b64encode b85decode b85encode decodebytes encodebytes standard_b64decode standard_b64encode
        urlsafe_b64decode urlsafe_b64encode""",
    "abc": "ABC abstractmethod",
    # ABCMeta: only usable as metaclass=, which is not allowed; its register() changes shared classes.
    "numbers": "Complex Integral Number Rational Real",
    "array": "array typecodes",
    "contextlib": """AbstractContextManager AbstractAsyncContextManager ContextDecorator ExitStack AsyncExitStack
        contextmanager asynccontextmanager closing aclosing nullcontext suppress redirect_stdout redirect_stderr""",
    # chdir: the process's working directory. ExitStack/AsyncExitStack, redirect_stdout/redirect_stderr: the
    # sandbox's (safe_stdlib, per run): callbacks get no traceback; the redirection is the run's own print().
    "io": "StringIO BytesIO SEEK_SET SEEK_CUR SEEK_END UnsupportedOperation",
    # The sandbox's in-memory streams (safe_stdlib): open/FileIO/TextIOWrapper... reach files.
    "__future__": """all_feature_names annotations absolute_import division generators generator_stop
        nested_scopes print_function unicode_literals with_statement barry_as_FLUFL""",
    "pathlib": "PurePath PurePosixPath PureWindowsPath",
    "asyncio": "",  # built per run, see safe_asyncio
    # Path/PosixPath/WindowsPath: the file system.
    "sys": "",  # built per run, see _sys_facade
}

# Modules the library's C code imports through the program's __import__ (PyImport_Import).
_C_IMPORTS = frozenset({"_strptime"})
# Members that are submodules: the facade of that submodule instead.
SUBMODULES = {("collections", "abc"): "collections.abc"}
# Built per run (they carry state a run could change).
PER_RUN = {"random", "sys", "time", "decimal", "itertools", "math", "functools", "copy", "operator", "dataclasses",
           "typing", "abc", "asyncio", "json"}


def _preload_codecs() -> None:
    """Import every codec of the standard library's ``encodings`` package. ``str.encode`` and
    ``bytes.decode`` import a codec's module on its first use, and a confined worker child can no
    longer read the standard library (Landlock): without this, ``"x".encode("utf-16-le")``,
    ``cp1252`` or ``shift_jis`` were ``LookupError: unknown encoding`` under the worker and worked
    in-process. ~70 ms once per fork server (119 modules here)."""
    import encodings
    import pkgutil

    for m in pkgutil.iter_modules(encodings.__path__):
        try:
            importlib.import_module("encodings." + m.name)
        except ImportError:  # mbcs, oem: Windows only
            pass


class ModuleSource:
    """Builds facades for one policy; static facades are shared, per-run ones are made per run."""

    def __init__(self, allowed: frozenset[str]) -> None:
        self.allowed = allowed
        self._static: dict[str, Facade] = {}

    def preload(self) -> None:
        """Import every allowed module now (the worker does this before forking)."""
        for name in self.allowed:
            if name in ALLOWED or name == "random":
                importlib.import_module(name)
        if "asyncio" in self.allowed:
            from . import safe_asyncio  # noqa: F401
        if "time" in self.allowed or "datetime" in self.allowed:
            time.strptime("2000", "%Y")  # imports _strptime and reads the locale's names
        _preload_codecs()

    def _members(self, name: str) -> dict[str, Any]:
        mod = importlib.import_module(name)
        out = {}
        for attr in ALLOWED[name].split():
            if (name, attr) in SUBMODULES:
                continue
            if hasattr(mod, attr):
                out[attr] = getattr(mod, attr)
        note_host_classes(out.values())  # library classes the program can name: it may subclass them
        return out

    def facade(self, name: str, run: RunContext) -> Facade:
        if name in PER_RUN:
            return run.per_run_facade(name, self)
        f = self._static.get(name)
        if f is None:
            members = self._members(name)
            if name == "enum":
                members.update({k: v for k, v in safe_stdlib.SAFE_ENUMS.items() if k in members})
            members.update({k: v for k, v in safe_stdlib.SHARED_REPLACEMENTS.get(name, {}).items() if k in members})
            for (parent, attr), sub in SUBMODULES.items():
                if parent == name and sub in self.allowed:
                    members[attr] = self.facade(sub, run)
            f = self._static[name] = _facade(name, members)
        return f


class RunContext:
    """The per-run half of the import system."""

    def __init__(self, state: RunState, source: ModuleSource, guards: Guards, *, recursion_limit: int) -> None:
        self.state = state
        self.source = source
        self.guards = guards
        self.cache: dict[str, Facade] = {}
        self.recursion_limit = recursion_limit
        self.recursion: Any = None  # the run's runtime._Recursion, set by the runtime
        self.stdin = _stdin(state)
        self.stdout = _stdout(state, False, guards)
        self.stderr = _stdout(state, True, guards)

    def import_module(self, name: str, fromlist: Any = (), level: int = 0) -> Facade:
        if type(level) is not int:
            raise TypeError(f"'{type(level).__name__}' object cannot be interpreted as an integer")
        if level < 0:
            raise ValueError("level must be >= 0")
        if level:  # the program is __main__, with no package: CPython's words
            raise ImportError("attempted relative import with no known parent package")
        if type(name) is not str:  # a str subclass could answer == and hash() for itself
            if not isinstance(name, str):
                raise TypeError(f"module name must be str, not {type(name).__name__}")
            raise self.state.record_violation("import", "import needs a plain string module name")
        if not name:
            raise ValueError("Empty module name")
        if name not in self.source.allowed or (name not in ALLOWED and name != "random"):
            if name in _C_IMPORTS and name in sys.modules:
                # C code's PyImport_Import (time.strptime, datetime.strptime) calls __import__ for its
                # side effect, then takes the module from sys.modules: nothing is handed out here.
                return None  # type: ignore[return-value]
            raise self.refused_import(name)
        f = self.cache.get(name)
        if f is None:
            f = self.cache[name] = self.source.facade(name, self)
        if fromlist or "." not in name:
            return f
        top = name.split(".")[0]
        return self.import_module(top)

    def refused_import(self, name: str) -> ModuleNotFoundError:
        """A module outside the policy is missing, as on a CPython without it: ModuleNotFoundError,
        which a program probing for optional modules catches. Uncaught, it ends the run as the
        policy's refusal (a violation naming the module and the line; see runtime._result)."""
        top = name.partition(".")[0]
        shown = name if top in self.source.allowed and top in ALLOWED else top  # CPython names the first missing
        err = ModuleNotFoundError(f"No module named '{shown}'", name=shown)
        refused = self.state.refused_imports
        refused[id(err)] = (err, f'import of module "{name}" is not allowed by the policy', _guest_line())
        if len(refused) > 64:  # a loop probing imports: only recent ones can still end the run uncaught
            del refused[next(iter(refused))]
        return err

    # -- modules with per-run state --------------------------------------------
    def per_run_facade(self, name: str, source: ModuleSource) -> Facade:
        state = self.state
        if name == "random":
            import random

            rng = random.Random()
            members = {n: getattr(rng, n) for n in """betavariate choice choices expovariate gammavariate gauss
                getrandbits lognormvariate normalvariate paretovariate randbytes randint random randrange sample seed
                shuffle triangular uniform vonmisesvariate weibullvariate""".split()}
            members["Random"] = random.Random
            note_host_classes([random.Random])
            return _facade("random", members)
        if name == "time":
            members = source._members("time")

            def sleep(seconds: float) -> None:
                """time.sleep that ends at the run's deadline."""
                if not isinstance(seconds, (int, float)):
                    raise TypeError("sleep() argument must be a number")
                if seconds < 0:
                    raise ValueError("sleep length must be non-negative")
                end = time.monotonic() + seconds
                if state.deadline is not None and end > state.deadline:
                    state.sleep(max(0.0, state.deadline - time.monotonic()))
                    raise state.halt(TimeoutStop, "deadline exceeded during sleep")
                state.sleep(seconds)

            members["sleep"] = sleep
            return _facade("time", members)
        if name == "decimal":
            return _facade("decimal", source._members("decimal"))
        if name == "math":
            members = source._members("math")

            max_bits = state.max_int_bits

            def result_bits(what: str, args: tuple[Any, ...]) -> float:
                """An upper bound of the result's size in bits (the C code cannot be interrupted)."""
                if not all(type(a) is int and a >= 0 for a in args):
                    return 0.0  # the library raises its own error
                n = args[0]
                k = args[1] if len(args) > 1 else n
                if what == "comb":
                    return float(n)
                return min(n, k) * math.log2(n + 1)

            def least_bits(what: str, args: tuple[Any, ...]) -> float:
                """A lower bound of the result's size in bits: a memory_limit verdict must be true."""
                n = args[0]
                k = args[1] if len(args) > 1 else n
                if what == "factorial":
                    return n * math.log2(n / math.e) if n > 3 else 0.0
                if k > n:
                    return 0.0
                if what == "comb":
                    k = min(k, n - k)
                    return k * math.log2(n / k) if k else 0.0
                # perm: k factors, the larger half of them at least n - k//2 + 1
                return max(k * math.log2(n - k + 1), (k // 2) * math.log2(n - k // 2 + 1))

            def bounded(fn: Callable[..., Any], what: str) -> Callable[..., Any]:
                def call(*args: Any) -> Any:
                    bits = result_bits(what, args)
                    if bits > max_bits:
                        shown = ", ".join(str(a) if a.bit_length() <= 64 else "<a huge int>" for a in args)
                        raise state.too_large(f"math.{what}({shown}), an integer of up to {int(bits / 3.3219)} "
                                              "digits,", int(least_bits(what, args)) // 8, "max_int_digits",
                                              round((max_bits - 1) / 3.3219281))
                    return fn(*args)
                call.__name__ = call.__qualname__ = what
                return call

            for fn in ("factorial", "comb", "perm"):
                members[fn] = bounded(getattr(math, fn), fn)
            members.update(safe_stdlib.replacements("math", state, self.guards))
            return _facade("math", members)
        if name == "itertools":
            members = source._members("itertools")
            iterate = make_iterate(state)

            def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
                # Possibly endless or huge iterators, consumed by C code (list(), sum()...):
                # hand them out chunked so the deadline is checked while they run.
                def call(*args: Any, **kwargs: Any) -> Any:
                    return iterate(fn(*args, **kwargs))
                call.__name__ = call.__qualname__ = fn.__name__
                call.__doc__ = fn.__doc__
                return call

            for fn in ("count", "cycle", "repeat", "product", "permutations", "combinations",
                       "combinations_with_replacement", "accumulate", "starmap", "islice", "zip_longest"):
                members[fn] = wrap(getattr(itertools, fn))
            members["chain"] = safe_stdlib.chain  # a class: isinstance, chain.from_iterable; chunked too
            return _facade("itertools", members)
        if name == "sys":
            return self._sys_facade()
        if name == "asyncio":
            from . import safe_asyncio

            token = safe_asyncio.park()  # the thread's running loop while the program runs: never the host's
            state.cleanups.append(lambda: safe_asyncio.unpark(token))
            return _facade("asyncio", safe_asyncio.members())
        members = source._members(name)
        members.update(safe_stdlib.replacements(name, state, self.guards))
        return _facade(name, members)

    def _sys_facade(self) -> Facade:
        import sys

        ctx = self

        def setrecursionlimit(n: int) -> None:
            """Enforced, clamped to the policy's max_recursion_depth (see runtime._Recursion)."""
            ctx.recursion.set(n)

        def exit(code: Any = 0) -> None:  # noqa: A001
            raise GuestExit(code)

        limits = {"int_max_str_digits": sys.get_int_max_str_digits()}
        max_digits = round((ctx.state.max_int_bits - 1) / 3.3219280948873626)

        def set_int_max_str_digits(maxdigits: Any) -> None:
            """The program's own limit. In a worker child (a process of the run's) it is the process's,
            up to the policy's max_int_digits; in-process the process's limit is the host's and stays."""
            n = operator.index(maxdigits)
            if n != 0 and n < 640:
                raise ValueError("maxdigits must be 0 or larger than 640")
            limits["int_max_str_digits"] = n
            if ctx.recursion is not None and ctx.recursion.owns_process:
                if "host" not in limits:  # put back when the run is over, whatever the process does next
                    limits["host"] = sys.get_int_max_str_digits()
                    ctx.state.cleanups.append(lambda: sys.set_int_max_str_digits(limits["host"]))
                sys.set_int_max_str_digits(min(n or max_digits, max_digits))

        members = {
            "argv": ["main.py"], "byteorder": sys.byteorder, "maxsize": sys.maxsize, "maxunicode": sys.maxunicode,
            "float_info": sys.float_info, "int_info": sys.int_info, "hash_info": sys.hash_info,
            "version_info": sys.version_info, "version": sys.version.split()[0],
            "implementation_name": sys.implementation.name, "platform": "sandbox",
            "stdin": self.stdin, "stdout": self.stdout, "stderr": self.stderr,
            "exit": exit, "setrecursionlimit": setrecursionlimit,
            "getrecursionlimit": lambda: ctx.recursion.limit,
            "get_int_max_str_digits": lambda: limits["int_max_str_digits"],
            "set_int_max_str_digits": set_int_max_str_digits,
            "getsizeof": sys.getsizeof, "intern": sys.intern,
        }
        return _facade("sys", members)


def _stdout(state: RunState, err: bool, guards: Guards) -> Facade:
    """sys.stdout / sys.stderr of the program: writes into the run's capped buffers (or the target of a
    contextlib.redirect_stdout/redirect_stderr in force). Closures, not an object holding the run
    state: nothing here leads back to it."""
    redirects = state.redirects[err]

    def write(s: Any) -> int:
        if redirects:
            return guards.getattr(redirects[-1], "write")(s)  # type: ignore[no-any-return]
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        return state.write(s, err)

    def writelines(lines: Any) -> None:
        for line in lines:
            write(line)

    # sys.stdout.buffer: bytes, decoded as UTF-8 as they come (a character split over two writes is kept
    # whole; bytes that are no UTF-8 become U+FFFD: the run's output is text). Under redirect_stdout the
    # target's own buffer, as natively (a StringIO has none: AttributeError).
    decoder: list[Any] = []  # made at the first bytes written: most runs write none

    def write_bytes(b: Any) -> int:
        if redirects:
            return guards.getattr(guards.getattr(redirects[-1], "buffer"), "write")(b)  # type: ignore[no-any-return]
        if not isinstance(b, (bytes, bytearray)):
            raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")
        if not decoder:
            decoder.append(codecs.getincrementaldecoder("utf-8")("replace"))
        text = decoder[0].decode(bytes(b))
        if text:
            state.write(text, err)
        return len(b)

    def writelines_bytes(lines: Any) -> None:
        for line in lines:
            write_bytes(line)

    buffer = _facade("buffer", _named({"write": write_bytes, "writelines": writelines_bytes, "flush": lambda: None,
                                       "isatty": lambda: False}))
    return _facade("stderr" if err else "stdout", {
        "write": write, "writelines": writelines, "flush": lambda: None, "isatty": lambda: False,
        "encoding": "utf-8", "errors": "strict", "buffer": buffer})


def _stdin(state: RunState) -> Facade:
    """sys.stdin of the program: the given stdin string, line by line."""

    def readline(size: int = -1) -> str:
        return next(state.stdin_lines, "")

    def read(size: int = -1) -> str:
        return "".join(state.stdin_lines)

    def readlines() -> list[str]:
        return list(state.stdin_lines)

    def read_bytes(size: int = -1) -> bytes:
        return read(size).encode("utf-8", "surrogateescape")

    def readline_bytes(size: int = -1) -> bytes:
        return readline(size).encode("utf-8", "surrogateescape")

    def readlines_bytes(hint: int = -1) -> list[bytes]:
        return [line.encode("utf-8", "surrogateescape") for line in readlines()]

    # sys.stdin.buffer: the same input as bytes, from the same position
    buffer = _StdinFacade("buffer", _named({"read": read_bytes, "readline": readline_bytes,
                                            "readlines": readlines_bytes, "read1": read_bytes,
                                            "isatty": lambda: False}))
    return _StdinFacade("stdin", _named({"readline": readline, "read": read, "readlines": readlines, "buffer": buffer,
                                  "isatty": lambda: False, "encoding": "utf-8", "errors": "strict"}))


def _named(members: dict[str, Any]) -> dict[str, Any]:
    """The sandbox's own functions among ``members`` are named as the member they are: an argument error
    says ``sleep() missing ...``, never ``RunContext.per_run_facade.<locals>.sleep``."""
    for key, value in members.items():
        if isinstance(value, types.FunctionType) and "<locals>" in value.__qualname__:
            value.__qualname__ = value.__name__ = key
    return members


def _facade(name: str, members: dict[str, Any]) -> Facade:
    return Facade(name, _named(members))


class _StdinFacade(Facade):
    """``for line in sys.stdin`` works; the lines come from ``readline`` until it returns ''."""

    __slots__ = ()

    def __iter__(self) -> Any:
        readline = object.__getattribute__(self, "_sb_members")["readline"]
        return iter(readline, b"" if object.__getattribute__(self, "_sb_name") == "buffer" else "")
