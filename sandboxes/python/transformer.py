"""Our compile-time policy: a subclass of RestrictedPython's transformer.

Stock RestrictedPython rejects much ordinary Python (dunder methods, ``_x``
names, ``x[i] += 1``, ``match``, annotations, ``nonlocal``...). This subclass
accepts those, each decided explicitly below, and rewrites the program so
that every sensitive operation goes through a guard supplied at run time
(``sandboxes.python.guards``):

=====================  =====================================================
``a.b``                ``_sb_ga(a, 'b')`` (``_sb_gp`` for ``_b``, ``_sb_gd`` for dunders)
``a.b = v``/``del``    ``_sb_w(a).b = v`` (write guard)
``for x in it``        ``for x in _sb_it(it)`` (deadline ticks for long iterations)
``while c:``           ``while c: _sb_tick(); ...``
``def f(): body``      ``def f(): _sb_enter(_sb_tk); body`` (a tick; also the recursion limit)
``a * b``              ``_sb_mul(a, b)`` (and ``**``, ``<<``: size guards)
``class C: ...``       ``@_sb_cls class C: ...`` (marks classes the program defined)
``import m``           checked against the module allowlist, here and at run time
=====================  =====================================================

Names the guards use start with ``_sb_``; the program may not use such
names, nor any other name RestrictedPython reserves.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Any

from RestrictedPython.transformer import INSPECT_ATTRIBUTES, RestrictingNodeTransformer, copy_locations

from ..result import Violation, cap_violations

GUEST_FILENAME = "main.py"

# Dunder methods a class body may define. Each is called by the interpreter
# with ordinary arguments and runs restricted code.
ALLOWED_DUNDER_DEFS = frozenset("""
__init__ __new__ __post_init__ __repr__ __str__ __format__ __hash__ __bool__
__eq__ __ne__ __lt__ __le__ __gt__ __ge__
__len__ __iter__ __next__ __reversed__ __contains__ __missing__
__getitem__ __setitem__ __delitem__
__enter__ __exit__ __call__
__add__ __radd__ __iadd__ __sub__ __rsub__ __isub__ __mul__ __rmul__ __imul__
__matmul__ __rmatmul__ __imatmul__ __truediv__ __rtruediv__ __itruediv__
__floordiv__ __rfloordiv__ __ifloordiv__ __mod__ __rmod__ __imod__
__divmod__ __rdivmod__ __pow__ __rpow__ __ipow__
__lshift__ __rlshift__ __ilshift__ __rshift__ __rrshift__ __irshift__
__and__ __rand__ __iand__ __or__ __ror__ __ior__ __xor__ __rxor__ __ixor__
__neg__ __pos__ __abs__ __invert__
__int__ __float__ __complex__ __index__ __round__ __trunc__ __floor__ __ceil__
__aenter__ __aexit__ __aiter__ __anext__ __await__
""".split())
# Denied, and why:
#   __del__                      runs at garbage collection, possibly after the run ended
#   __getattribute__ __setattr__ __delattr__   interpose on the attribute guards
#   __get__ __set__ __delete__                 descriptors run inside host lookups
#   __reduce__ __reduce_ex__ __getstate__ __setstate__   object protocols of copy/pickle
#   __instancecheck__ __subclasscheck__        class machinery

# Hooks of the class machinery and copy a class body may define (``def``, not type() namespaces).
# Each is called with the program's own objects and names: ``__getattr__(self, name)`` after a
# failed lookup, ``__copy__``/``__deepcopy__(memo)``/``__getnewargs__`` by copy, ``__init_subclass__``
# with the new subclass (which the runtime adopts as the program's), ``__class_getitem__`` with the
# subscript, ``__set_name__(owner, name)`` by the program's own class statements. Read only on the
# program's own classes and objects (``OWN_HOOK_READS``): a library's ``__init_subclass__`` called on
# its own class writes there (``typing.Protocol``).
CLASS_HOOK_DEFS = frozenset({"__getattr__", "__copy__", "__deepcopy__", "__init_subclass__", "__class_getitem__",
                             "__set_name__", "__getnewargs__", "__getnewargs_ex__"})
OWN_HOOK_READS = CLASS_HOOK_DEFS

# Dunder names a class body may assign (data, not code).
ALLOWED_DUNDER_CLASS_ATTRS = frozenset({"__slots__", "__match_args__", "__hash__", "__doc__"})

# Dunder attributes the program may read, on any object. The methods above
# plus plain metadata. Everything else (__class__ aside) that starts with
# "__" leads to interpreter internals: __globals__, __code__, __subclasses__...
# An exception's chain and notes are exceptions and strings; ``__setattr__``/``__delattr__`` come back
# as guarded stand-ins (``object.__setattr__(self, ...)`` in a frozen dataclass: the write guard's rules).
ALLOWED_DUNDER_READS = ALLOWED_DUNDER_DEFS | frozenset({"__name__", "__qualname__", "__doc__", "__module__",
                                                        "__class__", "__cause__", "__context__",
                                                        "__suppress_context__", "__notes__", "__setattr__",
                                                        "__delattr__"})
# Dunder attributes the program may read only on objects and classes it defined itself.
GUEST_ONLY_DUNDER_READS = frozenset({"__dict__", "__slots__", "__match_args__", "__annotations__",
                                     "__dataclass_fields__", "__bases__", "__mro__", "__wrapped__"})

RESERVED_PREFIX = "_sb_"
# Names RestrictedPython's own code generation uses; never let the program bind them.
RESERVED_NAMES = frozenset({
    "_getattr_", "_getitem_", "_write_", "_getiter_", "_inplacevar_", "_apply_",
    "_unpack_sequence_", "_iter_unpack_sequence_", "_print_", "_print", "__metaclass__",
    "__builtins__", "__loader__", "__spec__", "__file__", "__dict__",
})

# Public attribute names the guards treat specially (str.format, ABC.register, exception.obj).
SPECIAL_ATTRS = frozenset({"format", "format_map", "register", "obj",
                           "ljust", "rjust", "center", "zfill", "expandtabs", "mro", "get_stack", "print_stack", "to_bytes",
                           "extend", "extendleft", "join", "replace", "translate", "sub", "subn"})

SIZE_GUARDED_OPS = {ast.Mult: "_sb_mul", ast.Pow: "_sb_pow", ast.LShift: "_sb_lshift"}


@dataclass
class _Issue:
    kind: str
    detail: str
    line: int | None
    col: int | None


# The tags of a pattern spec (``_pattern_spec``, read by ``guards._match_pattern``); None is ``_``.
P_AS, P_VALUE, P_SINGLETON, P_SEQUENCE, P_MAPPING, P_CLASS, P_OR, P_STAR = range(8)


def _has_class_pattern(pattern: ast.pattern) -> bool:
    return any(isinstance(p, ast.MatchClass) for p in ast.walk(pattern))


def _pattern_compile_error(pattern: ast.pattern) -> str | None:
    """The SyntaxError the compiler raises for ``pattern`` as written (alternatives binding different
    names, a name bound twice, a repeated keyword...), or None: such a case is matched by the guards,
    and the compiler no longer sees its pattern."""
    probe = ast.Module(body=[ast.Match(subject=ast.Name("_", ast.Load()),
                                       cases=[ast.match_case(pattern=pattern, guard=None, body=[ast.Pass()])])],
                       type_ignores=[])
    try:
        compile(ast.fix_missing_locations(probe), "<pattern>", "exec", dont_inherit=True)
    except SyntaxError as exc:
        return str(exc.msg)
    return None


# A literal number this long in a format spec or %-format is worth a run-time check (widths of 10**6+).
_BIG_NUMBER = re.compile(r"\d{7}")


def _spec_needs_check(spec: ast.JoinedStr) -> bool:
    return any(not (isinstance(v, ast.Constant) and isinstance(v.value, str) and not _BIG_NUMBER.search(v.value))
               for v in spec.values)


def _printf_needs_check(left: ast.expr) -> bool:
    """A ``%`` whose left operand is a str/bytes literal with a ``*`` or a large number in it, or an
    f-string (other left operands: the end-of-run memory check)."""
    if isinstance(left, ast.JoinedStr):
        return True
    if isinstance(left, ast.Constant) and isinstance(left.value, (str, bytes)):
        text = left.value if isinstance(left.value, str) else left.value.decode("latin-1")
        return "%" in text and ("*" in text or bool(_BIG_NUMBER.search(text)))
    return False


def _call(name: str, *args: ast.expr, like: ast.AST) -> ast.Call:
    node = ast.Call(func=ast.Name(name, ast.Load()), args=list(args), keywords=[])
    copy_locations(node, like)  # type: ignore[arg-type]
    return node


def _tick_stmt(like: ast.AST, name: str = "_sb_tick", *args: ast.expr) -> ast.Expr:
    stmt = ast.Expr(value=_call(name, *args, like=like))
    copy_locations(stmt, like)  # type: ignore[arg-type]
    return stmt


class SandboxTransformer(RestrictingNodeTransformer):
    """RestrictedPython's transformer with this project's policy; see the module docstring."""

    def __init__(self, errors: list[str] | None = None, warnings: list[str] | None = None,
                 used_names: dict[str, bool] | None = None, *, allowed_modules: frozenset[str] = frozenset(),
                 allow_eval: bool = True, class_like: bool = False) -> None:
        super().__init__(errors, warnings, used_names)
        self.issues: list[_Issue] = []
        self.allowed_modules = allowed_modules
        self.allow_eval = allow_eval
        self._class_depth = 0  # >0 while directly inside a class body
        self._class_names: list[str] = []  # the enclosing class statements (private names are mangled with the last)
        self._tmp = 0
        self._match_pre: list[ast.stmt] | None = None  # statements to run before the match being visited
        self._match_subject: tuple[str, str] | None = None  # its subject's and captures' temporaries
        # True where names resolve as in a class body (locals, then globals; nested functions do not see
        # the locals): class bodies, and the top level of exec()/eval() code run in a namespace.
        self._class_like = class_like

    # -- reporting -----------------------------------------------------------
    def error(self, node: ast.AST, info: str, kind: str = "syntax") -> None:  # type: ignore[override]
        line = getattr(node, "lineno", None)
        col = getattr(node, "col_offset", None)
        self.issues.append(_Issue(kind, info, line, col))
        self.errors.append(f"Line {line}: {info}")

    def _tmp_name(self) -> str:
        self._tmp += 1
        return f"_sb_t{self._tmp}"

    # -- names ---------------------------------------------------------------
    def check_name(self, node: Any, name: str | None, allow_magic_methods: bool = False) -> None:
        """Allow ``_private`` names; disallow dunders and the guards' reserved names."""
        if name is None or name == "_":
            return
        if name.startswith(RESERVED_PREFIX) or name in RESERVED_NAMES:
            self.error(node, f'"{name}" is a reserved name', "name")
        elif name.startswith("__"):
            if allow_magic_methods and self._class_depth and (name in ALLOWED_DUNDER_DEFS or name in CLASS_HOOK_DEFS):
                return
            if self._mangled(name) is not None:
                return  # a private name inside a class: the compiler mangles it to _Class__name
            self.error(node, f'"{name}" is not allowed: names starting with "__" are reserved', "name")

    def _mangled(self, name: str) -> str | None:
        """``__name`` inside a class ``C`` as CPython mangles it (``_C__name``), or None if it is not
        mangled there (outside classes, dunders) or would be a reserved name."""
        if not self._class_names or not name.startswith("__") or name.endswith("__") or "." in name:
            return None
        owner = self._class_names[-1].lstrip("_")
        if not owner:
            return None
        out = f"_{owner}{name}"
        return None if out.startswith(RESERVED_PREFIX) else out

    def visit_Name(self, node: ast.Name) -> Any:
        """Allow names, ``print`` included (a plain builtin here); allow reading ``__name__`` and
        ``__import__`` (our import hook, which hands out facades)."""
        if node.id in ("__name__", "__import__", "__debug__") and isinstance(node.ctx, ast.Load):
            return node
        if (self._class_depth and isinstance(node.ctx, ast.Store) and node.id in ALLOWED_DUNDER_CLASS_ATTRS):
            return node
        if self._class_depth and node.id in ALLOWED_DUNDER_DEFS and node.id not in ("__exit__", "__aexit__"):
            # ``__rmul__ = __mul__``, ``__str__ = __repr__`` in a class body: a method under a second name.
            # Not __exit__: only a ``def __exit__`` receives its traceback argument as None.
            return node
        self.check_name(node, node.id)
        return node

    # -- attributes ------------------------------------------------------------
    def check_attr(self, node: ast.AST, attr: str) -> None:
        if attr.startswith(RESERVED_PREFIX):
            self.error(node, f'"{attr}" is a reserved attribute name', "attribute")
        elif attr.startswith("__"):
            if not (attr.endswith("__") and (attr in ALLOWED_DUNDER_READS or attr in GUEST_ONLY_DUNDER_READS
                                             or attr in OWN_HOOK_READS)) and self._mangled(attr) is None:
                self.error(node, f'"{attr}" is not an allowed attribute (dunder attributes lead to interpreter '
                                 f'internals)', "attribute")
        elif attr in INSPECT_ATTRIBUTES:
            self.error(node, f'"{attr}" is a restricted attribute (frame, code and traceback internals)',
                       "attribute")

    def visit_Attribute(self, node: ast.Attribute) -> Any:
        """``a.b`` -> ``_sb_ga(a, 'b')``; stores and deletes go through the write guard."""
        self.check_attr(node, node.attr)
        mangled = self._mangled(node.attr)
        if mangled is not None:  # ``self.__x`` in class C is ``self._C__x``, a private name
            node.attr = mangled
        node = self.node_contents_visit(node)
        if isinstance(node.ctx, ast.Load):
            attr = node.attr
            guard = ("_sb_gd" if attr.startswith("__") else "_sb_gp" if attr.startswith("_")
                     else "_sb_gs" if attr in SPECIAL_ATTRS else "_sb_ga")
            new = _call(guard, node.value, ast.Constant(attr), like=node)
            return new
        if attr_write_ok(node.attr):
            node.value = _call("_sb_w", node.value, like=node.value)
            return node
        self.error(node, f'assigning "{node.attr}" is not allowed', "attribute")
        return node

    def visit_Subscript(self, node: ast.Subscript) -> Any:
        """Allow item access natively: every container the program can reach is its own or read-only."""
        return self.node_contents_visit(node)

    # -- calls ---------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> Any:
        """Allow calls; ``eval``/``exec`` are builtins that compile under this same policy."""
        if isinstance(node.func, ast.Name) and node.func.id in ("eval", "exec") and not self.allow_eval:
            self.error(node, f"{node.func.id}() is not allowed by the policy", "builtin")
        return self.node_contents_visit(node)

    # -- operators with size guards ------------------------------------------
    def visit_BinOp(self, node: ast.BinOp) -> Any:
        """Route ``*``, ``**`` and ``<<`` through size guards (memory bombs like ``'x' * 10**10``)."""
        node = self.node_contents_visit(node)
        guard = SIZE_GUARDED_OPS.get(type(node.op))
        if guard is None:
            if isinstance(node.op, ast.Mod) and _printf_needs_check(node.left):
                return _call("_sb_pct", node.left, node.right, like=node)  # "%*s" % (w, s): widths checked
            return node
        return _call(guard, node.left, node.right, like=node)

    def visit_FormattedValue(self, node: ast.FormattedValue) -> Any:
        """``f"{x:spec}"``: a spec computed at run time (``{x:>{w}}``), or one with a large number in it,
        is checked before FORMAT_VALUE pads or fills in C (``_sb_spec``: red team F7)."""
        node = self.node_contents_visit(node)
        spec = node.format_spec
        if isinstance(spec, ast.JoinedStr) and _spec_needs_check(spec):
            check = ast.FormattedValue(value=_call("_sb_spec", spec, like=spec), conversion=-1, format_spec=None)
            node.format_spec = ast.JoinedStr(values=[check])
            for n in (check, node.format_spec):
                copy_locations(n, spec)
        return node

    def visit_AugAssign(self, node: ast.AugAssign) -> Any:
        """Allow augmented assignment to names, attributes and items; size-guard ``*=``, ``**=``, ``<<=``."""
        node = self.node_contents_visit(node)
        target = node.target
        if isinstance(target, ast.Attribute):
            self.check_attr(target, target.attr)
            if self._mangled(target.attr) is not None:
                target.attr = self._mangled(target.attr)  # type: ignore[assignment]
            if not attr_write_ok(target.attr):
                self.error(node, f'assigning "{target.attr}" is not allowed', "attribute")
                return node
        guard = SIZE_GUARDED_OPS.get(type(node.op))
        if guard is None:
            if isinstance(target, ast.Attribute):
                target.value = _call("_sb_w", target.value, like=target.value)
            return node
        iguard = guard.replace("_sb_", "_sb_i")
        # Expand into plain statements so the target is evaluated once:
        #   t = obj; t.attr = _sb_imul(t.attr, value)
        stmts: list[ast.stmt] = []
        if isinstance(target, ast.Name):
            load: ast.expr = ast.Name(target.id, ast.Load())
            store: ast.expr = ast.Name(target.id, ast.Store())
        elif isinstance(target, ast.Attribute):
            obj = self._tmp_name()
            stmts.append(ast.Assign(targets=[ast.Name(obj, ast.Store())],
                                    value=_call("_sb_w", target.value, like=target)))
            load = ast.Attribute(ast.Name(obj, ast.Load()), target.attr, ast.Load())
            store = ast.Attribute(ast.Name(obj, ast.Load()), target.attr, ast.Store())
        else:
            assert isinstance(target, ast.Subscript)
            obj, key = self._tmp_name(), self._tmp_name()
            stmts.append(ast.Assign(targets=[ast.Name(obj, ast.Store())], value=target.value))
            stmts.append(ast.Assign(targets=[ast.Name(key, ast.Store())], value=target.slice))
            load = ast.Subscript(ast.Name(obj, ast.Load()), ast.Name(key, ast.Load()), ast.Load())
            store = ast.Subscript(ast.Name(obj, ast.Load()), ast.Name(key, ast.Load()), ast.Store())
        stmts.append(ast.Assign(targets=[store], value=_call(iguard, load, node.value, like=node)))
        for s in stmts:
            copy_locations(s, node)
        return stmts

    # -- assignment: no unpacking guards (iteration is not a security boundary here)
    def visit_Assign(self, node: ast.Assign) -> Any:
        """Allow assignment, tuple unpacking included."""
        return self.node_contents_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> Any:
        """Allow annotated assignment (``x: int = 1``); annotations are evaluated like any expression."""
        if isinstance(node.target, ast.Name) and node.target.id.startswith("__") and self._class_depth:
            self.error(node, f'"{node.target.id}" is not allowed', "name")
        return self.node_contents_visit(node)

    def visit_With(self, node: ast.With) -> Any:
        """Allow ``with``."""
        return self.node_contents_visit(node)

    def visit_Nonlocal(self, node: ast.Nonlocal) -> Any:
        """Allow ``nonlocal`` (closures are ordinary Python)."""
        for name in node.names:
            self.check_name(node, name)
        return node

    def visit_Global(self, node: ast.Global) -> Any:
        """Allow ``global`` for the program's own names."""
        for name in node.names:
            self.check_name(node, name)
        return node

    # -- loops: deadline ticks ---------------------------------------------------
    def guard_iter(self, node: Any) -> Any:
        """``for x in it`` -> ``for x in _sb_it(it)``: long iterations check the deadline in chunks."""
        node = self.node_contents_visit(node)
        if getattr(node, "is_async", 0):  # an async comprehension: the async iterator's code ticks
            return node
        node.iter = _call("_sb_it", node.iter, like=node.iter)
        return node

    def visit_While(self, node: ast.While) -> Any:
        """Allow ``while``; each iteration checks the deadline."""
        node = self.node_contents_visit(node)
        node.body.insert(0, _tick_stmt(node))
        return node

    # -- functions and classes -------------------------------------------------
    def visit_FunctionDef(self, node: ast.FunctionDef) -> Any:
        """Allow ``def``; dunder methods only from the vetted list; each call checks the deadline."""
        self.check_name(node, node.name, allow_magic_methods=True)
        self.check_function_argument_names(node)
        depth, self._class_depth = self._class_depth, 0
        like, self._class_like = self._class_like, False
        try:
            node = self.node_contents_visit(node)
        finally:
            self._class_depth = depth
            self._class_like = like
        pos = 1 if node.body and isinstance(node.body[0], ast.Expr) and isinstance(
            getattr(node.body[0], "value", None), ast.Constant) else 0
        # ``_sb_enter(_sb_tk)`` is ``next(tick_chain)``: a call of a C function that takes no recursion
        # level of its own, so a too-deep recursion fails where CPython's does, with its message. Its
        # own name: the runtime may make function entries check the program's recursion limit.
        node.body.insert(pos, _tick_stmt(node, "_sb_enter", ast.Name("_sb_tk", ast.Load())))
        if node.name in ("__exit__", "__aexit__"):
            # The with statement calls ``__exit__(type, value, traceback)`` with the raw traceback
            # (host frames behind it); the guards never hand one out: it arrives as None.
            a = node.args
            fixes = [(p.arg, "_sb_notb") for p in a.posonlyargs + a.args + a.kwonlyargs]
            if a.vararg is not None:
                fixes.append((a.vararg.arg, "_sb_notbs"))
            for i, (name, guard) in enumerate(fixes):
                stmt = ast.Assign(targets=[ast.Name(name, ast.Store())],
                                  value=_call(guard, ast.Name(name, ast.Load()), like=node))
                copy_locations(stmt, node)  # type: ignore[arg-type]
                node.body.insert(pos + 1 + i, stmt)
        return node

    def visit_Lambda(self, node: ast.Lambda) -> Any:
        """Allow lambdas (they cannot loop without calling something that ticks)."""
        self.check_function_argument_names(node)
        depth, self._class_depth = self._class_depth, 0
        like, self._class_like = self._class_like, False
        try:
            return self.node_contents_visit(node)
        finally:
            self._class_depth = depth
            self._class_like = like

    def check_function_argument_names(self, node: Any) -> None:
        args = node.args
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if arg is not None:
                self.check_name(arg, arg.arg)

    def visit_ClassDef(self, node: ast.ClassDef) -> Any:
        """Allow classes; their bases and keywords (``metaclass=`` included, however spelled) are
        decided at run time by what they are (``guards.Guards.check_bases``); the class is
        registered as the program's own."""
        self.check_name(node, node.name)
        depth, self._class_depth = self._class_depth, 1
        like, self._class_like = self._class_like, True
        self._class_names.append(node.name)
        try:
            node.body = [self.visit(s) for s in node.body]  # type: ignore[misc]
            flat: list[ast.stmt] = []
            for s in node.body:
                flat.extend(s if isinstance(s, list) else [s])
            node.body = flat
        finally:
            self._class_depth = depth
            self._class_like = like
            self._class_names.pop()
        # First in the namespace: marks the class while its metaclass builds it (guards.EarlyMark).
        mark = ast.Assign(targets=[ast.Name("_sb_mark", ast.Store())], value=ast.Name("_sb_cmark", ast.Load()))
        copy_locations(mark, node)
        ast.fix_missing_locations(mark)
        first = node.body[0] if node.body else None
        has_doc = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
            and isinstance(first.value.value, str)
        node.body.insert(1 if has_doc else 0, mark)  # after the docstring, which must stay first
        node.bases = [self.visit(b) for b in node.bases]
        node.keywords = [self.visit(k) for k in node.keywords]
        node.decorator_list = [self.visit(d) for d in node.decorator_list]
        # Innermost, so it sees the class the statement created, not what other decorators return.
        reg = ast.Name("_sb_cls", ast.Load())
        copy_locations(reg, node)
        node.decorator_list.append(reg)
        return node

    def visit_Module(self, node: ast.Module) -> Any:
        """An import of a module outside the policy that is a statement of the module itself (it runs
        whenever the program does) is refused here, all at once with the rest; one inside ``try``,
        ``if`` (``if TYPE_CHECKING:``) or a function is decided when it runs (``check_import_names``)."""
        for stmt in node.body:
            if isinstance(stmt, (ast.Import, ast.ImportFrom)) and not getattr(stmt, "level", 0):
                names = [stmt.module or ""] if isinstance(stmt, ast.ImportFrom) else [a.name for a in stmt.names]
                for mod in names:
                    if mod not in self.allowed_modules:
                        self.error(stmt, f'import of module "{mod}" is not allowed by the policy', "import")
        return self.node_contents_visit(node)

    # -- imports -----------------------------------------------------------------
    def check_import_names(self, node: Any) -> Any:
        """Allow imports; which modules is decided when the import runs (``modules.RunContext``): a
        module outside the allowlist is CPython's ModuleNotFoundError there, which a program probing
        for optional modules catches (and which ends the run as a violation if it is not caught); an
        import under ``if TYPE_CHECKING:`` never runs. A relative import raises CPython's ImportError."""
        for alias in node.names:
            if alias.name != "*" and isinstance(node, ast.ImportFrom):
                self.check_name(node, alias.name)
                if alias.name.startswith("_"):
                    self.error(node, f'importing private name "{alias.name}" is not allowed', "import")
            if alias.asname:
                self.check_name(node, alias.asname)
            elif isinstance(node, ast.Import):
                self.check_name(node, alias.name.split(".")[0])
        return node

    # -- exceptions ----------------------------------------------------------------
    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> Any:
        """Allow ``except``."""
        self.check_name(node, node.name)
        return self.node_contents_visit(node)

    # -- match statements -----------------------------------------------------
    # The interpreter performs a pattern's lookups itself, in C: a value pattern's ``a.b`` (LOAD_ATTR),
    # and the class of a class pattern and the attributes it reads from its subject (MATCH_CLASS: the
    # names of ``__match_args__`` for positional sub-patterns, and the keywords). A value pattern is
    # rewritten to read through the guards, ``case a.B`` -> ``case _sb_mv(a).B`` (mapping keys alike).
    # A case whose pattern has a class pattern anywhere in it is never matched by the interpreter: any
    # check made before MATCH_CLASS reads is a time-of-check/time-of-use (red team F1), so the guards
    # match it, reading each name once as ``subject.name`` and binding the sub-patterns from the values
    # that read returned (``guards.Guards.match_case``):
    #   _sb_s1 = <subject>; _sb_r2 = None                        (before the match)
    #   match _sb_s1:
    #       case _ if (_sb_r2 := _sb_mc(_sb_s1, <spec>)) is not None and (x := _sb_r2['x'],) and <guard>:
    # The spec is the pattern as nested tuples; its classes, values and keys are lambdas evaluated when
    # the matcher reaches them (in a class-like scope, where a lambda would not see the scope's names,
    # they are evaluated when the case is tried).
    def visit_Match(self, node: ast.Match) -> Any:
        """Allow ``match``; every lookup a pattern makes goes through the guards."""
        outer, self._match_pre = self._match_pre, []
        outer_subject = self._match_subject
        self._match_subject = None
        try:
            if any(_has_class_pattern(case.pattern) for case in node.cases):
                self._match_subject = subject, result = self._tmp_name(), self._tmp_name()
                for name, value in ((subject, self.visit(node.subject)), (result, ast.Constant(None))):
                    self._match_pre.append(ast.Assign(targets=[ast.Name(name, ast.Store())], value=value))
                node.subject = ast.Name(subject, ast.Load())
                node.cases = [self.visit(case) for case in node.cases]
            else:
                node = self.node_contents_visit(node)
            pre = self._match_pre
        finally:
            self._match_pre = outer
            self._match_subject = outer_subject
        if not pre:
            return node
        for stmt in (*pre, node.subject):
            copy_locations(stmt, node)
            ast.fix_missing_locations(stmt)
        if not self._class_depth:
            return [*pre, node]
        # In a class body the temporaries would stay behind as class attributes.
        temps = sorted({t.id for stmt in pre for t in ast.walk(stmt)
                        if isinstance(t, ast.Name) and isinstance(t.ctx, ast.Store)})
        cleanup = ast.Delete(targets=[ast.Name(t, ast.Del()) for t in temps])
        wrapped = ast.Try(body=[node], handlers=[], orelse=[], finalbody=[cleanup])
        for n in (cleanup, wrapped):
            copy_locations(n, node)
        ast.fix_missing_locations(wrapped)
        return [*pre, wrapped]

    def visit_match_case(self, node: ast.match_case) -> Any:
        if self._match_subject is None or not _has_class_pattern(node.pattern):
            return self.node_contents_visit(node)
        problem = _pattern_compile_error(node.pattern)
        if problem is not None:  # what the compiler refuses in the pattern as written (names, repeats...)
            self.error(node.pattern, problem, "syntax")
            return node
        before = len(self.issues)
        captures: list[str] = []
        spec = self._pattern_spec(node.pattern, captures)
        guard = self.visit(node.guard) if node.guard is not None else None
        node.body = [self.visit(s) for s in node.body]  # type: ignore[misc]
        if len(self.issues) > before:
            return node
        subject, result = self._match_subject
        test: list[ast.expr] = [ast.Compare(
            left=ast.NamedExpr(target=ast.Name(result, ast.Store()),
                               value=_call("_sb_mc", ast.Name(subject, ast.Load()), spec, like=node.pattern)),
            ops=[ast.IsNot()], comparators=[ast.Constant(None)])]
        if captures:  # a non-empty tuple: true
            test.append(ast.Tuple(elts=[ast.NamedExpr(target=ast.Name(name, ast.Store()),
                                                      value=ast.Subscript(ast.Name(result, ast.Load()),
                                                                          ast.Constant(name), ast.Load()))
                                        for name in captures], ctx=ast.Load()))
        if guard is not None:
            test.append(guard)
        new_guard = test[0] if len(test) == 1 else ast.BoolOp(op=ast.And(), values=test)
        wildcard = ast.MatchAs(pattern=None, name=None)
        for n in (wildcard, new_guard):
            copy_locations(n, node.pattern)
        ast.fix_missing_locations(new_guard)
        node.pattern, node.guard = wildcard, new_guard
        return node

    def _reached(self, expr: ast.expr) -> ast.expr:
        """A pattern's class, value or key, as the matcher evaluates it when it reaches it."""
        value = self.visit(expr)
        if self._class_like:
            out: ast.expr = ast.Tuple(elts=[value], ctx=ast.Load())
        else:
            out = ast.Lambda(args=ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[],
                                                kw_defaults=[], kwarg=None, defaults=[]), body=value)
        copy_locations(out, expr)
        return out

    def _pattern_spec(self, p: ast.pattern, captures: list[str]) -> ast.expr:
        """The pattern ``p`` as the nested tuples ``guards._match_pattern`` reads, checked with the
        same rules as the patterns the interpreter matches; capture names are appended to ``captures``."""
        def tup(*elts: Any) -> ast.expr:
            return ast.Tuple(elts=[e if isinstance(e, ast.expr) else ast.Constant(e) for e in elts], ctx=ast.Load())

        def capture(name: str | None) -> None:
            if name is not None:
                self.check_name(p, name)
                if name not in captures:
                    captures.append(name)

        def subs(patterns: list[ast.pattern]) -> ast.expr:
            return tup(*[self._pattern_spec(q, captures) for q in patterns])

        def literal_or_dotted(expr: ast.expr, what: str) -> ast.expr:
            if isinstance(expr, (ast.Constant, ast.UnaryOp, ast.BinOp)):  # literals: the compiler folds them
                return tup(expr)
            self._check_dotted(expr, what)
            return self._reached(expr)

        if isinstance(p, ast.MatchAs):
            capture(p.name)
            if p.pattern is None and p.name is None:
                return ast.Constant(None)
            return tup(P_AS, self._pattern_spec(p.pattern, captures) if p.pattern else ast.Constant(None), p.name)
        if isinstance(p, ast.MatchValue):
            return tup(P_VALUE, literal_or_dotted(p.value, "match value"))
        if isinstance(p, ast.MatchSingleton):
            return tup(P_SINGLETON, p.value)
        if isinstance(p, ast.MatchSequence):
            return tup(P_SEQUENCE, subs(p.patterns))
        if isinstance(p, ast.MatchStar):
            capture(p.name)
            return tup(P_STAR, p.name)
        if isinstance(p, ast.MatchMapping):
            keys = tup(*[literal_or_dotted(k, "match key") for k in p.keys])
            values = subs(p.patterns)
            capture(p.rest)
            return tup(P_MAPPING, keys, values, p.rest)
        if isinstance(p, ast.MatchOr):
            return tup(P_OR, subs(p.patterns))
        if isinstance(p, ast.MatchClass):
            self._check_dotted(p.cls, "class pattern")
            for attr in p.kwd_attrs:
                self.check_attr(p, attr)  # the compile-time half of obj.name's rules
            return tup(P_CLASS, self._reached(p.cls), subs(p.patterns), tuple(p.kwd_attrs), subs(p.kwd_patterns))
        self.error(p, f"{type(p).__name__} patterns are not supported", "syntax")
        return ast.Constant(None)

    def _check_dotted(self, expr: ast.expr, what: str) -> None:
        # Pattern classes and values are dotted names (the parser allows nothing else) of ordinary
        # public attribute names; the lookups themselves go through the guards.
        while isinstance(expr, ast.Attribute):
            if expr.attr.startswith("_") or expr.attr in INSPECT_ATTRIBUTES:
                self.error(expr, f'"{expr.attr}" is not allowed in a {what}', "attribute")
            expr = expr.value
        if isinstance(expr, ast.Name):
            self.check_name(expr, expr.id)
            return
        self.error(expr, f"only a dotted name is allowed as a {what}", "syntax")

    def _guarded_value(self, expr: ast.expr, what: str) -> ast.expr:
        """``a.b`` in a value pattern or mapping key -> ``_sb_mv(a).b``: read through the guards."""
        if not isinstance(expr, ast.Attribute):
            self._check_dotted(expr, what)
            return expr
        before = len(self.issues)
        self._check_dotted(expr, what)
        if len(self.issues) > before:
            return expr
        inner = _call("_sb_mv", self.visit(expr.value), like=expr)
        new = ast.Attribute(inner, expr.attr, ast.Load())
        copy_locations(new, expr)
        return new

    def visit_MatchValue(self, node: ast.MatchValue) -> Any:
        if not isinstance(node.value, (ast.Constant, ast.UnaryOp, ast.BinOp)):
            node.value = self._guarded_value(node.value, "match value")
        return node

    def visit_MatchSingleton(self, node: ast.MatchSingleton) -> Any:
        return node

    def visit_MatchSequence(self, node: ast.MatchSequence) -> Any:
        return self.node_contents_visit(node)

    def visit_MatchStar(self, node: ast.MatchStar) -> Any:
        self.check_name(node, node.name)
        return node

    def visit_MatchAs(self, node: ast.MatchAs) -> Any:
        self.check_name(node, node.name)
        return self.node_contents_visit(node)

    def visit_MatchOr(self, node: ast.MatchOr) -> Any:
        return self.node_contents_visit(node)

    def visit_MatchMapping(self, node: ast.MatchMapping) -> Any:
        self.check_name(node, node.rest)
        node.keys = [key if isinstance(key, (ast.Constant, ast.UnaryOp, ast.BinOp))
                     else self._guarded_value(key, "match key") for key in node.keys]
        node.patterns = [self.visit(p) for p in node.patterns]
        return node

    # -- explicitly denied ----------------------------------------------------------
    def visit_AsyncFunctionDef(self, node: Any) -> Any:
        """Allow ``async def`` as ``def`` (the sandbox's asyncio runs the event loop inside the run)."""
        return self.visit_FunctionDef(node)

    def visit_Await(self, node: ast.Await) -> Any:
        """Allow ``await``."""
        return self.node_contents_visit(node)

    def visit_AsyncWith(self, node: ast.AsyncWith) -> Any:
        """Allow ``async with`` (a ``def __aexit__`` gets its traceback argument as None)."""
        return self.node_contents_visit(node)

    def visit_AsyncFor(self, node: ast.AsyncFor) -> Any:
        """Allow ``async for``; each iteration checks the deadline."""
        node = self.node_contents_visit(node)
        node.body.insert(0, _tick_stmt(node))
        return node

    def visit_TryStar(self, node: Any) -> Any:
        """Disallow ``try/except*``: exception groups have been a RestrictedPython escape vector."""
        self.error(node, "try/except* is not allowed", "syntax")


