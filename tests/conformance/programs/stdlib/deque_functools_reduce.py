from collections import deque
import functools
d = deque([1, 2, 3])
d.appendleft(0)
print(list(d) == [0, 1, 2, 3], type(d).__name__ == "deque", functools.reduce(max, d) == 3)
