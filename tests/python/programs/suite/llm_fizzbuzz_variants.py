def fizzbuzz(n: int) -> str:
    out = ""
    if n % 3 == 0:
        out += "Fizz"
    if n % 5 == 0:
        out += "Buzz"
    return out or str(n)

def main() -> None:
    n = int(input().strip())
    print("\n".join(fizzbuzz(i) for i in range(1, n + 1)))

if __name__ == "__main__":
    main()
