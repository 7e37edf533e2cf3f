a = 'hello'
b = 'hello'
print(a is b)
c = 'hello_world_program'
d = 'hello_world_program'
print(c is d)
def other():
    return 'hello'
print(other() is a)
def spaced():
    return 'hello world'
print(spaced() is spaced())
e = 'hello world'
print(e is spaced())
