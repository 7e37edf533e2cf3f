x = 0
def outer():
    x = 1
    def middle():
        x = 2
        def inner():
            nonlocal x
            x = 3
        inner()
        return x
    m = middle()
    return x, m
print(outer(), x)
def set_global():
    global x, newname
    x = 99
    newname = 'created inside function'
set_global()
print(x, newname)
def counter():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    def peek():
        return n
    return step, peek
s, p = counter()
s(); s()
print(p())
