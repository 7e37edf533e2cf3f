import sys
small = [1]
big = [list(range(1000))]
print(sys.getsizeof(small) == sys.getsizeof(big))
s1 = ['a']
s2 = ['a' * 10000]
print(sys.getsizeof(s1) == sys.getsizeof(s2))
inner = list(range(100))
print(sys.getsizeof(inner), sys.getsizeof([inner]))
