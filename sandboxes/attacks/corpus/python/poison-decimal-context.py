# attack: poison-decimal-context
# category: cross-run-poisoning
# tries: change the thread's decimal context so the next run computes differently
# source: CWE-471; Python docs 'decimal contexts are thread-local'
# verdict: status in {ok, violation, error, compile_error} and a follow-up run is clean
import decimal
decimal.getcontext().prec = 3
