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
""".split())
# Denied, and why:
#   __del__                      runs at garbage collection, possibly after the run ended
#   __getattribute__ __getattr__ __setattr__ __delattr__   interpose on the attribute guards
#   __get__ __set__ __delete__ __set_name__               descriptors run inside host lookups
#   __reduce__ __reduce_ex__ __getstate__ __setstate__ __copy__ __deepcopy__   object protocols of copy/pickle
#   __init_subclass__ __class_getitem__ __instancecheck__ __subclasscheck__    class machinery
#   __aenter__ __aexit__ __aiter__ __anext__ __await__    async is not supported

# Dunder names a class body may assign (data, not code).
ALLOWED_DUNDER_CLASS_ATTRS = frozenset({"__slots__", "__match_args__", "__hash__", "__doc__"})

# Dunder attributes the program may read, on any object. The methods above
# plus plain metadata. Everything else (__class__ aside) that starts with
# "__" leads to interpreter internals: __globals__, __code__, __subclasses__...
ALLOWED_DUNDER_READS = ALLOWED_DUNDER_DEFS | frozenset({"__name__", "__qualname__", "__doc__", "__module__", "__class__"})
# Dunder attributes the program may read only on objects and classes it defined itself.
GUEST_ONLY_DUNDER_READS = frozenset({"__dict__", "__slots__", "__match_args__", "__annotations__",
                                     "__dataclass_fields__", "__bases__", "__mro__"})

RESERVED_PREFIX = "_sb_"
# Names RestrictedPython's own code generation uses; never let the program bind them.
RESERVED_NAMES = frozenset({
    "_getattr_", "_getitem_", "_write_", "_getiter_", "_inplacevar_", "_apply_",
    "_unpack_sequence_", "_iter_unpack_sequence_", "_print_", "_print", "__metaclass__",
    "__builtins__", "__loader__", "__spec__", "__file__", "__dict__",
})

# Public attribute names the guards treat specially (str.format, ABC.register, exception.obj).
SPECIAL_ATTRS = frozenset({"format", "format_map", "register", "obj",
                           "ljust", "rjust", "center", "zfill", "expandtabs", "mro"})

SIZE_GUARDED_OPS = {ast.Mult: "_sb_mul", ast.Pow: "_sb_pow", ast.LShift: "_sb_lshift"}


@dataclass
class _Issue:
    kind: str
    detail: str
    line: int | None
    col: int | None


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
        self._tmp = 0
        self._match_pre: list[ast.stmt] | None = None  # statements to run before the match being visited
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
            if allow_magic_methods and name in ALLOWED_DUNDER_DEFS and self._class_depth:
                return
            self.error(node, f'"{name}" is not allowed: names starting with "__" are reserved', "name")

    def visit_Name(self, node: ast.Name) -> Any:
        """Allow names, ``print`` included (a plain builtin here); allow reading ``__name__`` and
        ``__import__`` (our import hook, which hands out facades)."""
        if node.id in ("__name__", "__import__") and isinstance(node.ctx, ast.Load):
            return node
        if (self._class_depth and isinstance(node.ctx, ast.Store) and node.id in ALLOWED_DUNDER_CLASS_ATTRS):
            return node
        self.check_name(node, node.id)
        return node

    # -- attributes ------------------------------------------------------------
    def check_attr(self, node: ast.AST, attr: str) -> None:
        if attr.startswith(RESERVED_PREFIX):
            self.error(node, f'"{attr}" is a reserved attribute name', "attribute")
        elif attr.startswith("__"):
            if not (attr.endswith("__") and (attr in ALLOWED_DUNDER_READS or attr in GUEST_ONLY_DUNDER_READS)):
                self.error(node, f'"{attr}" is not an allowed attribute (dunder attributes lead to interpreter '
                                 f'internals)', "attribute")
        elif attr in INSPECT_ATTRIBUTES:
            self.error(node, f'"{attr}" is a restricted attribute (frame, code and traceback internals)',
                       "attribute")

    def visit_Attribute(self, node: ast.Attribute) -> Any:
        """``a.b`` -> ``_sb_ga(a, 'b')``; stores and deletes go through the write guard."""
        self.check_attr(node, node.attr)
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
            return node
        return _call(guard, node.left, node.right, like=node)

    def visit_AugAssign(self, node: ast.AugAssign) -> Any:
        """Allow augmented assignment to names, attributes and items; size-guard ``*=``, ``**=``, ``<<=``."""
        node = self.node_contents_visit(node)
        target = node.target
        if isinstance(target, ast.Attribute):
            self.check_attr(target, target.attr)
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
        if node.name == "__exit__":
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
        try:
            node.body = [self.visit(s) for s in node.body]  # type: ignore[misc]
            flat: list[ast.stmt] = []
            for s in node.body:
                flat.extend(s if isinstance(s, list) else [s])
            node.body = flat
        finally:
            self._class_depth = depth
            self._class_like = like
        node.bases = [self.visit(b) for b in node.bases]
        node.keywords = [self.visit(k) for k in node.keywords]
        node.decorator_list = [self.visit(d) for d in node.decorator_list]
        # Innermost, so it sees the class the statement created, not what other decorators return.
        reg = ast.Name("_sb_cls", ast.Load())
        copy_locations(reg, node)
        node.decorator_list.append(reg)
        return node

    def visit_Module(self, node: ast.Module) -> Any:
        return self.node_contents_visit(node)

    # -- imports -----------------------------------------------------------------
    def check_import_names(self, node: Any) -> Any:
        """Allow imports of allowlisted modules only; ``*`` imports included."""
        if isinstance(node, ast.ImportFrom):
            if node.level:
                self.error(node, "relative imports are not allowed", "import")
            mods = [node.module or ""]
        else:
            mods = [a.name for a in node.names]
        for mod in mods:
            if mod not in self.allowed_modules:
                self.error(node, f'import of module "{mod}" is not allowed by the policy', "import")
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
    # The interpreter performs a pattern's lookups itself, in C: the class of a class pattern and a
    # value pattern's ``a.b`` (LOAD_ATTR), and the attributes a class pattern reads from its subject
    # (MATCH_CLASS: the names of ``__match_args__`` for positional sub-patterns, and the keywords).
    # Each is rewritten so that the guards decide, with the rules of ``obj.name``:
    #   case a.B(p, k=q)  ->  _sb_t1 = _sb_mc(lambda: _sb_ga(a, 'B'), 1, ('k',))   (before the match)
    #                         case _sb_t1.cls(p, k=q)
    #   case a.B          ->  case _sb_mv(a).B             (and the same for mapping keys)
    # ``_sb_t1.cls`` evaluates the class when the case is tried (as the interpreter would) and hands
    # the interpreter a stand-in class whose isinstance check reads every name through the guards
    # first (``guards.Guards.match_class``). The compiler only accepts a dotted name as a pattern's
    # class, hence the temporary. Where a lambda would not see the scope's names (a class body, the
    # top level of exec code in a namespace) the class is evaluated just before the match instead,
    # an error in doing so kept for when its case is tried (``_sb_mce``, ``_sb_mcerr``).
    def visit_Match(self, node: ast.Match) -> Any:
        """Allow ``match``; every lookup a pattern makes goes through the guards."""
        outer, self._match_pre = self._match_pre, []
        try:
            node = self.node_contents_visit(node)
            pre = self._match_pre
        finally:
            self._match_pre = outer
        if not pre:
            return node
        for stmt in pre:
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
        return self.node_contents_visit(node)

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

    def visit_MatchClass(self, node: ast.MatchClass) -> Any:
        """Allow class patterns; the names they read (keywords, and ``__match_args__`` for positional
        sub-patterns) follow the rules of ``obj.name``, checked at run time by the guards."""
        before = len(self.issues)
        self._check_dotted(node.cls, "class pattern")
        for attr in node.kwd_attrs:
            self.check_attr(node, attr)  # the compile-time half of obj.name's rules
        node.patterns = [self.visit(p) for p in node.patterns]
        node.kwd_patterns = [self.visit(p) for p in node.kwd_patterns]
        if self._match_pre is None or len(self.issues) > before:  # refused: nothing to compile
            return node
        tmp = self._tmp_name()
        kw = ast.Constant(tuple(node.kwd_attrs))  # type: ignore[arg-type]  # a tuple constant compiles
        npos = ast.Constant(len(node.patterns))
        if self._class_like:
            # A lambda here would not see the names of this scope: the class is evaluated before the
            # match, and an error in doing so is raised when its case is tried, as CPython would.
            value = self._tmp_name()
            attempt = ast.Try(body=[ast.Assign(targets=[ast.Name(value, ast.Store())], value=self.visit(node.cls))],
                              handlers=[ast.ExceptHandler(type=ast.Name("Exception", ast.Load()), name=None,
                                                          body=[ast.Assign(targets=[ast.Name(value, ast.Store())],
                                                                           value=_call("_sb_mcerr", like=node))])],
                              orelse=[], finalbody=[])
            self._match_pre.append(attempt)
            spec = _call("_sb_mce", ast.Name(value, ast.Load()), npos, kw, like=node)
        else:
            thunk = ast.Lambda(args=ast.arguments(posonlyargs=[], args=[], vararg=None, kwonlyargs=[],
                                                  kw_defaults=[], kwarg=None, defaults=[]),
                               body=self.visit(node.cls))
            copy_locations(thunk, node)
            spec = _call("_sb_mc", thunk, npos, kw, like=node)
        self._match_pre.append(ast.Assign(targets=[ast.Name(tmp, ast.Store())], value=spec))
        cls = ast.Attribute(ast.Name(tmp, ast.Load()), "cls", ast.Load())
        copy_locations(cls, node.cls)
        copy_locations(cls.value, node.cls)
        node.cls = cls
        return node

    # -- explicitly denied ----------------------------------------------------------
    def visit_AsyncFunctionDef(self, node: Any) -> Any:
        """Disallow ``async def``: there is no event loop in the sandbox."""
        self.error(node, "async functions are not supported", "syntax")

    def visit_TryStar(self, node: Any) -> Any:
        """Disallow ``try/except*``: exception groups have been a RestrictedPython escape vector."""
        self.error(node, "try/except* is not allowed", "syntax")


def attr_write_ok(attr: str) -> bool:
    """Attributes the program may assign: public and ``_private`` names, never dunders."""
    return not attr.startswith("__") and not attr.startswith(RESERVED_PREFIX) and attr not in INSPECT_ATTRIBUTES


class CompileOutcome:
    __slots__ = ("code", "violations", "syntax_error")

    def __init__(self, code: Any, violations: tuple[Violation, ...], syntax_error: bool) -> None:
        self.code = code
        self.violations = violations
        self.syntax_error = syntax_error


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
        msg = f"{type(e).__name__}: {e.msg}"
        return CompileOutcome(None, (Violation("syntax", msg, e.lineno, e.offset),), True)
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
        return CompileOutcome(None, (Violation("syntax", f"{type(e).__name__}: {e.msg}", e.lineno, e.offset),), True)
    except (ValueError, RecursionError, MemoryError) as e:
        return CompileOutcome(None, (Violation("syntax", f"{type(e).__name__}: {e}"),), True)
    if namespace:
        from .namespaces import wrap

        try:
            code = wrap(tree, filename)
        except SyntaxError as e:
            return CompileOutcome(None, (Violation("syntax", f"SyntaxError: {e.msg}", e.lineno, e.offset),), True)
        except (ValueError, RecursionError, MemoryError) as e:
            return CompileOutcome(None, (Violation("syntax", f"{type(e).__name__}: {e}"),), True)
    return CompileOutcome(code, (), False)
