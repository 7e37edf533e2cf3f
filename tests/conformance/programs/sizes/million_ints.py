import sys
nums = list(range(1_000_000))
print(sys.getsizeof(nums))
print(sum(sys.getsizeof(n) for n in nums[:300]))
print(sys.getsizeof(nums[0]), sys.getsizeof(nums[-1]))
