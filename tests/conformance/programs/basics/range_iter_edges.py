# range iterators at the edges of exact JS arithmetic (2**53) and of a C long (2**63)
big = 2**53 - 3
print(list(range(big, big + 6)))
print(list(range(-big, -big - 6, -1)))
print(list(range(2**63 - 2, 2**63 + 2)))
print(list(range(10, 0, -3)), list(range(0)), list(range(5, 5)))
it = iter(range(3)); print(it.__length_hint__()); next(it); print(it.__length_hint__())
print(type(iter(range(2**62))).__name__, type(iter(range(2**64))).__name__)
print(sum(range(1000000)))
