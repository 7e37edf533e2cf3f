r = x in [1, 2, 3]
r = x in {1, 2, 3}
r = x not in (1, 2)
for i in [1, 2, 3]:
    pass
for j in {4, 5}:
    pass