def attr_write_ok(attr: str) -> bool:
    """Attributes the program may assign: public and ``_private`` names, never dunders."""
    return not attr.startswith("__") and not attr.startswith(RESERVED_PREFIX) and attr not in INSPECT_ATTRIBUTES


class CompileOutcome:
    """``syntax``: for a SyntaxError of CPython's parser or compiler, what CPython's report shows of it
    (class, msg, lineno, offset, the text a program file's report shows, the text an exec()/eval()
    string's shows, end_lineno, end_offset); ``syntax_exception`` makes a fresh exception of it each time
    (outcomes are cached; a program may change the one it catches)."""

    __slots__ = ("code", "violations", "syntax_error", "syntax")

    def __init__(self, code: Any, violations: tuple[Violation, ...], syntax_error: bool,
                 syntax: tuple[Any, ...] | None = None) -> None:
        self.code = code
        self.violations = violations
        self.syntax_error = syntax_error
        self.syntax = syntax

    def syntax_exception(self, filename: str, *, program: bool = False) -> SyntaxError | None:
        """``program``: as CPython reports the SyntaxError of a program file it runs: its text is the
        file's line and its offsets count the line's UTF-8 bytes (a string's, as exec() and compile()
        raise them, count characters, with the tokenizer's text, none for the compiler's errors)."""
        if self.syntax is None:
            return None
        cls, msg, lineno, offset, file_text, string_text, end_lineno, end_offset = self.syntax
        text = file_text if program else string_text
        if program and isinstance(text, str) and not text.isascii():
            offset = _byte_offset(text, offset)
            if end_lineno == lineno:
                end_offset = _byte_offset(text, end_offset)
        return cls(msg, (filename, lineno, offset, text, end_lineno, end_offset))


