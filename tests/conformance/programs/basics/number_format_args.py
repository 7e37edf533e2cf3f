# a number's __format__ called directly: str subclasses as specs, an empty spec, wrong arguments
class S(str): pass
print(format(1.5, S('.2f')), format(7, S('04d')), format(1+2j, S('')), (2.5).__format__(''), (3).__format__(''), True.__format__(''))
for f in ((1).__format__, (1.0).__format__, (1j).__format__):
    for a in ((5,), (), ('', '')):
        try:
            f(*a)
        except TypeError as e:
            print(e)
try:
    (1).__format__(spec='')
except TypeError as e:
    print(e)
