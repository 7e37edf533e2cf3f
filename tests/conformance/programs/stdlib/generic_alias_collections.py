# deque[int], defaultdict[str, int], partial[int], chain[int], ref[int]: their __class_getitem__
import collections
import functools
import itertools
import weakref

print(collections.deque[int], collections.defaultdict[str, list[int]], functools.partial[int])
print(itertools.chain[int], weakref.ref[int])
print(collections.deque[int]([1, 2]), collections.defaultdict[str, int](int))
print('__class_getitem__' in collections.deque.__dict__, '__class_getitem__' in collections.defaultdict.__dict__)
print('__class_getitem__' in functools.partial.__dict__, '__class_getitem__' in itertools.chain.__dict__)
print('__class_getitem__' in weakref.ref.__dict__, list(itertools.chain[int]([1], [2])))
print(type(weakref.ref.__dict__['__class_getitem__']).__name__, collections.deque[int].__origin__)