def _byte_offset(text: str, offset: Any) -> Any:
    """A 1-based character offset into ``text`` as a 1-based offset into its UTF-8 bytes."""
    if not isinstance(offset, int) or offset < 1:
        return offset
    head = text[:offset - 1]
    return len(head.encode("utf-8", "surrogatepass")) + (offset - 1 - len(head)) + 1


_LINE_BREAKS = re.compile(r"\r\n|\r|\n")


def source_lines(source: str) -> list[str]:
    """The program's lines as CPython's reports show them (linecache reads the file with universal
    newlines): ``str.splitlines`` would also break at a form feed, ``\\x0b``, ``\\x1c``-``\\x1e``,
    ``\\x85`` or ``\\u2028`` in a comment or string, and shift every line after it."""
    return _LINE_BREAKS.split(source)


# A name no file can have (``/dev/null`` is no directory): CPython's parser takes a SyntaxError's text
# from the file the source was parsed under, read from the disk (``PyErr_ProgramTextObject``), and only
# where that fails from the source it holds. The program's source is parsed under the guest's file name
# (warnings carry it), so a host file of that name in the host's working directory would become the
# text; a second parse under this name gives the tokenizer's own text, as an exec() string natively has.
_NO_FILE = "/dev/null/<string>"


def _source_line(source: str, lineno: Any) -> str | None:
    """Line ``lineno`` of ``source`` as a program file's error text has it, its break as ``\\n`` (CPython
    reads it from the file)."""
    lines = source_lines(source)
    if not isinstance(lineno, int) or not 0 < lineno <= len(lines):
        return None
    if lineno < len(lines):
        return lines[lineno - 1] + "\n"
    return lines[-1] or None  # the last line, which no break ends


