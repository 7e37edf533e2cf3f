# class C(list[int]): the alias's __mro_entries__ makes list the base; __orig_bases__ keeps the alias
import sys


class MyList(list[int]):
    pass


print(MyList.__bases__, MyList.__orig_bases__, MyList.__mro__)
m = MyList([1, 2])
m.append(3)
print(m, type(m), isinstance(m, list))


class D(dict[str, int], metaclass=type):
    x = 1


print(D.__bases__, D.__orig_bases__, sorted(k for k in D.__dict__ if not k.startswith('__w')))


class E(list):
    pass


print('__orig_bases__' in E.__dict__, sys.getsizeof(MyList()) == sys.getsizeof(E()))


class Weird:
    def __mro_entries__(self, bases):
        print('mro_entries got', len(bases), bases[1])
        return (int,)


class F(Weird(), object):
    pass


print(F.__bases__, len(F.__orig_bases__), F(5) + 1)


class Bad:
    def __mro_entries__(self, bases):
        return [int]


try:
    class G(Bad()):
        pass
except TypeError as e:
    print('TypeError', e)
try:
    type('H', (list[int],), {})
except TypeError as e:
    print('TypeError', e)


class Empty:
    def __mro_entries__(self, bases):
        return ()


class I(Empty()):
    pass


print(I.__bases__, type(I.__orig_bases__[0]).__name__)
