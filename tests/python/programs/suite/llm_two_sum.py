from typing import List, Optional, Tuple

def two_sum(nums: List[int], target: int) -> Optional[Tuple[int, int]]:
    """Return indices of the two numbers adding up to target."""
    seen: dict[int, int] = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return seen[target - x], i
        seen[x] = i
    return None

if __name__ == "__main__":
    import sys
    lines = sys.stdin.read().strip().split("\n")
    for line in lines:
        *nums, target = map(int, line.split())
        print(two_sum(nums, target))
