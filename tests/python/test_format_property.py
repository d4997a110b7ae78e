"""Property test: the guards' ``str.format`` renderer agrees with CPython's on generated templates.

The sandbox renders replacement fields itself (so that ``{0.attr}`` goes through the guards); here
random templates built from the format grammar's pieces (auto and manual numbering, keywords,
attribute and index lookups, conversions, specs with nested fields) are rendered by
``Guards.safe_format`` and by ``str.format``/``format_map``, and the results, or the exception's type
and message, must be the same.
"""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sandboxes.python import guards as G


class Obj:
    x = 7
    name = "obj"
    items = [1, 2, 3]


ARGS = (-2.5, "text", 3, [10, 20, 30], {"k": "v", 1: "one"}, Obj(), 12345678, "")
KWARGS = {"w": 6, "p": 2, "a": "kw", "o": Obj(), "f": "<", "z": 0}

lookup = st.sampled_from([""] * 12 + [".x", ".name", ".items[1]", "[0]", "[k]", "[1]", ".real", ".nope", "."])
conversion = st.sampled_from([""] * 12 + ["!r", "!s", "!a", "!x"])
align = st.sampled_from(["", "", "", "<", ">", "^", "=", "*^", "0>", " <"])
sign = st.sampled_from(["", "", "", "+", "-", " "])
width = st.sampled_from(["", "", "", "0", "1", "5", "12", "{w}", "{}", "0{}", "{:{}}"])
grouping = st.sampled_from(["", "", "", ",", "_"])
precision = st.sampled_from(["", "", "", ".0", ".2", ".{p}", ".{}"])
kind = st.sampled_from(["", "", "", "", "", "", "", "s", "d", "f", "e", "g", "x", "X", "o", "b", "%", "n", "c", "q"])
literal = st.sampled_from(["", "", "", "a", " ", "{{", "}}", "-", "é"] * 6 + ["{", "}"])


@st.composite
def templates(draw: st.DrawFn) -> str:
    # Mostly one numbering per template (mixing them is an error, tried now and then).
    mode = draw(st.sampled_from(["auto", "auto", "manual", "keyword", "mixed"]))
    names = {"auto": [""], "manual": [str(i) for i in range(8)] + ["9"], "keyword": ["w", "p", "a", "o", "nope"],
             "mixed": ["", "0", "w", "3"]}[mode]
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        parts.append(draw(literal))
        spec = draw(align) + draw(sign) + draw(width) + draw(grouping) + draw(precision) + draw(kind)
        if mode != "auto":
            spec = spec.replace("{}", "{w}").replace("{:{w}}", "{p}")
        field = draw(st.sampled_from(names)) + draw(lookup) + draw(conversion)
        parts.append("{" + field + (":" + spec if spec else "") + "}")
    parts.append(draw(literal))
    return "".join(parts)


# Valid fields only: a value and a spec that fits its type; the nested widths and precisions come
# from the arguments too (automatic numbering: the nested fields take the next arguments, in order).
VALID = {
    -2.5: ["", ">10", "<8.2f", "+.3e", "^12.1%", "010.3f", ",.2f", "g", "{}.{}f", "*^{}", "{}"],
    "text": ["", ">10", "<8", "^{}", ".2", "*<{}.{}", "s", "{}"],
    3: ["", "d", "+05d", "x", "#b", ",", "_", "{}", "0{}", "c", "^{}o", "{}{}"],
    12345678: [",", "_x", "{},", ">{},d", "e"],
    "é": ["^5", "{}{}", "!r:>{}", "!a"],  # "{}{}": a width of two digits
}


@st.composite
def valid_fields(draw: st.DrawFn) -> tuple[str, tuple]:
    parts, args = [], []
    for _ in range(draw(st.integers(1, 4))):
        value = draw(st.sampled_from(sorted(VALID, key=repr)))
        spec = draw(st.sampled_from(VALID[value]))
        args.append(value)
        conv = ""
        if spec.startswith("!"):  # a conversion, then maybe a spec
            conv, _, spec = spec.partition(":")
        if spec == "{}{}" and value != "é":  # fill-and-align, then a width
            args += [draw(st.sampled_from(["<", ">", "^"])), draw(st.sampled_from([6, 1, 12]))]
        else:
            args += [draw(st.sampled_from([6, 4, 1, 0, 12])) for _ in range(spec.count("{}"))]
        parts.append(draw(literal.filter(lambda x: x not in ("{", "}"))))
        parts.append("{" + conv + (":" + spec if spec else "") + "}")
    return "".join(parts), tuple(args)


def _outcome(call):
    try:
        return ("ok", call())
    except Exception as e:  # noqa: BLE001 - the outcome compared is the exception
        return (type(e).__name__, str(e))


def _guards() -> G.Guards:
    state = G.RunState(deadline=None, max_output=None, memory_bytes=None, stdin="", max_items=10**6,
                       max_int_bits=10**6)
    return G.Guards(state)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(templates())
def test_format_agrees_with_cpython(template):
    g = _guards()
    assert _outcome(lambda: g.safe_format(template, ARGS, KWARGS)) == _outcome(lambda: template.format(*ARGS, **KWARGS))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(templates())
def test_format_map_agrees_with_cpython(template):
    g = _guards()
    assert _outcome(lambda: g.safe_format(template, None, KWARGS)) == _outcome(lambda: template.format_map(KWARGS))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_fields())
def test_valid_fields_render_as_in_cpython(case):
    template, args = case
    g = _guards()
    assert _outcome(lambda: g.safe_format(template, args, {})) == _outcome(lambda: template.format(*args))
