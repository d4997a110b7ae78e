# attack: dos-swallow-timeout
# category: resource-exhaustion
# tries: keep running past the deadline by catching the timeout with except BaseException and looping in finally
# source: RestrictedPython / CodeJail timeout discussions ("the stop signal must not be catchable"); CWE-400
# verdict: status == timeout and returns within 6 s
# timeout_s: 1
while True:
    try:
        try:
            while True:
                pass
        finally:
            while True:
                pass
    except BaseException:
        pass
