import sys
def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    arr = list(map(int, data[1:n + 1]))
    arr.sort()
    out = sys.stdout
    out.write(" ".join(map(str, arr)) + "\n")
    out.write(f"{sum(arr)} {min(arr)} {max(arr)}\n")
    first = sys.stdin.buffer.readline()
    print(first == b"")
main()
