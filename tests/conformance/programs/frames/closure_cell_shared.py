def pair():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
get, set_ = pair()
print(get())
set_(42)
print(get())
print(get.__closure__[0] is set_.__closure__[0])
print(get.__code__.co_freevars, pair.__code__.co_cellvars)
