# attack: poison-recursion-limit
# category: cross-run-poisoning
# tries: lower the recursion limit for the next run
# source: CWE-471
# verdict: status in {ok, violation, error, compile_error} and a follow-up run is clean
import sys
sys.setrecursionlimit(40)
