import sys
for n in [0, 1, 3, 5, 10, 20]:
    literal = eval('[' + ', '.join(['0'] * n) + ']')
    from_range = list(range(n))
    comp = [x for x in range(n)]
    mult = [0] * n
    print(n, sys.getsizeof(literal), sys.getsizeof(from_range), sys.getsizeof(comp), sys.getsizeof(mult))
print(sys.getsizeof([1, 2, 3]), sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
