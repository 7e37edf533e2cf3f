def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print('caught:', e)
    print(type(e).__name__, isinstance(e, RuntimeError))
print('program continues')
def ok(n):
    return n if n == 0 else ok(n - 1)
print(ok(100))