def _syntax_outcome(e: SyntaxError, source: str, mode: str, parser: bool) -> CompileOutcome:
    """The outcome of a SyntaxError (or IndentationError, TabError) CPython raised for ``source``:
    ``parser`` its parser's (which has a text of its own for a string), else its compiler's (none)."""
    cls = type(e) if type(e) in (SyntaxError, IndentationError, TabError) else SyntaxError
    string_text = None
    if parser:
        try:
            ast.parse(source, _NO_FILE, mode)
        except SyntaxError as again:
            string_text = again.text if isinstance(again.text, str) else None
        except (ValueError, MemoryError, RecursionError):
            pass
    info = (cls, e.msg, e.lineno, e.offset, _source_line(source, e.lineno), string_text, e.end_lineno, e.end_offset)
    return CompileOutcome(None, (Violation("syntax", f"{cls.__name__}: {e.msg}", e.lineno, e.offset),), True, info)


# The host parses the source before any deadline applies. CPython 3.11 parses an f-string in time
# proportional to its length times its replacement fields (82 s for one 1 MiB f-string of `{a}`):
# a longer f-string literal is refused before the parser sees it.
MAX_FSTRING_CHARS = 16384


def _long_fstring(source: str) -> Violation | None:
    if len(source) <= MAX_FSTRING_CHARS:
        return None
    import io
    import tokenize

    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.STRING and len(tok.string) > MAX_FSTRING_CHARS \
                    and "f" in tok.string[:3].split("'")[0].split('"')[0].lower():
                return Violation("size", f"an f-string of {len(tok.string)} characters; at most {MAX_FSTRING_CHARS} "
                                         "are accepted", tok.start[0], tok.start[1] + 1)
    except (tokenize.TokenError, SyntaxError, ValueError):
        return None  # the parser reports it
    return None


