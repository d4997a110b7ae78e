import sys
print(sys.argv[0].endswith(".py") or sys.argv[0] == "-c", len(sys.argv))
data = sys.stdin.read().split()
if not data:
    print("no input", file=sys.stderr)
    sys.exit(0)
print(max(map(int, data)))
sys.exit()
