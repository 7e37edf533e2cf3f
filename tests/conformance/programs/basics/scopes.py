x = 'global'
def read():
    return x
def shadow():
    x = 'local'
    return x
def modify():
    global x
    x = 'modified'
print(read(), shadow(), x)
modify()
print(x)
def outer():
    y = 1
    def mid():
        def inner():
            nonlocal y
            y += 10
        inner()
    mid()
    return y
print(outer())
def show_locals():
    a = 1
    b = 'two'
    return sorted(locals().items())
print(show_locals())
print('x' in globals(), 'show_locals' in globals())
