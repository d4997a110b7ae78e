# Attack: `match` class patterns read attributes with the interpreter's own lookup (MATCH_CLASS), not the
# rewritten `_sb_ga/_sb_gp` calls. A keyword sub-pattern naming a `_private` attribute of a host object
# (here `sys.stdout._sb_state`, the run's RunState) reads it; with the RunState the guest can add its
# own classes to `guest_classes`, lift the deadline, the output cap and the memory cap.
# Published: pattern-matching bypasses of attribute guards discussed in RestrictedPython issues
# ("match statement support", zopefoundation/RestrictedPython#237 / #241) and pyjail write-ups using
# `case object(attr=x)` as a getattr gadget (e.g. ångstromCTF/UIUCTF pyjail 2023 solutions).
import time


def test_match_pattern_cannot_read_private_host_attributes(guest):
    code = ("import sys\n"
            "match sys.stdout:\n"
            "    case object(_sb_state=st):\n"
            "        print('REACHED', type(st).__name__)\n"
            "    case _:\n"
            "        print('no match')\n")
    r = guest.run(code)
    guest.contained(r, {"violation", "ok", "error"}, forbidden=["REACHED", "RunState"])


def test_match_pattern_cannot_lift_the_deadline(guest):
    # With the run state in hand: make it writable, then swallow the timeout and clear it.
    code = ("import sys, time\n"
            "match sys.stdout:\n"
            "    case object(_sb_state=st):\n"
            "        st.guest_classes.add(type(st))\n"
            "t0 = time.monotonic()\n"
            "while time.monotonic() - t0 < 6:\n"
            "    try:\n"
            "        while time.monotonic() - t0 < 6:\n"
            "            pass\n"
            "    except BaseException:\n"
            "        st.stop = None\n"
            "        st.deadline = None\n"
            "print('SURVIVED', round(time.monotonic() - t0, 1))\n")
    t0 = time.monotonic()
    r = guest.run(code, timeout=1.0, wall=12.0)
    guest.contained(r, {"violation", "timeout"}, forbidden=["SURVIVED"], max_wall=3.5)
    assert time.monotonic() - t0 < 12
