def f(*a, **k): return a, k
for call in (lambda: f(*1), lambda: f(**[1]), lambda: f(x=1, **{"x": 2}), lambda: print(**[1])):
    try:
        call()
    except TypeError as e:
        print(e)
