# attack: priv-native-code
# category: privilege-escalation
# tries: load native code with ctypes and call libc system()
# source: CWE-111 (Direct Use of Unsafe JNI) analogue; HackTricks 'Bypass Python sandboxes' (ctypes)
# verdict: status in {violation, error, compile_error} and output lacks "uid="
import ctypes
ctypes.CDLL(None).system(b"id")
