"""``exec(code, globals, locals)`` and ``eval(...)`` on the program's own dictionaries.

The rewritten program reaches its guards by name (``_sb_ga(obj, 'x')``). The main program's
globals are a dict the program never sees, but ``exec(code, ns)`` must run *in* ``ns`` itself:
a function the exec defines keeps ``ns`` as its globals and sees later changes of it, its
``global`` writes land in ``ns`` (CPython semantics; a copy of ``ns`` gets this wrong). ``ns``
belongs to the program, which could put its own ``_sb_w`` there: a write guard that hands back
any object would turn ``obj.x = v`` into a raw write on library classes.

So code run in a namespace never finds a guard by a name lookup the program can shadow. Its
source is compiled as the body of a class nested in a function whose parameters are the guards::

    def _sb_module(_sb_ga, _sb_w, ...):
        class ___:
            <the program's code>

The class body is then run by ``exec(body, globals, proxy, closure=cells)``. A class body reads
and writes its names through its locals mapping, exactly as module code run by ``exec`` does
(``STORE_NAME``/``LOAD_NAME``), and functions defined in it look their free names up in
``globals``, as module-level functions do; the guards are closure cells (``LOAD_DEREF`` in the
functions, never shadowable). The locals mapping is a proxy over the program's mapping that keeps
``_sb_`` names (the transformer's temporaries, the value of an ``eval``) to itself and answers
``KeyError`` for the guards, so ``LOAD_CLASSDEREF`` falls through to their cells. A class named
``___`` is never name-mangled; qualified names get the wrapper's prefix removed.

What a class body cannot do, exec'd code in a namespace cannot either: ``from m import *`` and an
assignment expression inside a comprehension at the top level are refused (SyntaxError).
"""

from __future__ import annotations

import ast
import builtins as _host_builtins
import dis
import types
from collections.abc import Callable
from typing import Any

WRAPPER = "_sb_module"
BODY = "___"  # all underscores: never mangles ``__names``
VALUE = "_sb_value"  # where an eval's value is kept
_PREFIX = f"{WRAPPER}.<locals>.{BODY}."
_DROPPED = frozenset({"__module__", "__qualname__", "__classcell__"})  # set by the class-body prologue


class NamespaceError(SyntaxError):
    """What a class body cannot hold (see the module docstring)."""


def wrap(tree: ast.Module | ast.Expression, filename: str) -> types.CodeType:
    """Compile a transformed program (``exec`` or ``eval`` mode) to a class-body code object."""
    if isinstance(tree, ast.Expression):
        body: list[ast.stmt] = [ast.Assign(targets=[ast.Name(VALUE, ast.Store())], value=tree.body)]
        ast.copy_location(body[0], tree.body)
    else:
        body = list(tree.body) or [ast.Pass()]
        for node in body:
            for sub in ast.walk(node):
                if isinstance(sub, ast.ImportFrom) and any(a.name == "*" for a in sub.names):
                    raise NamespaceError("'from ... import *' is not supported by exec() with a namespace "
                                         "in the sandbox")
    params = sorted(_guard_names(tree))
    cls = ast.ClassDef(name=BODY, bases=[], keywords=[], body=body, decorator_list=[])
    fn = ast.FunctionDef(name=WRAPPER, args=ast.arguments(posonlyargs=[], args=[ast.arg(p) for p in params],
                                                          kwonlyargs=[], kw_defaults=[], defaults=[]),
                         body=[cls], decorator_list=[], returns=None)
    module = ast.Module(body=[fn], type_ignores=[])
    ast.fix_missing_locations(module)
    try:
        outer = compile(module, filename, "exec", dont_inherit=True)
    except SyntaxError as e:
        if "comprehension" in str(e.msg) and "class body" in str(e.msg):
            raise NamespaceError("an assignment expression inside a top-level comprehension is not supported "
                                 "by exec()/eval() with a namespace in the sandbox", (filename, e.lineno or 1,
                                                                                      e.offset or 0, "")) from None
        raise
    wrapper = next(c for c in outer.co_consts if isinstance(c, types.CodeType))
    code = next(c for c in wrapper.co_consts if isinstance(c, types.CodeType) and c.co_name == BODY)
    return _requalify(code).replace(co_name="<module>", co_qualname="<module>")


def _guard_names(tree: ast.AST) -> set[str]:
    """The ``_sb_`` names the code reads and never binds: the guards (temporaries are bound)."""
    loaded: set[str] = set()
    bound: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id.startswith("_sb_"):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
    return loaded - bound


