def greet(name, greeting='Hello', punct='!'):
    return f'{greeting}, {name}{punct}'
print(greet('Bo'))
print(greet('Bo', 'Hi'))
print(greet('Bo', punct='?'))
print(greet(greeting='Yo', name='Al'))
def total(*args, **kwargs):
    return sum(args), sorted(kwargs.items())
print(total(1, 2, 3, x=1, y=2))
print(total())
def kwonly(a, *, b=2):
    return a * b
print(kwonly(3), kwonly(3, b=5))
def posonly(a, b, /, c):
    return a - b - c
print(posonly(10, 3, c=1))
def noreturn():
    pass
print(noreturn())
def multi():
    return 1, 2
print(multi(), type(multi()).__name__)
print(greet.__name__, greet.__defaults__)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
