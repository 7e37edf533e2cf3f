def g(n):
    for i in range(n):
        yield i
print(list(g(3)), sum(x * x for x in g(4)))
def h():
    try:
        return [y for y in g(2)]
    finally:
        print("finally")
print(h())