def compile_guest(source: str, *, allowed_modules: frozenset[str], allow_eval: bool,
                  mode: str = "exec", filename: str = GUEST_FILENAME, namespace: bool = False) -> CompileOutcome:
    """Parse, check and transform ``source``; compile it if the policy allows everything in it.

    ``namespace``: for ``exec``/``eval`` in a dictionary of the program's, compiled as
    ``namespaces.wrap`` describes (checked as ordinary module code first)."""
    long_fstring = _long_fstring(source)
    if long_fstring is not None:
        return CompileOutcome(None, (long_fstring,), False)
    try:
        tree = ast.parse(source, filename, mode)
    except SyntaxError as e:
        return _syntax_outcome(e, source, mode, True)
    except (ValueError, MemoryError, RecursionError) as e:  # NUL bytes, absurd nesting
        return CompileOutcome(None, (Violation("syntax", f"{type(e).__name__}: {e}"),), True)
    t = SandboxTransformer(allowed_modules=allowed_modules, allow_eval=allow_eval, class_like=namespace)
    try:
        tree = t.visit(tree)
    except RecursionError:
        return CompileOutcome(None, (Violation("syntax", "RecursionError: the program is nested too deeply"),), True)
    if t.issues:
        syntax = all(i.kind == "syntax" for i in t.issues)
        return CompileOutcome(None, cap_violations([Violation(i.kind, i.detail, i.line, i.col) for i in t.issues]), syntax)
    try:
        ast.fix_missing_locations(tree)
        code = compile(tree, filename, mode, dont_inherit=True)
    except SyntaxError as e:  # e.g. 'return' outside function, detected by the compiler
        return _syntax_outcome(e, source, mode, False)
    except (ValueError, RecursionError, MemoryError) as e:
        return CompileOutcome(None, (Violation("syntax", f"{type(e).__name__}: {e}"),), True)
    if namespace:
        from .namespaces import wrap

        try:
            code = wrap(tree, filename)
        except SyntaxError as e:
            return _syntax_outcome(e, source, mode, False)
        except (ValueError, RecursionError, MemoryError) as e:
            return CompileOutcome(None, (Violation("syntax", f"{type(e).__name__}: {e}"),), True)
    return CompileOutcome(code, (), False)
