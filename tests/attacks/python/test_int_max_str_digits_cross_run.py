# round-4 red team: sys.set_int_max_str_digits in one run must not change the host's or the next run's limit.
import sys


def test_int_max_str_digits_does_not_leak(guest):
    host_before = sys.get_int_max_str_digits()
    r = guest.run("import sys\nsys.set_int_max_str_digits(640)\nprint(sys.get_int_max_str_digits())")
    guest.contained(r, {"ok", "violation", "error"})
    assert sys.get_int_max_str_digits() == host_before
    r2 = guest.run("import sys\nprint(sys.get_int_max_str_digits())\nprint(len(str(10 ** 1000)))")
    guest.contained(r2, {"ok"})
    assert r2.stdout.split() == [str(host_before), "1001"]
    guest.assert_next_run_clean()


def test_reserved_match_helper_name(guest):
    r = guest.run("_sb_mc = 1\nmatch 1:\n    case int():\n        print('m')")
    guest.contained(r, {"violation"})
