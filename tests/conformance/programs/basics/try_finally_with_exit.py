def f(x):
    try:
        return 1 / x
    except ZeroDivisionError as e:
        print("caught", e)
    finally:
        print("finally")
class C:
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit", a[0]); return True
f(0)
for i in range(2):
    with C() as c:
        if i: break
        raise KeyError(i)
