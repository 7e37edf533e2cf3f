x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 == 5)
print(1 == 1.0, 'a' == 'a', [1] == [1], (1, 2) != (1, 2))
print(3 > 2 > 1, 3 > 2 < 1)
print(max(3, 7, 2), min('b', 'a', 'c'))
print(None == 0, [] == [], [] is [])
a = [1, 2]
b = a
print(a is b, a is not b, a == a[:], a is a[:])
def cmp(n):
    if n < 0:
        return 'neg'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'big'
print([cmp(v) for v in (-3, 0, 4, 99)])
print('yes' if x > 3 else 'no')