def _requalify(code: types.CodeType) -> types.CodeType:
    """Remove the wrapper's prefix from qualified names, as if the code had been module code."""
    consts = list(code.co_consts)
    changed = False
    for i, c in enumerate(consts):
        if isinstance(c, types.CodeType):
            new = _requalify(c)
            if new is not c:
                consts[i], changed = new, True
    qualname = code.co_qualname
    if qualname.startswith(_PREFIX):
        qualname = qualname[len(_PREFIX):]
        # A class body stores its __qualname__ from a constant: replace that constant where only
        # the prologue loads it.
        ins = list(dis.get_instructions(code))
        loads = [i.arg for i in ins if i.opname == "LOAD_CONST"]
        for i, nxt in enumerate(ins[1:]):
            load = ins[i]
            arg = load.arg
            if load.opname == "LOAD_CONST" and arg is not None and nxt.opname == "STORE_NAME" \
                    and nxt.argval == "__qualname__" and consts[arg] == code.co_qualname and loads.count(arg) == 1:
                consts[arg] = qualname
                break
        changed = True
    if not changed:
        return code
    return code.replace(co_consts=tuple(consts), co_qualname=qualname)


class Scope:
    """The locals mapping of code run in a namespace: the program's mapping, except ``_sb_`` names."""

    __slots__ = ("_sb_ns", "_sb_own", "_sb_prologue")

    def __init__(self, ns: Any) -> None:
        self._sb_ns = ns
        self._sb_own: dict[str, Any] = {}
        self._sb_prologue = True

    def __getitem__(self, key: Any) -> Any:
        if self._sb_prologue:  # the class body's own first read (``__module__ = __name__``, dropped)
            self._sb_prologue = False
            if key == "__name__":
                return None
        if type(key) is str and key.startswith("_sb_"):
            return self._sb_own[key]  # KeyError for a guard: LOAD_CLASSDEREF then reads its cell
        return self._sb_ns[key]

    def __setitem__(self, key: Any, value: Any) -> None:
        if type(key) is str:
            if key.startswith("_sb_"):
                self._sb_own[key] = value
                return
            if key in _DROPPED:
                return
        self._sb_ns[key] = value

    def __delitem__(self, key: Any) -> None:
        if type(key) is str and key.startswith("_sb_"):
            del self._sb_own[key]
            return
        del self._sb_ns[key]

    def keys(self) -> Any:  # dir() without arguments
        return self._sb_ns.keys()


# exec() is called from a frame of this function: when a namespace has no ``__builtins__``, CPython
# stores the *calling frame's* builtins there (``PyEval_GetBuiltins``). Called from a frame of this
# module, that is the host's real builtins; this frame's are the run's (a copy), so a case the checks
# below miss still falls back to the program's builtins, never the host's.
_LAUNCH = next(c for c in compile("def _sb_launch(code, gl, lo, closure):\n"
                                  "    return _sb_exec(code, gl, lo, closure=closure)\n",
                                  __file__, "exec", dont_inherit=True).co_consts if isinstance(c, types.CodeType))


def run(code: types.CodeType, gl: dict[str, Any], lo: Any, cells: dict[str, Any], builtins: Any,
        refuse: Callable[[str], BaseException]) -> Any:
    """Run a ``wrap``-ped code object in ``gl``/``lo``; the value of an ``eval``, else None.

    ``gl`` may be a dict subclass of the program's: ``__builtins__`` is decided on the dict's own
    storage (what exec() and the frames read), never through the program's ``__contains__`` or
    ``__getitem__``, which may lie. A ``__builtins__`` the sandbox did not put there is the
    program's own dict (its values are the program's) or ``refuse``-d: a module (CPython would
    use its raw ``__dict__``) or the host's builtins.
    """
    if dict.__contains__(gl, "__builtins__"):
        value = dict.__getitem__(gl, "__builtins__")
        if not isinstance(value, dict) or value is _host_builtins.__dict__:
            raise refuse(f"exec()/eval() with a namespace whose __builtins__ is a {type(value).__name__}: "
                         "only a dict of builtins is allowed")
    else:
        # CPython puts its builtins there. A copy of the run's: what the program changes in it
        # stays in that namespace.
        dict.__setitem__(gl, "__builtins__", dict(builtins))
    closure = tuple(cells[name] for name in code.co_freevars) or None
    scope = Scope(gl if lo is None else lo)
    launch = types.FunctionType(_LAUNCH, {"__builtins__": dict(builtins), "_sb_exec": exec})
    launch(code, gl, scope, closure)
    return scope._sb_own.get(VALUE)
