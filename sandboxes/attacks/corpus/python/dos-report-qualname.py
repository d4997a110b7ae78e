# attack: dos-report-qualname
# category: resource-exhaustion
# tries: a class named with 3 MB of __qualname__ through a type() namespace, raised: the traceback report would carry it past max_output_bytes
# source: issue 12 of this project (round-2 red team, output cap); CWE-400, CWE-770
# verdict: status in {output_limit} and returns within 10 s
E = type("E", (Exception,), {"__qualname__": "Q" * 3_000_000})
raise E("boom")
