"""The verdict engine on synthetic observations: a permissive outcome is a breach, whatever the runtime does."""

from __future__ import annotations

from sandboxes.attacks import Observation, judge, parse_verdict

DENY = parse_verdict("status in {violation, error, compile_error} and canary not in output")


def obs(**kw):
    base = dict(status="violation", output="", wall_s=0.01, secrets=("s3cret",), host_paths=("/opt/host",))
    base.update(kw)
    return Observation(**base)


def test_refusal_is_contained():
    assert judge(DENY, obs()) == []


def test_a_permissive_status_is_a_breach():
    failed = judge(DENY, obs(status="ok"))
    assert failed and "got ok" in failed[0]


def test_a_leaked_canary_is_a_breach_even_when_the_status_is_right():
    assert any("canary" in f for f in judge(DENY, obs(status="error", output="... s3cret ...")))


def test_a_leaked_host_path_is_a_breach():
    assert any("host path" in f for f in judge(DENY, obs(output="File /opt/host/x.py")))


def test_listener_victim_followup_and_time_clauses():
    rule = parse_verdict("status in {error} and listener saw 0 connections and udp listener saw 0 datagrams and "
                         "victim file still exists and a follow-up run is clean and returns within 2 s")
    assert judge(rule, obs(status="error", followup_clean=True)) == []
    bad = judge(rule, obs(status="error", tcp_delta=1, udp_delta=2, victim_intact=False, followup_clean=False,
                          wall_s=3.0))
    assert len(bad) == 5
    assert judge(rule, obs(status="error", followup_clean=None))  # no follow-up made: not proven


def test_output_lacks():
    rule = parse_verdict('status in {ok} and output lacks "root:x:0:0"')
    assert judge(rule, obs(status="ok", output="nothing")) == []
    assert judge(rule, obs(status="ok", output="root:x:0:0:root"))
