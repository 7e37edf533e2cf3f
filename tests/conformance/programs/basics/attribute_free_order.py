# When an instance dies its attribute values are released in the order of
# the class's shared keys (the order names were first set on any instance),
# not the order this instance set them.
class Loud:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('free', self.name)
class Holder:
    pass
first = Holder()
first.a = Loud('first.a')
first.b = Loud('first.b')
first.c = Loud('first.c')
del first
second = Holder()
second.c = Loud('second.c')
second.b = Loud('second.b')
second.a = Loud('second.a')
print(list(vars(second)))
del second
third = Holder()
third.c = Loud('third.c')
third.a = Loud('third.a')
vars(third)
print('dict made')
del third
print('done')
